/** Adaptive Cards of intervision sessions: the form that brings a case, the opening of the thread, a step. */
import { MAX_CASE_TEXT, MAX_CONTRIBUTION } from '../../../app/intervision.js';
import type { Locale } from '../../../domain/framework.js';
import type { IntervisionMethod } from '../../../domain/intervision/method.js';
import type { IntervisionSession } from '../../../domain/intervision/session.js';
import { translator } from '../../../i18n/translator.js';
import { stepLines } from '../../../presentation/intervision-texts.js';
import { intervisionInputIds, verbs } from '../ids.js';
import { adaptiveCard, attention, execute, subtle, textBlock, type AdaptiveCardJson, type CardElement } from './elements.js';

export interface IntervisionFormInput {
  locale: Locale;
  methods: readonly IntervisionMethod[];
  members: readonly { memberId: string; name: string }[];
  timeZone: string;
  values?: Record<string, string>;
  errors?: string[];
}

export function renderIntervisionFormCard({
  locale,
  methods,
  members,
  timeZone,
  values = {},
  errors = [],
}: IntervisionFormInput): AdaptiveCardJson {
  const t = translator(locale);
  const valueOf = (id: string) => (values[id] !== undefined ? { value: values[id] } : {});
  const body: CardElement[] = [
    textBlock(t('intervision.formTitle'), { weight: 'Bolder', size: 'Medium' }),
    ...errors.map((e) => attention(e)),
    {
      type: 'Input.Text',
      id: intervisionInputIds.caseText,
      label: t('intervision.case'),
      isMultiline: true,
      isRequired: true,
      maxLength: MAX_CASE_TEXT,
      ...valueOf(intervisionInputIds.caseText),
    },
    subtle(t('intervision.caseHint')),
    {
      type: 'Input.ChoiceSet',
      id: intervisionInputIds.method,
      label: t('intervision.method'),
      style: 'compact',
      choices: methods.map((m) => ({ title: m.title[locale], value: m.id })),
      value: values[intervisionInputIds.method] ?? methods[0]?.id ?? '',
    },
    {
      type: 'Input.ChoiceSet',
      id: intervisionInputIds.facilitator,
      label: t('intervision.facilitator'),
      style: 'compact',
      choices: members.slice(0, 100).map((m) => ({ title: m.name, value: m.memberId })),
      ...valueOf(intervisionInputIds.facilitator),
    },
    {
      type: 'Input.Date',
      id: intervisionInputIds.deadlineDate,
      label: t('intervision.deadlineDate'),
      isRequired: true,
      ...valueOf(intervisionInputIds.deadlineDate),
    },
    {
      type: 'Input.Time',
      id: intervisionInputIds.deadlineTime,
      label: t('intervision.deadlineTime'),
      value: values[intervisionInputIds.deadlineTime] ?? '17:00',
    },
    subtle(t('intervision.deadlineHint', { timeZone })),
  ];
  return adaptiveCard(body, [execute(t('intervision.start'), verbs.intervisionStart, {}, { style: 'positive' })]);
}

/** A step in the thread: its prompt and deadline, a box for the contribution, and the buttons. */
export function renderStepCard(session: IntervisionSession, step: number, timeZone: string): AdaptiveCardJson {
  const locale = session.locale;
  const t = translator(locale);
  const [title = '', prompt = ''] = stepLines(session, step, locale, timeZone);
  const last = step === session.method.steps.length - 1;
  const data = { s: session.id, n: step };
  return adaptiveCard(
    [
      textBlock(title, { weight: 'Bolder' }),
      textBlock(prompt),
      subtle(t('intervision.howTeams')),
      {
        type: 'Input.Text',
        id: intervisionInputIds.contribution,
        label: t('intervision.contributionLabel'),
        isMultiline: true,
        maxLength: MAX_CONTRIBUTION,
      },
    ],
    [
      execute(t('intervision.contribute'), verbs.intervisionContribute, data, { style: 'positive' }),
      execute(t(last ? 'intervision.finish' : 'intervision.next'), verbs.intervisionNext, data),
    ],
  );
}
