/** The admins' workspace settings form in Slack: opened from the App Home, each problem shown beside its field. */
import type { Actor } from '../../app/actor.js';
import { getWorkspaceSettings, updateWorkspaceSettings } from '../../app/workspace-settings.js';
import { SpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import type { WorkspaceSettings } from '../../domain/scheduling.js';
import { errorText } from '../../presentation/error-text.js';
import { parseSettingsForm, settingKeys, type SettingKey } from '../../presentation/settings-text.js';
import { renderSettingsForm } from './blocks/settings-form.js';
import type { SlackRuntime } from './runtime.js';
import type { WebClient } from './web-api.js';

export async function openSettingsForm(rt: SlackRuntime, client: WebClient, triggerId: string, actor: Actor, locale: Locale) {
  await client.views.open({ trigger_id: triggerId, view: renderSettingsForm(locale, await getWorkspaceSettings(rt.ctx, actor.tenantId)) });
}

type StateValues = Record<string, Record<string, { value?: string | null } | undefined> | undefined>;

export async function saveSettingsForm(
  rt: SlackRuntime,
  actor: Actor,
  values: StateValues,
  locale: Locale,
): Promise<{ settings: WorkspaceSettings } | { errors: Record<string, string> }> {
  if (!actor.isAdmin) return { errors: { [settingKeys[0]]: errorText(new SpiegelError('permission.adminOnly', 'not an admin'), locale) } };
  const typed: Partial<Record<SettingKey, string>> = {};
  for (const key of settingKeys) typed[key] = values[key]?.value?.value ?? '';
  const current = await getWorkspaceSettings(rt.ctx, actor.tenantId);
  const read = parseSettingsForm(typed, current);
  if ('errors' in read) {
    return { errors: Object.fromEntries(Object.entries(read.errors).map(([key, error]) => [key, errorText(error, locale)])) };
  }
  return { settings: await updateWorkspaceSettings(rt.ctx, actor, read.patch) };
}
