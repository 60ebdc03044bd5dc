import type { Round } from '../domain/round.js';
import { summarizeRound, withholdBelowThreshold } from '../domain/summary.js';
import type { Summary } from '../domain/summary-types.js';
import type { AppContext } from './context.js';

/** Computes a round's summary from its stored answers, compared with the previous round in the same place. */
export async function computeSummary(ctx: AppContext, round: Round): Promise<Summary> {
  const tenantId = round.place.tenantId;
  const [responses, respondents, previousRound] = await Promise.all([
    ctx.stores.responses.listForRound(tenantId, round.id),
    ctx.stores.participation.countAnswered(tenantId, round.id),
    ctx.stores.rounds.findPrevious(round.place, round.framework.id, round.openedAt),
  ]);
  const previousSummary = previousRound ? await ctx.stores.summaries.get(tenantId, previousRound.id) : null;
  return summarizeRound({
    round,
    responses,
    respondents,
    ...(previousSummary ? { previous: { roundId: previousSummary.roundId, criteria: previousSummary.criteria } } : {}),
  });
}

/** A closed round's stored summary as it may be shown under the round's threshold k (also one stored under an older rule). */
export async function storedSummary(ctx: AppContext, round: Round): Promise<Summary | null> {
  const stored = await ctx.stores.summaries.get(round.place.tenantId, round.id);
  return stored && withholdBelowThreshold(stored, round.settings.anonymityThreshold);
}
