/** Delphi follow-ups from Teams: the `followup` command and the summary card's button share this. */
import type { Actor } from '../../app/actor.js';
import { startFollowUp } from '../../app/follow-ups.js';
import type { Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import { announceFollowUp } from '../follow-up-chat.js';
import type { ActionCall } from './answer-flow.js';
import { TeamsNotifier } from './notifier.js';
import { invokeMessage, refusal } from './reply.js';
import type { TeamsRuntime } from './runtime.js';

/** Announces a new follow-up in its conversation, briefs each member in their personal chat, and says what happened. */
export async function followUpReply(rt: TeamsRuntime, actor: Actor, locale: Locale, started: { round: Round; created: boolean }) {
  const timeZone = (await rt.directory.member(actor.tenantId, actor.userId))?.timeZone ?? 'UTC';
  return announceFollowUp({ ctx: rt.ctx, actor, notifier: new TeamsNotifier(rt), logger: rt.logger, locale, timeZone }, started);
}

/** The summary card's "Start a follow-up" (Action.Execute, data `{ r: roundId }`): the items it left unsettled, the default maximum. */
export async function startFollowUpFromCard({ rt, context, actor, locale, data }: ActionCall): Promise<void> {
  let text: string;
  try {
    const started = await startFollowUp(rt.ctx, actor, { roundId: String(data.r) });
    text = await followUpReply(rt, actor, locale, started);
  } catch (error) {
    text = refusal(error, locale, rt.logger);
  }
  await invokeMessage(context, text);
}
