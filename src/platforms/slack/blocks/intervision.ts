/** Block Kit of intervision sessions: the form that brings a case, a step in the thread, the contribution form. */
import type { types } from '@slack/bolt';
import type { Locale } from '../../../domain/framework.js';
import type { IntervisionMethod } from '../../../domain/intervision/method.js';
import type { IntervisionSession } from '../../../domain/intervision/session.js';
import { translator } from '../../../i18n/translator.js';
import { stepLines } from '../../../presentation/intervision-texts.js';
import { MAX_CASE_TEXT, MAX_CONTRIBUTION } from '../../../app/intervision.js';
import { actionIds, callbackIds, intervisionBlockIds } from '../ids.js';
import { button, escapeMrkdwn, limits, option, plain, section, truncate } from './limits.js';

export interface IntervisionFormMetadata {
  channelId: string;
  responseUrl: string;
  timeZone: string;
}

function input(blockId: string, label: string, element: types.InputBlockElement, extra: Partial<types.InputBlock> = {}): types.InputBlock {
  return { type: 'input', block_id: blockId, label: plain(label, limits.inputLabel), element, ...extra };
}

export function renderIntervisionForm(
  locale: Locale,
  methods: readonly IntervisionMethod[],
  metadata: IntervisionFormMetadata,
): types.ModalView {
  const t = translator(locale);
  const options = methods.map((m) => option(m.title[locale], m.id));
  return {
    type: 'modal',
    callback_id: callbackIds.intervision,
    private_metadata: truncate(JSON.stringify(metadata), limits.privateMetadata),
    title: plain(t('intervision.formTitle'), limits.viewTitle),
    submit: plain(t('intervision.start'), limits.viewSubmit),
    blocks: [
      input(
        intervisionBlockIds.caseText,
        t('intervision.case'),
        { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: MAX_CASE_TEXT },
        { hint: plain(t('intervision.caseHint'), limits.inputHint) },
      ),
      input(intervisionBlockIds.method, t('intervision.method'), {
        type: 'static_select',
        action_id: 'value',
        options,
        ...(options[0] ? { initial_option: options[0] } : {}),
      }),
      input(
        intervisionBlockIds.facilitator,
        t('intervision.facilitator'),
        { type: 'users_select', action_id: 'value' },
        { optional: true },
      ),
      input(intervisionBlockIds.deadlineDate, t('intervision.deadlineDate'), { type: 'datepicker', action_id: 'value' }),
      input(
        intervisionBlockIds.deadlineTime,
        t('intervision.deadlineTime'),
        { type: 'timepicker', action_id: 'value', initial_time: '17:00' },
        { hint: plain(t('intervision.deadlineHint', { timeZone: metadata.timeZone }), limits.inputHint) },
      ),
    ],
  };
}

/** A step in the thread, with the buttons to contribute and to move on. */
export function renderStep(session: IntervisionSession, step: number, timeZone: string): { text: string; blocks: types.KnownBlock[] } {
  const locale = session.locale;
  const t = translator(locale);
  const lines = stepLines(session, step, locale, timeZone);
  const last = step === session.method.steps.length - 1;
  const value = `${session.id}:${step}`;
  return {
    text: truncate(lines.join('\n'), limits.messageText),
    blocks: [
      section(truncate(escapeMrkdwn([...lines, t('intervision.howSlack')].join('\n')), limits.sectionText)),
      {
        type: 'actions',
        elements: [
          button(t('intervision.contribute'), actionIds.intervisionContribute, value, 'primary'),
          button(t(last ? 'intervision.finish' : 'intervision.next'), actionIds.intervisionNext, value),
        ],
      },
    ],
  };
}

export function renderContributionForm(session: IntervisionSession, step: number, locale: Locale): types.ModalView {
  const t = translator(locale);
  return {
    type: 'modal',
    callback_id: callbackIds.intervisionContribution,
    private_metadata: `${session.id}:${step}`,
    title: plain(t('intervision.formTitle'), limits.viewTitle),
    submit: plain(t('intervision.contribute'), limits.viewSubmit),
    blocks: [
      section(truncate(escapeMrkdwn(stepLines(session, step, locale, 'UTC').slice(1).join('\n')), limits.sectionText)),
      input(intervisionBlockIds.contribution, t('intervision.contributionLabel'), {
        type: 'plain_text_input',
        action_id: 'value',
        multiline: true,
        max_length: MAX_CONTRIBUTION,
      }),
    ],
  };
}
