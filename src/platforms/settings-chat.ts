/** `settings` and `settings set KEY VALUE` in Slack and Teams: the same text on both. */
import type { Actor } from '../app/actor.js';
import type { AppContext } from '../app/context.js';
import { getWorkspaceSettings, updateWorkspaceSettings } from '../app/workspace-settings.js';
import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import { settingConfirmation, settingPatch, settingsLines, type SettingKey } from '../presentation/settings-text.js';

export async function settingsCommandText(ctx: AppContext, actor: Actor, args: string[], locale: Locale): Promise<string[]> {
  const t = translator(locale);
  const [sub, key, ...value] = args;
  if (sub === 'set' && key && value.length > 0) {
    const current = await getWorkspaceSettings(ctx, actor.tenantId);
    const settings = await updateWorkspaceSettings(ctx, actor, settingPatch(key, value.join(' '), current));
    return [settingConfirmation(settings, key as SettingKey, locale)];
  }
  const settings = await getWorkspaceSettings(ctx, actor.tenantId);
  return [t('coord.settings.title'), ...settingsLines(settings, locale), t('coord.settings.usage')];
}
