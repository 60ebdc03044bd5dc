/** Workspace settings from Teams: `settings` (a card in the personal chat for admins, else the list) and its Save. */
import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../app/actor.js';
import { getWorkspaceSettings, updateWorkspaceSettings } from '../../app/workspace-settings.js';
import { SpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import { errorText } from '../../presentation/error-text.js';
import { parseSettingsForm, settingKeys, type SettingKey } from '../../presentation/settings-text.js';
import { settingsCommandText } from '../settings-chat.js';
import { conversationKindOf } from './activity.js';
import type { ActionCall } from './answer-flow.js';
import { renderSettingsCard } from './cards/settings-card.js';
import { invokeCard, invokeMessage, refusal, replyCard, replyText } from './reply.js';
import type { TeamsRuntime } from './runtime.js';

export async function settingsCommand(rt: TeamsRuntime, context: TurnContext, actor: Actor, locale: Locale, args: string[]): Promise<void> {
  if (args.length === 0 && actor.isAdmin && conversationKindOf(context.activity) === 'personal') {
    return replyCard(context, renderSettingsCard(locale, await getWorkspaceSettings(rt.ctx, actor.tenantId)));
  }
  await replyText(context, (await settingsCommandText(rt.ctx, actor, args, locale)).join('\n\n'));
}

export async function saveSettingsCard({ rt, context, actor, locale, data }: ActionCall): Promise<void> {
  try {
    if (!actor.isAdmin) throw new SpiegelError('permission.adminOnly', `${actor.userId} is not an admin`);
    const values: Partial<Record<SettingKey, string>> = {};
    for (const key of settingKeys) if (typeof data[key] === 'string') values[key] = data[key];
    const current = await getWorkspaceSettings(rt.ctx, actor.tenantId);
    const read = parseSettingsForm(values, current);
    if ('errors' in read) {
      const errors = Object.values(read.errors).map((error) => errorText(error, locale));
      await invokeCard(context, renderSettingsCard(locale, current, { values, errors }));
      return;
    }
    const settings = await updateWorkspaceSettings(rt.ctx, actor, read.patch);
    await invokeCard(context, renderSettingsCard(locale, settings, { saved: true }));
  } catch (error) {
    await invokeMessage(context, refusal(error, locale, rt.logger));
  }
}
