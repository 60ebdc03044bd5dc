import { SpiegelError } from '../domain/errors.js';
import type { Round } from '../domain/round.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { respondentKey } from './pseudonym.js';
import { computeSummary } from './compute-summary.js';
import { type ErasureResult } from '../domain/erasure.js';
import { eraseMemberFromQualitySystem } from './mediation-erasure.js';
import { inputInvalid } from '../domain/input-problems.js';

/** Rounds looked at per member: far more than a member takes part in within a retention period. */
export const memberRoundLimit = 10_000;

/** A member acts on their own data; an admin on any member of their tenant. */
export function requireSelfOrAdmin(actor: Actor, memberId: string): void {
  if (actor.userId !== memberId && !actor.isAdmin) {
    throw new SpiegelError('permission.coordinatorOnly', `${actor.userId} may not act on the data of ${memberId}`);
  }
  if (memberId.trim() === '' || memberId.length > 256) throw inputInvalid('memberId');
}

/** The rounds of the actor's tenant that the member takes part in, newest first. */
export async function roundsOfMember(ctx: AppContext, actor: Actor, memberId: string): Promise<Round[]> {
  return ctx.stores.rounds.list(actor.tenantId, { participant: memberId, limit: memberRoundLimit });
}

/**
 * Erases a member's answers in every round of the tenant, open and closed: the answers and the answered
 * marker, both found under the member's respondent key (in anonymous rounds the pseudonym only the app can
 * derive). The round gets a new erasure mark first, so no process goes on taking the deleted marker as existing
 * (markAnswered): the member's next answer creates it again. A closed round's stored summary is recomputed from
 * what remains and marked as updated after an erasure. The member's traces in the mediation quality system go too
 * (see mediation-erasure.ts).
 */
export async function eraseMemberAnswers(ctx: AppContext, actor: Actor, memberId: string): Promise<ErasureResult> {
  requireSelfOrAdmin(actor, memberId);
  const qualitySystem = await eraseMemberFromQualitySystem(ctx, actor, memberId);
  const result: ErasureResult = { memberId, answers: 0, rounds: 0, summariesUpdated: 0, qualitySystem };
  for (const round of await roundsOfMember(ctx, actor, memberId)) {
    const key = respondentKey(ctx, round, memberId);
    await ctx.stores.rounds.markErasure(actor.tenantId, round.id, ctx.newId());
    const deleted =
      (await ctx.stores.responses.deleteForRespondent(actor.tenantId, round.id, key)) +
      (await ctx.stores.openAnswers.deleteForRespondent(actor.tenantId, round.id, key));
    await ctx.stores.participation.unmark(actor.tenantId, round.id, key);
    if (deleted === 0) continue;
    result.answers += deleted;
    result.rounds++;
    if (round.state === 'closed' && (await ctx.stores.summaries.get(actor.tenantId, round.id))) {
      const summary = await computeSummary(ctx, round);
      await ctx.stores.summaries.replace(actor.tenantId, { ...summary, updatedAfterErasure: true });
      result.summariesUpdated++;
    }
  }
  return result;
}

/** How many answers a member has stored, and in how many rounds: what the confirmation tells before erasing. */
export async function countMemberAnswers(ctx: AppContext, actor: Actor, memberId: string): Promise<{ answers: number; rounds: number }> {
  requireSelfOrAdmin(actor, memberId);
  let answers = 0;
  let rounds = 0;
  for (const round of await roundsOfMember(ctx, actor, memberId)) {
    const key = respondentKey(ctx, round, memberId);
    const n =
      (await ctx.stores.responses.listForRespondent(actor.tenantId, round.id, key)).length +
      (await ctx.stores.openAnswers.listForRespondent(actor.tenantId, round.id, key)).length;
    answers += n;
    if (n > 0) rounds++;
  }
  return { answers, rounds };
}
