/**
 * The "start a round" form as Adaptive Cards, with the fields of Slack's modal. Step 1 chooses the framework;
 * step 2 asks the rest (its criteria and dimensions depend on the framework): name, criteria, participants,
 * deadline, anonymity, dimensions, language and target score. A refused form comes back with what was typed.
 */
import { locales, perspectives, scalePoints, type Framework, type Locale } from '../../../domain/framework.js';
import { defaultSummarySettings, type Round } from '../../../domain/round.js';
import { translator } from '../../../i18n/translator.js';
import { startInputIds, verbs } from '../ids.js';
import {
  adaptiveCard,
  attention,
  execute,
  heading,
  plain,
  subtle,
  textBlock,
  truncate,
  type AdaptiveCardJson,
  type CardElement,
} from './elements.js';

/** Choices per ChoiceSet kept well under Teams' message size. */
const MAX_CHOICES = 100;

export interface MemberChoice {
  memberId: string;
  name: string;
}

/** The form's inputs as Teams sends them back: strings, multi-selects comma-separated. */
export type StartFormValues = Partial<Record<(typeof startInputIds)[keyof typeof startInputIds], string>>;

export function renderFrameworkChoiceCard(locale: Locale, frameworks: readonly Framework[], selected?: string): AdaptiveCardJson {
  const t = translator(locale);
  const value = frameworks.find((f) => f.id === selected)?.id ?? frameworks[0]?.id;
  return adaptiveCard(
    [
      heading(t('teams.start.title')),
      {
        type: 'Input.ChoiceSet',
        id: startInputIds.framework,
        label: t('teams.start.framework'),
        style: 'expanded',
        isRequired: true,
        errorMessage: t('teams.start.frameworkRequired'),
        choices: frameworks.slice(0, MAX_CHOICES).map((f) => ({ title: `${f.title[locale]} (${f.criteria.length})`, value: f.id })),
        ...(value ? { value } : {}),
      },
      subtle(t('teams.start.frameworkHint')),
    ],
    [execute(t('teams.start.next'), verbs.startFramework, {}, { style: 'positive' })],
  );
}

export interface StartFormInput {
  locale: Locale;
  framework: Framework;
  /** The members of the team or chat, to choose participants from. */
  members: readonly MemberChoice[];
  /** The starter's time zone: deadlines are read in it. */
  timeZone: string;
  /** Everyone is invited when no one is chosen: in a team, its members; in a chat, the chat's. */
  where: 'team' | 'chat';
  values?: StartFormValues;
  errors?: string[];
  /** Set by `later`: the round is planned to start then (with the moment as the starter reads it). */
  startAt?: { at: Date; text: string };
}

