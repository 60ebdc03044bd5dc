/**
 * `forget me`: the question goes to the member's personal chat; their click on it erases (or keeps) their
 * answers, and the card is replaced by the outcome, for them only.
 */
import type { Actor } from '../../app/actor.js';
import { countMemberAnswers, eraseMemberAnswers } from '../../app/erasure.js';
import type { Locale } from '../../domain/framework.js';
import { translator } from '../../i18n/translator.js';
import { erasureDone } from '../../presentation/erasure-texts.js';
import type { ActionCall } from './answer-flow.js';
import { renderErasureCard } from './cards/erasure-card.js';
import { renderMessageCard } from './cards/reply-cards.js';
import type { AdaptiveCardJson } from './cards/elements.js';
import { invokeCard, invokeMessage, refusal } from './reply.js';
import type { TeamsRuntime } from './runtime.js';

export async function erasureQuestionCard(rt: TeamsRuntime, actor: Actor, locale: Locale): Promise<AdaptiveCardJson> {
  return renderErasureCard(await countMemberAnswers(rt.ctx, actor, actor.userId), locale);
}

export async function confirmErasure(call: ActionCall): Promise<void> {
  try {
    const result = await eraseMemberAnswers(call.rt.ctx, call.actor, call.actor.userId);
    call.rt.logger.info({ tenantId: call.actor.tenantId, answers: result.answers, rounds: result.rounds }, 'a member erased their answers');
    await invokeCard(call.context, renderMessageCard(erasureDone(result, call.locale)));
  } catch (error) {
    await invokeMessage(call.context, refusal(error, call.locale, call.rt.logger));
  }
}

export async function keepAnswers(call: ActionCall): Promise<void> {
  await invokeCard(call.context, renderMessageCard(translator(call.locale)('lifecycle.erasure.kept')));
}
