/** The admins' "workspace settings" modal: one field per setting, in the same plain form as `settings set KEY VALUE`. */
import type { types } from '@slack/bolt';
import type { Locale } from '../../../domain/framework.js';
import type { WorkspaceSettings } from '../../../domain/scheduling.js';
import { translator } from '../../../i18n/translator.js';
import { settingKeys, settingValue } from '../../../presentation/settings-text.js';
import { callbackIds } from '../ids.js';
import { limits, plain } from './limits.js';

export function renderSettingsForm(locale: Locale, settings: WorkspaceSettings): types.ModalView {
  const t = translator(locale);
  return {
    type: 'modal',
    callback_id: callbackIds.settings,
    title: plain(t('coord.settings.title'), limits.viewTitle),
    submit: plain(t('coord.settings.save'), limits.viewSubmit),
    close: plain(t('coord.form.close'), limits.viewSubmit),
    blocks: settingKeys.map((key): types.InputBlock => ({
      type: 'input',
      block_id: key,
      optional: key === 'admins',
      label: plain(`${t(`coord.settings.label.${key}`)} (${key})`, limits.inputLabel),
      hint: plain(t(`coord.settings.hint.${key}`), limits.inputHint),
      element: { type: 'plain_text_input', action_id: 'value', max_length: 500, initial_value: settingValue(settings, key) },
    })),
  };
}
