import { convergenceOf, type Convergence, type RatingPair } from '../domain/delphi.js';
import type { Response, Round } from '../domain/round.js';
import { withholdBelowThreshold } from '../domain/summary.js';
import type { CriterionStatistics } from '../domain/summary-types.js';
import type { AppContext } from './context.js';
import { respondentKey } from './pseudonym.js';

const itemKey = (r: Pick<Response, 'criterionId' | 'dimension'>) => `${r.criterionId}\u0000${r.dimension}`;

/**
 * One member's numeric ratings of each item in both rounds, paired through their respondent keys (the app holds
 * the pseudonym secret, so anonymous rounds pair too); only the counts leave the domain, never a pair's member.
 */
function ratingPairs(ctx: AppContext, previous: Round, round: Round, before: Response[], after: Response[]): RatingPair[] {
  const rated = (responses: Response[]) => {
    const byRespondent = new Map<string, Map<string, number>>();
    for (const r of responses) {
      if (r.value === 'na') continue;
      const mine = byRespondent.get(r.respondent) ?? new Map<string, number>();
      mine.set(itemKey(r), r.value);
      byRespondent.set(r.respondent, mine);
    }
    return byRespondent;
  };
  const was = rated(before);
  const now = rated(after);
  const pairs: RatingPair[] = [];
  for (const member of round.participants) {
    const earlier = was.get(respondentKey(ctx, previous, member));
    const later = now.get(respondentKey(ctx, round, member));
    if (!earlier || !later) continue;
    for (const [key, value] of later) {
      const old = earlier.get(key);
      const [criterionId = '', dimension = ''] = key.split('\u0000');
      if (old !== undefined) pairs.push({ criterionId, dimension, before: old, after: value });
    }
  }
  return pairs;
}

/**
 * A follow-up round's convergence against its previous step (`criteria`: the round's summary entries); null for a
 * round that follows nothing up. Pairing needs each member's answers of both steps: a follow-up asks few items.
 */
export async function convergenceFor(ctx: AppContext, round: Round, criteria: CriterionStatistics[]): Promise<Convergence | null> {
  if (!round.followUp) return null;
  const tenantId = round.place.tenantId;
  const previousId = round.followUp.previousRoundId;
  const [previous, previousSummary, before, after] = await Promise.all([
    ctx.stores.rounds.get(tenantId, previousId),
    ctx.stores.summaries.get(tenantId, previousId),
    ctx.stores.responses.listForRound(tenantId, previousId),
    ctx.stores.responses.listForRound(tenantId, round.id),
  ]);
  if (!previous || !previousSummary) return null;
  return convergenceOf({
    roundId: round.id,
    link: round.followUp,
    before: withholdBelowThreshold(previousSummary, previous.settings.anonymityThreshold).criteria,
    after: criteria,
    pairs: ratingPairs(ctx, previous, round, before, after),
    anonymityThreshold: round.settings.anonymityThreshold,
  });
}
