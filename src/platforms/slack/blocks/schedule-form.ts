/** The "recurring round" modal: framework, cadence, time and zone, answer period, anonymity and k, reminders, language, participants. */
import type { types } from '@slack/bolt';
import { cadenceKinds } from '../../../domain/cadence.js';
import { locales, perspectives, type Framework, type Locale } from '../../../domain/framework.js';
import { translator } from '../../../i18n/translator.js';
import { callbackIds, scheduleBlockIds as ids } from '../ids.js';
import { limits, option, plain, truncate } from './limits.js';
import type { StartFormMetadata } from './start-form.js';

function input(blockId: string, label: string, element: types.InputBlockElement, extra: Partial<types.InputBlock> = {}): types.InputBlock {
  return { type: 'input', block_id: blockId, label: plain(label, limits.inputLabel), element, optional: true, ...extra };
}

const value = 'value';

export function renderScheduleForm(locale: Locale, frameworks: readonly Framework[], metadata: StartFormMetadata): types.ModalView {
  const t = translator(locale);
  const frameworkOptions = frameworks.slice(0, limits.optionsPerSelect).map((f) => option(f.title[locale], f.id));
  const cadenceOptions = cadenceKinds.map((kind) => option(t(`coord.cadence.${kind}`), kind));
  const weekdayOptions = ([1, 2, 3, 4, 5, 6, 0] as const).map((d) => option(t(`coord.weekday.${d}`), String(d)));
  const languageOptions = locales.map((l) => option(t(`slack.language.${l}`), l));
  const blocks: types.KnownBlock[] = [
    input(
      ids.framework,
      t('coord.form.framework'),
      {
        type: 'static_select',
        action_id: value,
        options: frameworkOptions,
        ...(frameworkOptions[0] ? { initial_option: frameworkOptions[0] } : {}),
      },
      { optional: false },
    ),
    input(ids.name, t('coord.form.name'), { type: 'plain_text_input', action_id: value, max_length: 120 }),
    input(
      ids.cadence,
      t('coord.form.cadence'),
      { type: 'static_select', action_id: value, options: cadenceOptions, initial_option: cadenceOptions[0]! },
      { optional: false },
    ),
    input(ids.weekday, t('coord.form.weekday'), {
      type: 'static_select',
      action_id: value,
      options: weekdayOptions,
      initial_option: weekdayOptions[0]!,
    }),
    input(ids.dayOfMonth, t('coord.form.dayOfMonth'), {
      type: 'number_input',
      action_id: value,
      is_decimal_allowed: false,
      min_value: '1',
      max_value: '28',
      initial_value: '1',
    }),
    input(ids.time, t('coord.form.time'), { type: 'timepicker', action_id: value, initial_time: '09:00' }),
    input(
      ids.cron,
      t('coord.form.cron'),
      { type: 'plain_text_input', action_id: value, max_length: 120 },
      { hint: plain(t('coord.form.cronHint'), limits.inputHint) },
    ),
    input(
      ids.timeZone,
      t('coord.form.timeZone'),
      { type: 'plain_text_input', action_id: value, max_length: 64, initial_value: metadata.timeZone },
      { optional: false },
    ),
    input(
      ids.answerDays,
      t('coord.form.answerDays'),
      { type: 'number_input', action_id: value, is_decimal_allowed: false, min_value: '1', max_value: '90', initial_value: '7' },
      { optional: false },
    ),
    input(
      ids.perspectives,
      t('method.startForm.perspectives'),
      { type: 'multi_static_select', action_id: value, options: perspectives.map((p) => option(t(`method.perspective.${p}`), p)) },
      { hint: plain(t('method.startForm.perspectivesHint'), limits.inputHint) },
    ),
    input(ids.options, t('coord.form.options'), {
      type: 'checkboxes',
      action_id: value,
      options: [option(t('coord.form.anonymous'), 'anonymous'), option(t('coord.form.reminders'), 'reminders')],
      initial_options: [option(t('coord.form.reminders'), 'reminders')],
    }),
    input(
      ids.k,
      t('coord.form.k'),
      { type: 'number_input', action_id: value, is_decimal_allowed: false, min_value: '1', max_value: '50' },
      { hint: plain(t('coord.form.kHint'), limits.inputHint) },
    ),
    input(
      ids.language,
      t('coord.form.language'),
      {
        type: 'static_select',
        action_id: value,
        options: languageOptions,
        initial_option: languageOptions.find((o) => o.value === locale) ?? languageOptions[0]!,
      },
      { optional: false },
    ),
    input(
      ids.participants,
      t('coord.form.participants'),
      { type: 'multi_users_select', action_id: value },
      { hint: plain(t('coord.form.participantsHint'), limits.inputHint) },
    ),
  ];
  return {
    type: 'modal',
    callback_id: callbackIds.schedule,
    private_metadata: truncate(JSON.stringify(metadata), limits.privateMetadata),
    title: plain(t('coord.form.title'), limits.viewTitle),
    submit: plain(t('coord.form.submit'), limits.viewSubmit),
    close: plain(t('coord.form.close'), limits.viewSubmit),
    blocks,
  };
}
