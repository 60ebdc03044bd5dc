/**
 * The "start a round" modal: framework, optional subset of criteria, participants, deadline,
 * anonymity, dimensions, language and target score. Blocks whose choices depend on the framework
 * carry its id in their block id, so Slack does not carry answers over when the framework changes.
 */
import type { types } from '@slack/bolt';
import { locales, perspectives, scalePoints, type Framework, type Locale } from '../../../domain/framework.js';
import { defaultSummarySettings } from '../../../domain/round.js';
import { translator } from '../../../i18n/translator.js';
import { actionIds, callbackIds, startBlockIds } from '../ids.js';
import { context, limits, option, plain, truncate } from './limits.js';
import { formatInstant } from '../../../presentation/schedule-texts.js';

export interface StartFormMetadata {
  channelId: string;
  /** The slash command's response_url: the outcome is reported there, ephemerally. */
  responseUrl: string;
  timeZone: string;
  /** Set by `/reflect later`: the round is planned to start then (ISO instant), not opened now. */
  startAt?: string;
}

export interface StartFormInput {
  locale: Locale;
  frameworks: readonly Framework[];
  frameworkId: string;
  metadata: StartFormMetadata;
}

/** `<base>|<frameworkId>`: block ids of the inputs that depend on the chosen framework. */
export function frameworkBlockId(base: string, frameworkId: string): string {
  return `${base}|${frameworkId}`;
}

function input(blockId: string, label: string, element: types.InputBlockElement, extra: Partial<types.InputBlock> = {}): types.InputBlock {
  return { type: 'input', block_id: blockId, label: plain(label, limits.inputLabel), element, optional: true, ...extra };
}

export function renderStartForm({ locale, frameworks, frameworkId, metadata }: StartFormInput): types.ModalView {
  const t = translator(locale);
  const framework = frameworks.find((f) => f.id === frameworkId) ?? frameworks[0];
  const blocks: types.KnownBlock[] = metadata.startAt
    ? [context(t('manage.later.formNote', { when: formatInstant(new Date(metadata.startAt), locale, metadata.timeZone) }))]
    : [];
  const frameworkOptions = frameworks.slice(0, limits.optionsPerSelect).map((f) => option(f.title[locale], f.id));
  const selected = frameworkOptions.find((o) => o.value === framework?.id);
  blocks.push(
    input(
      startBlockIds.framework,
      t('slack.start.framework'),
      {
        type: 'static_select',
        action_id: actionIds.startFramework,
        options: frameworkOptions,
        ...(selected ? { initial_option: selected } : {}),
      },
      { optional: false, dispatch_action: true },
    ),
  );
  blocks.push(
    input(startBlockIds.name, t('slack.start.name'), {
      type: 'plain_text_input',
      action_id: 'value',
      max_length: 150,
      placeholder: plain(t('slack.start.namePlaceholder'), limits.placeholder),
    }),
  );
  if (framework) {
    const groups = framework.components
      .map((component) => ({
        label: plain(component.title[locale], limits.optionText),
        options: framework.criteria
          .filter((c) => c.component === component.id)
          .slice(0, limits.optionsPerSelect)
          .map((c) => option(c.text[locale], c.id)),
      }))
      .filter((g) => g.options.length > 0)
      .slice(0, limits.optionsPerSelect);
    blocks.push(
      input(
        frameworkBlockId(startBlockIds.criteria, framework.id),
        t('startForm.criteria'),
        { type: 'multi_static_select', action_id: 'value', option_groups: groups },
        {
          hint: plain(t('startForm.criteriaHint'), limits.inputHint),
        },
      ),
    );
  }
  const used = perspectives.filter((p) => framework?.criteria.some((c) => c.perspective === p));
  if (framework && used.length > 1) {
    blocks.push(
      input(
        frameworkBlockId(startBlockIds.perspectives, framework.id),
        t('method.startForm.perspectives'),
        { type: 'multi_static_select', action_id: 'value', options: used.map((p) => option(t(`method.perspective.${p}`), p)) },
        { hint: plain(t('method.startForm.perspectivesHint'), limits.inputHint) },
      ),
    );
  }
  blocks.push(
    input(
      startBlockIds.participants,
      t('startForm.participants'),
      { type: 'multi_users_select', action_id: 'value' },
      {
        hint: plain(t('slack.start.participantsHint'), limits.inputHint),
      },
    ),
  );
  blocks.push(input(startBlockIds.deadlineDate, t('startForm.deadlineDate'), { type: 'datepicker', action_id: 'value' }));
  blocks.push(
    input(
      startBlockIds.deadlineTime,
      t('startForm.deadlineTime'),
      { type: 'timepicker', action_id: 'value' },
      {
        hint: plain(t('startForm.deadlineHint', { timeZone: metadata.timeZone }), limits.inputHint),
      },
    ),
  );
  blocks.push(
    input(startBlockIds.options, t('startForm.options'), {
      type: 'checkboxes',
      action_id: 'value',
      options: [{ ...option(t('startForm.anonymous'), 'anonymous'), description: plain(t('startForm.anonymousHint'), limits.optionText) }],
    }),
  );
  if (framework && framework.dimensions.length > 0) {
    const dimensionOptions = framework.dimensions.map((d) => option(d.label[locale], d.id));
    blocks.push(
      input(
        frameworkBlockId(startBlockIds.dimensions, framework.id),
        t('startForm.dimensions'),
        { type: 'checkboxes', action_id: 'value', options: dimensionOptions, initial_options: dimensionOptions },
        { hint: plain(t('startForm.dimensionsHint'), limits.inputHint) },
      ),
    );
  }
  const languageOptions = locales.map((l) => option(t(`slack.language.${l}`), l));
  blocks.push(
    input(
      startBlockIds.language,
      t('startForm.language'),
      {
        type: 'static_select',
        action_id: 'value',
        options: languageOptions,
        initial_option: languageOptions.find((o) => o.value === locale) ?? languageOptions[0],
      },
      { optional: false },
    ),
  );
  blocks.push(
    input(
      startBlockIds.k,
      t('startForm.k'),
      { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '2', max_value: '50' },
      { optional: true, hint: plain(t('startForm.kHint'), limits.inputHint) },
    ),
  );
  if (framework) {
    const points = scalePoints(framework.scale);
    const min = points[0] ?? 1;
    const max = points[points.length - 1] ?? 5;
    const initial = Math.min(max, Math.max(min, defaultSummarySettings.targetScore));
    blocks.push(
      input(
        frameworkBlockId(startBlockIds.target, framework.id),
        t('startForm.target'),
        {
          type: 'number_input',
          action_id: 'value',
          is_decimal_allowed: true,
          min_value: String(min),
          max_value: String(max),
          initial_value: String(initial),
        },
        { hint: plain(t('startForm.targetHint', { min, max }), limits.inputHint) },
      ),
    );
  }
  return {
    type: 'modal',
    callback_id: callbackIds.start,
    private_metadata: truncate(JSON.stringify(metadata), limits.privateMetadata),
    title: plain(t('slack.start.title'), limits.viewTitle),
    submit: plain(t('slack.start.submit'), limits.viewSubmit),
    close: plain(t('slack.start.close'), limits.viewSubmit),
    blocks,
  };
}
