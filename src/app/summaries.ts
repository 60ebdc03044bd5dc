import { SpiegelError } from '../domain/errors.js';
import type { ExportRow, OpenAnswerExportRow, Response, Round } from '../domain/round.js';
import type { Summary } from '../domain/summary-types.js';
import { requireCoordinator, type Actor } from './actor.js';
import type { AppContext } from './context.js';
import { computeSummary, storedSummary } from './compute-summary.js';
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
  return { round, summary: (await storedSummary(ctx, round)) ?? (await computeSummary(ctx, round)), interim: false };
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

/** The open answers as the summary holds them: alphabetical per question, none of a question withheld under k. */
function openAnswerRows(summary: Summary): OpenAnswerExportRow[] {
  return (summary.openQuestions ?? []).flatMap((q) =>
    q.answers.map((answer) => ({ question: q.questionId, component: q.component ?? '', answer })),
  );
}

/** What a coordinator exports of a round: its answers (as exportResponses), its open answers and its summary (interim while open). */
export async function roundExportData(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
): Promise<{ round: Round; summary: Summary; interim: boolean; rows: ExportRow[]; openRows: OpenAnswerExportRow[] }> {
  const { rows } = await exportResponses(ctx, actor, roundId);
  const summarized = await roundSummary(ctx, actor, roundId);
  return { rows, openRows: openAnswerRows(summarized.summary), ...summarized };
}