export function renderStartFormCard({
  locale,
  framework,
  members,
  timeZone,
  where,
  values = {},
  errors = [],
  startAt,
}: StartFormInput): AdaptiveCardJson {
  const t = translator(locale);
  const points = scalePoints(framework.scale);
  const min = points[0] ?? 1;
  const max = points[points.length - 1] ?? 5;
  const body: CardElement[] = [
    heading(t('teams.start.title')),
    textBlock(`${t('teams.start.framework')}: **${plain(framework.title[locale])}**`),
    ...(startAt ? [textBlock(t('manage.later.formNote', { when: startAt.text }))] : []),
  ];
  if (errors.length > 0)
    body.push(attention(t('teams.start.notStarted')), ...errors.map((e) => textBlock(`- ${e}`, { color: 'Attention', spacing: 'None' })));
  const input = (element: CardElement, hint?: string): void => {
    body.push(element);
    if (hint) body.push(subtle(hint));
  };
  const valueOf = (id: keyof StartFormValues) => (values[id] !== undefined ? { value: values[id] } : {});

  input({
    type: 'Input.Text',
    id: startInputIds.name,
    label: t('teams.start.name'),
    placeholder: t('teams.start.namePlaceholder'),
    maxLength: 150,
    ...valueOf('name'),
  });
  input(
    {
      type: 'Input.ChoiceSet',
      id: startInputIds.criteria,
      label: t('startForm.criteria'),
      isMultiSelect: true,
      style: 'compact',
      choices: framework.criteria.slice(0, 200).map((c) => {
        const component = framework.components.find((k) => k.id === c.component)?.title[locale] ?? c.component;
        return { title: truncate(`${component} · ${c.text[locale]}`, 150), value: c.id };
      }),
      ...valueOf('criteria'),
    },
    t('startForm.criteriaHint'),
  );
  const used = perspectives.filter((p) => framework.criteria.some((c) => c.perspective === p));
  if (used.length > 1) {
    input(
      {
        type: 'Input.ChoiceSet',
        id: startInputIds.perspectives,
        label: t('method.startForm.perspectives'),
        isMultiSelect: true,
        style: 'compact',
        choices: used.map((p) => ({ title: t(`method.perspective.${p}`), value: p })),
        ...valueOf('perspectives'),
      },
      t('method.startForm.perspectivesHint'),
    );
  }
  input(
    {
      type: 'Input.ChoiceSet',
      id: startInputIds.participants,
      label: t('startForm.participants'),
      isMultiSelect: true,
      style: 'compact',
      choices: members.slice(0, MAX_CHOICES).map((m) => ({ title: m.name, value: m.memberId })),
      ...valueOf('participants'),
    },
    t(where === 'team' ? 'teams.start.participantsHintTeam' : 'teams.start.participantsHintChat'),
  );
  input({ type: 'Input.Date', id: startInputIds.deadlineDate, label: t('startForm.deadlineDate'), ...valueOf('deadlineDate') });
  input(
    { type: 'Input.Time', id: startInputIds.deadlineTime, label: t('startForm.deadlineTime'), ...valueOf('deadlineTime') },
    t('startForm.deadlineHint', { timeZone }),
  );
  input(
    {
      type: 'Input.Toggle',
      id: startInputIds.anonymous,
      label: t('startForm.options'),
      title: t('startForm.anonymous'),
      valueOn: 'true',
      valueOff: 'false',
      value: values.anonymous === 'true' ? 'true' : 'false',
    },
    t('startForm.anonymousHint'),
  );
  if (framework.dimensions.length > 0) {
    input(
      {
        type: 'Input.ChoiceSet',
        id: startInputIds.dimensions,
        label: t('startForm.dimensions'),
        isMultiSelect: true,
        style: 'expanded',
        choices: framework.dimensions.map((d) => ({ title: d.label[locale], value: d.id })),
        value: values.dimensions ?? framework.dimensions.map((d) => d.id).join(','),
      },
      t('startForm.dimensionsHint'),
    );
  }
  input({
    type: 'Input.ChoiceSet',
    id: startInputIds.language,
    label: t('startForm.language'),
    style: 'compact',
    choices: locales.map((l) => ({ title: t(`teams.language.${l}`), value: l })),
    value: values.language && (locales as readonly string[]).includes(values.language) ? values.language : locale,
  });
  input(
    {
      type: 'Input.Number',
      id: startInputIds.target,
      label: t('startForm.target'),
      min,
      max,
      value:
        Number.isFinite(Number(values.target)) && values.target?.trim()
          ? Number(values.target)
          : Math.min(max, Math.max(min, defaultSummarySettings.targetScore)),
    },
    t('startForm.targetHint', { min, max }),
  );
  input(
    {
      type: 'Input.Number',
      id: startInputIds.k,
      label: t('startForm.k'),
      min: 2,
      max: 50,
      ...(Number.isInteger(Number(values.k)) && values.k?.trim() ? { value: Number(values.k) } : {}),
    },
    t('startForm.kHint'),
  );
  return adaptiveCard(body, [
    execute(
      t('teams.start.submit'),
      verbs.startSubmit,
      { f: framework.id, ...(startAt ? { s: startAt.at.toISOString() } : {}) },
      { style: 'positive' },
    ),
    execute(t('teams.start.otherFramework'), verbs.startBack, { f: framework.id }, { associatedInputs: 'none' }),
  ]);
}

/** What the form turns into, for everyone, once the round is started. */
export function renderStartedCard(locale: Locale, round: Round, starter: string): AdaptiveCardJson {
  const t = translator(locale);
  return adaptiveCard([
    heading(t('teams.start.title')),
    textBlock(t('teams.start.started', { user: plain(starter), name: plain(round.name), count: round.participants.length })),
  ]);
}
