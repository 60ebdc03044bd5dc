/**
 * A member answering on a prompt card (Action.Execute): Save stores the card's ratings and comments and
 * answers with the member's own view of the card; a refresh (automatic, or "Show my answers") shows that view
 * without storing anything. Only the member who acted sees their view; the shared card keeps only progress.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { myAnswers, recordResponse } from '../../app/responses.js';
import { getRound, requireOpen } from '../../app/rounds.js';
import { SpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import { readDraft, planAnswers } from './answer-plan.js';
import { partAt, promptParts, type PromptPart } from './cards/card-parts.js';
import { renderPromptCard, renderRetiredPromptCard, type PersonalView } from './cards/prompt-card.js';
import { invokeCard, invokeMessage, refusal } from './reply.js';
import type { TeamsRuntime } from './runtime.js';

const cardDataSchema = z.object({
  r: z.string().min(1).max(64),
  p: z.coerce.number().int().min(0).max(1000),
  keep: z.array(z.string().max(64)).max(200).optional(),
});

export interface ActionCall {
  rt: TeamsRuntime;
  context: TurnContext;
  actor: Actor;
  locale: Locale;
  data: Record<string, unknown>;
}

function invalidCard(): SpiegelError {
  return new SpiegelError('input.invalid', 'card data does not name a round and part', { detail: 'this card is not one of Spiegel’s' });
}

async function roundAndPart(call: ActionCall): Promise<{ round: Round; part: PromptPart }> {
  const parsed = cardDataSchema.safeParse(call.data);
  if (!parsed.success) throw invalidCard();
  const round = await getRound(call.rt.ctx, call.actor, parsed.data.r);
  const part = partAt(round, parsed.data.p);
  if (!part) throw invalidCard();
  return { round, part };
}

async function personalCard(call: ActionCall, round: Round, part: PromptPart, view: Omit<PersonalView, 'answers'> = {}) {
  const { responses } = await myAnswers(call.rt.ctx, call.actor, round.id);
  const refreshUserIds = await call.rt.rounds.refreshUserIds(round);
  const progress = part.index === 0 ? await call.rt.rounds.progressOf(round) : null;
  return renderPromptCard({ round, part, locale: call.locale, progress, refreshUserIds, personal: { ...view, answers: responses } });
}

export async function saveAnswers(call: ActionCall): Promise<void> {
  const { rt, actor } = call;
  try {
    const { round, part } = await roundAndPart(call);
    requireOpen(round);
    if (!round.participants.includes(actor.userId))
      throw new SpiegelError('round.notParticipant', `${actor.userId} is not in round ${round.id}`);
    const keep = new Set(cardDataSchema.parse(call.data).keep ?? []);
    const { responses } = await myAnswers(rt.ctx, actor, round.id);
    const plan = planAnswers(round, part, readDraft(call.data), keep, responses, call.locale);
    if (plan.errors.length > 0) {
      await invokeCard(
        call.context,
        await personalCard(call, round, part, { notice: { kind: 'errors', errors: plan.errors }, draft: plan.draft }),
      );
      return;
    }
    for (const write of plan.writes) await recordResponse(rt.ctx, actor, write);
    if (plan.writes.length > 0) rt.progress.answered(round.place.tenantId, round.id);
    const notice = plan.writes.length > 0 ? ({ kind: 'saved', count: plan.writes.length } as const) : ({ kind: 'unchanged' } as const);
    await invokeCard(call.context, await personalCard(call, round, part, { notice }));
  } catch (error) {
    await invokeMessage(call.context, refusal(error, call.locale, rt.logger));
  }
}

/** The member's own view of a card; the shared view for those who do not take part; the final state once it ended. */
export async function showOwnView(call: ActionCall): Promise<void> {
  try {
    const { round, part } = await roundAndPart(call);
    if (round.state !== 'open') {
      const progress = part.index === 0 ? await call.rt.rounds.progressOf(round) : null;
      await invokeCard(call.context, renderRetiredPromptCard(round, part, progress));
      return;
    }
    if (!round.participants.includes(call.actor.userId)) {
      const progress = part.index === 0 ? await call.rt.rounds.progressOf(round) : null;
      const refreshUserIds = await call.rt.rounds.refreshUserIds(round);
      await invokeCard(call.context, renderPromptCard({ round, part, locale: round.locale, progress, refreshUserIds }));
      return;
    }
    await invokeCard(call.context, await personalCard(call, round, part));
  } catch (error) {
    await invokeMessage(call.context, refusal(error, call.locale, call.rt.logger));
  }
}

/** A member's own cards of a round, for their personal chat (`mine`, reminders). */
export async function personalPromptCards(rt: TeamsRuntime, round: Round, actor: Actor, locale: Locale, teamsId: string) {
  const { responses } = await myAnswers(rt.ctx, actor, round.id);
  return promptParts(round).map((part) =>
    renderPromptCard({ round, part, locale, progress: null, refreshUserIds: [teamsId], personal: { answers: responses } }),
  );
}
