import { getWorkspaceSettings, updateWorkspaceSettings } from '../app/workspace-settings.js';
import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import {
  settingConfirmation,
  settingKeys,
  settingPatch,
  settingsLines,
  settingValue,
  type SettingKey,
} from '../presentation/settings-text.js';
import type { CliSession } from './cli-context.js';
import { asJson, asLines } from './output.js';

/** `settings show`: every setting of the tenant, as text or as `{ key: value }`. */
export async function showSettingsCommand(session: CliSession, format: 'text' | 'json', locale: Locale): Promise<string> {
  const settings = await getWorkspaceSettings(session.ctx, session.actor.tenantId);
  if (format === 'json') return asJson(Object.fromEntries(settingKeys.map((key) => [key, settingValue(settings, key)])));
  return asLines([translator(locale)('coord.settings.title'), ...settingsLines(settings, locale)]);
}

/** `settings set KEY VALUE`: one setting, validated with the same rules as the chat forms. */
export async function setSettingCommand(session: CliSession, key: string, value: string, locale: Locale): Promise<string> {
  const current = await getWorkspaceSettings(session.ctx, session.actor.tenantId);
  const settings = await updateWorkspaceSettings(session.ctx, session.actor, settingPatch(key, value, current));
  return asLines([settingConfirmation(settings, key as SettingKey, locale)]);
}
