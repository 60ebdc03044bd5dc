import { SpiegelError } from '../domain/errors.js';
import type { Response, Round } from '../domain/round.js';
import type { Summary } from '../domain/summary-types.js';
import { requireCoordinator, type Actor } from './actor.js';
import type { AppContext } from './context.js';
import { computeSummary } from './compute-summary.js';
import { getRound } from './rounds.js';

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
  const stored = await ctx.stores.summaries.get(actor.tenantId, roundId);
  return { round, summary: stored ?? (await computeSummary(ctx, round)), interim: false };
}

export interface ExportRow {
  respondent: string;
  criterion: string;
  component: string;
  dimension: string;
  value: number | 'na';
  comment: string;
}

/** Coordinators export the raw answers; in anonymous rounds the respondent column holds pseudonyms. */
export async function exportResponses(ctx: AppContext, actor: Actor, roundId: string): Promise<{ round: Round; rows: ExportRow[] }> {
  const round = await getRound(ctx, actor, roundId);
  requireCoordinator(actor, round);
  const responses = await ctx.stores.responses.listForRound(actor.tenantId, roundId);
  const order = new Map(round.framework.criteria.map((c, i) => [c.id, i]));
  const component = new Map(round.framework.criteria.map((c) => [c.id, c.component]));
  const rows = [...responses].sort(byCriterionThenRespondent(order)).map((r) => ({
    respondent: r.respondent,
    criterion: r.criterionId,
    component: component.get(r.criterionId) ?? '',
    dimension: r.dimension,
    value: r.value,
    comment: r.comment ?? '',
  }));
  return { round, rows };
}

function byCriterionThenRespondent(order: Map<string, number>) {
  return (a: Response, b: Response) =>
    (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0) ||
    a.dimension.localeCompare(b.dimension) ||
    a.respondent.localeCompare(b.respondent);
}
