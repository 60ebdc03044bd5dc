/** The admins' workspace settings card (personal chat): one field per setting, as `settings set KEY VALUE` reads it. Pure. */
import type { Locale } from '../../../domain/framework.js';
import type { WorkspaceSettings } from '../../../domain/scheduling.js';
import { translator } from '../../../i18n/translator.js';
import { settingKeys, settingValue, type SettingKey } from '../../../presentation/settings-text.js';
import { verbs } from '../ids.js';
import { adaptiveCard, attention, execute, good, heading, type AdaptiveCardJson } from './elements.js';

export function renderSettingsCard(
  locale: Locale,
  settings: WorkspaceSettings,
  options: { values?: Partial<Record<SettingKey, string>>; errors?: string[]; saved?: boolean } = {},
): AdaptiveCardJson {
  const t = translator(locale);
  return adaptiveCard(
    [
      heading(t('coord.settings.title')),
      ...(options.saved ? [good(t('coord.settings.saved'))] : []),
      ...(options.errors ?? []).map((e) => attention(e)),
      ...settingKeys.map((key) => ({
        type: 'Input.Text',
        id: key,
        label: `${t(`coord.settings.label.${key}`)} (${key})`,
        placeholder: t(`coord.settings.hint.${key}`),
        maxLength: 500,
        value: options.values?.[key] ?? settingValue(settings, key),
      })),
    ],
    [execute(t('coord.settings.save'), verbs.settingsSave, {}, { style: 'positive' })],
  );
}
