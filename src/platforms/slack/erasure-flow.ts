/**
 * `/reflect forget-me`: a private question with what is stored, then the member's click erases (or keeps) their
 * answers. The answer replaces the question, so the buttons cannot be clicked twice by mistake.
 */
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { Actor } from '../../app/actor.js';
import { countMemberAnswers, eraseMemberAnswers } from '../../app/erasure.js';
import type { Locale } from '../../domain/framework.js';
import { translator } from '../../i18n/translator.js';
import { erasureDone } from '../../presentation/erasure-texts.js';
import { renderErasureQuestion } from './blocks/erasure.js';
import { actionIds, actorFor } from './ids.js';
import { ephemeral, refusal } from './reply.js';
import { teamOf, type SlackRuntime } from './runtime.js';

export async function askToForget(rt: SlackRuntime, actor: Actor, locale: Locale, respond: RespondFn): Promise<void> {
  const stored = await countMemberAnswers(rt.ctx, actor, actor.userId);
  await ephemeral(respond, renderErasureQuestion(stored, locale));
}

async function replaceQuestion(respond: RespondFn, text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: true, text });
}

export function registerErasureActions(app: App, rt: SlackRuntime): void {
  app.action<BlockAction<ButtonAction>>(actionIds.forgetConfirm, async ({ ack, body, respond, client, context }) => {
    await ack();
    const teamId = teamOf(context, body);
    const locale = await rt.directory.localeOf(client, teamId, body.user.id);
    try {
      const result = await eraseMemberAnswers(rt.ctx, actorFor(teamId, body.user.id, rt.config.SPIEGEL_ADMINS), body.user.id);
      rt.logger.info({ tenantId: `slack:${teamId}`, answers: result.answers, rounds: result.rounds }, 'a member erased their answers');
      await replaceQuestion(respond, erasureDone(result, locale));
    } catch (error) {
      await ephemeral(respond, refusal(error, locale, rt.logger));
    }
  });

  app.action<BlockAction<ButtonAction>>(actionIds.forgetKeep, async ({ ack, body, respond, client, context }) => {
    await ack();
    const locale = await rt.directory.localeOf(client, teamOf(context, body), body.user.id);
    await replaceQuestion(respond, translator(locale)('lifecycle.erasure.kept'));
  });
}
