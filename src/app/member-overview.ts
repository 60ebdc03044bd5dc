/** A member's overview of the open rounds of their workspace: those they answer, and those they coordinate. */
import { roundDimensionIds, type Round } from '../domain/round.js';
import { isCoordinator, type Actor } from './actor.js';
import type { AppContext } from './context.js';
import { respondentKey } from './pseudonym.js';
import { progressOf, type Progress } from './rounds.js';

export interface OverviewRound {
  round: Round;
  progress: Progress;
  /** Criteria × dimensions the member answered (rounds they take part in only). */
  mine?: { answered: number; total: number };
}

export interface MemberOverview {
  participating: OverviewRound[];
  coordinating: OverviewRound[];
}

/** At most this many rounds per list. */
export const overviewLimit = 20;

export async function memberOverview(ctx: AppContext, actor: Actor): Promise<MemberOverview> {
  const { tenantId, userId } = actor;
  const [participating, coordinated] = await Promise.all([
    ctx.stores.rounds.list(tenantId, { participant: userId, state: 'open', limit: overviewLimit }),
    ctx.stores.rounds.list(tenantId, { state: 'open', limit: overviewLimit, ...(actor.isAdmin ? {} : { coordinator: userId }) }),
  ]);
  return {
    participating: await Promise.all(
      participating.map(async (round) => {
        const answers = await ctx.stores.responses.listForRespondent(tenantId, round.id, respondentKey(ctx, round, userId));
        const total = round.framework.criteria.length * roundDimensionIds(round).length;
        return { round, progress: await progressOf(ctx, round), mine: { answered: answers.length, total } };
      }),
    ),
    coordinating: await Promise.all(
      coordinated.filter((round) => isCoordinator(actor, round)).map(async (round) => ({ round, progress: await progressOf(ctx, round) })),
    ),
  };
}
