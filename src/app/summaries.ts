import { SpiegelError } from '../domain/errors.js';
import type { Response, Round } from '../domain/round.js';
import { summarizeRound, withholdBelowThreshold } from '../domain/summary.js';
import type { Summary } from '../domain/summary-types.js';
import { requireCoordinator, type Actor } from './actor.js';
import type { AppContext } from './context.js';
import { getRound } from './rounds.js';

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

/** Everyone sees a closed round's summary; only coordinators see interim results of an open round. */
export async function roundSummary(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
): Promise<{ round: Round; summary: Summary; interim: boolean }> {
  const round = await getRound(ctx, actor, roundId);
  if (round.state === 'cancelled') throw new SpiegelError('round.closed', `round ${roundId} was cancelled`, { state: round.state });
  if (round.state === 'open') {
    requireCoordinator(actor, round);
    return { round, summary: await computeSummary(ctx, round), interim: true };
  }
  return { round, summary: (await storedSummary(ctx, round)) ?? (await computeSummary(ctx, round)), interim: false };
}

export interface ExportRow {
  criterion: string;
  component: string;
  dimension: string;
  value: number | 'na';
  comment: string;
}

/**
 * Coordinators export the raw answers per item, with no respondent column (in named rounds too, only a member
 * sees their own answers) and sorted by value and comment, so rows of one person cannot be lined up across
 * items. Items with fewer than k numeric ratings are left out, as in every other view.
 */
export async function exportResponses(ctx: AppContext, actor: Actor, roundId: string): Promise<{ round: Round; rows: ExportRow[] }> {
  const round = await getRound(ctx, actor, roundId);
  requireCoordinator(actor, round);
  const responses = await ctx.stores.responses.listForRound(actor.tenantId, roundId);
  const itemKey = (r: Response) => `${r.criterionId}\u0000${r.dimension}`;
  const numeric = new Map<string, number>();
  for (const r of responses) if (r.value !== 'na') numeric.set(itemKey(r), (numeric.get(itemKey(r)) ?? 0) + 1);
  const order = new Map(round.framework.criteria.map((c, i) => [c.id, i]));
  const component = new Map(round.framework.criteria.map((c) => [c.id, c.component]));
  const rows = responses
    .filter((r) => (numeric.get(itemKey(r)) ?? 0) >= round.settings.anonymityThreshold)
    .map((r) => ({
      criterion: r.criterionId,
      component: component.get(r.criterionId) ?? '',
      dimension: r.dimension,
      value: r.value,
      comment: r.comment ?? '',
    }))
    .sort(byItemThenAnswer(order));
  return { round, rows };
}

function byItemThenAnswer(order: Map<string, number>) {
  const valueRank = (v: ExportRow['value']) => (v === 'na' ? Number.POSITIVE_INFINITY : v);
  return (a: ExportRow, b: ExportRow) =>
    (order.get(a.criterion) ?? 0) - (order.get(b.criterion) ?? 0) ||
    a.dimension.localeCompare(b.dimension) ||
    valueRank(a.value) - valueRank(b.value) ||
    (a.comment < b.comment ? -1 : a.comment > b.comment ? 1 : 0);
}
