/**
 * What a summary points out, from its reported entries only (a suppressed entry gives nothing away):
 * strengths, gaps by kind, and discussion points. Pure; the rules are those written above
 * {@link summarizeRound} in `summary.ts`.
 */
import type { Scale } from './framework.js';
import type { SummarySettings } from './round.js';
import { atLeast, below } from './statistics.js';
import type { CriterionStatistics, DiscussionPoint, Gap, ReportedItem, Summary } from './summary-types.js';

export const MAX_STRENGTHS = 5;
export const MAX_DISCUSSION_POINTS = 10;

type Reason = DiscussionPoint['reasons'][number];

/** Weight each reason adds to a discussion point; (1 − consensus) is added on top. */
export const DISCUSSION_WEIGHTS: Readonly<Record<Reason, number>> = {
  polarised: 3,
  divergent: 2,
  lowScore: 2,
  dimensionGap: 2,
  change: 1,
};

const REASON_ORDER: readonly Reason[] = ['polarised', 'divergent', 'lowScore', 'dimensionGap', 'change'];

/** What the findings of one round depend on besides its entries. */
export interface FindingsContext {
  scale: Scale;
  settings: SummarySettings;
  dimensionIds: readonly string[];
  participants: number;
}

export const itemKey = (criterionId: string, dimension: string): string => `${criterionId}\u0000${dimension}`;

export function isReported(item: CriterionStatistics): item is ReportedItem {
  return !item.suppressed;
}

/** Which two dimensions are compared for a dimension gap, as [high, low]; null for < 2 dimensions. */
export function gapDimensions(dimensionIds: readonly string[]): [string, string] | null {
  if (dimensionIds.length < 2) return null;
  if (dimensionIds.includes('importance') && dimensionIds.includes('practice')) return ['importance', 'practice'];
  return [dimensionIds[0]!, dimensionIds[1]!];
}

/**
 * In importance–practice rounds, importance says what matters, not how well it is done: only practice
 * ratings make strengths and low scores.
 */
function judgesQuality(item: ReportedItem, dimensionIds: readonly string[]): boolean {
  return !(item.dimension === 'importance' && dimensionIds.includes('practice'));
}

export function strengthsOf(reported: readonly ReportedItem[], { scale, dimensionIds }: FindingsContext): Summary['strengths'] {
  return reported
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => judgesQuality(s, dimensionIds) && s.class === 'consensus' && s.median !== null && atLeast(s.median, scale.max - 1))
    .sort((a, b) => (b.s.median ?? 0) - (a.s.median ?? 0) || (b.s.mean ?? 0) - (a.s.mean ?? 0) || a.i - b.i)
    .slice(0, MAX_STRENGTHS)
    .map(({ s }) => ({ criterionId: s.criterionId, dimension: s.dimension, median: s.median! }));
}

export function lowScoreGaps(reported: readonly ReportedItem[], { settings, dimensionIds }: FindingsContext): Gap[] {
  return reported
    .filter((s) => judgesQuality(s, dimensionIds) && s.median !== null && below(s.median, settings.targetScore))
    .map((s) => ({
      kind: 'lowScore',
      criterionId: s.criterionId,
      dimension: s.dimension,
      median: s.median!,
      target: settings.targetScore,
    }));
}

export function dimensionGaps(reported: readonly ReportedItem[], { settings, dimensionIds }: FindingsContext): Gap[] {
  const pair = gapDimensions(dimensionIds);
  if (!pair) return [];
  const [high, low] = pair;
  const lows = new Map(reported.filter((s) => s.dimension === low).map((s) => [s.criterionId, s.median]));
  const gaps: Gap[] = [];
  for (const s of reported) {
    const h = s.dimension === high ? s.median : null;
    const l = lows.get(s.criterionId) ?? null;
    if (h === null || l === null) continue;
    const difference = h - l;
    if (atLeast(difference, settings.dimensionGapThreshold)) {
      gaps.push({ kind: 'dimensionGap', criterionId: s.criterionId, high, low, highMedian: h, lowMedian: l, difference });
    }
  }
  return gaps;
}

/** Entries too few participants answered (rated or "not applicable"); none when the round has no participants. */
export function lowResponseGaps(reported: readonly ReportedItem[], { settings, participants }: FindingsContext): Gap[] {
  if (participants === 0) return [];
  return reported
    .map((s) => ({ s, answered: s.n + s.naCount }))
    .filter(({ answered }) => below(answered / participants, settings.lowResponseRate))
    .map(({ s, answered }) => ({ kind: 'lowResponse', criterionId: s.criterionId, dimension: s.dimension, answered, participants }));
}

/** Entries whose median moved by at least the change threshold since the previous round. */
export function changeGaps(
  reported: readonly ReportedItem[],
  previous: readonly CriterionStatistics[],
  { settings }: FindingsContext,
): Gap[] {
  const before = new Map(previous.filter(isReported).map((p) => [itemKey(p.criterionId, p.dimension), p]));
  const gaps: Gap[] = [];
  for (const s of reported) {
    const p = before.get(itemKey(s.criterionId, s.dimension));
    if (p?.median == null || s.median === null) continue;
    const delta = s.median - p.median;
    if (!atLeast(Math.abs(delta), settings.changeThreshold)) continue;
    gaps.push({
      kind: 'change',
      criterionId: s.criterionId,
      dimension: s.dimension,
      previousMedian: p.median,
      median: s.median,
      delta,
      previousConsensus: p.consensus,
      consensusDelta: p.consensus === null || s.consensus === null ? null : s.consensus - p.consensus,
    });
  }
  return gaps;
}

/** The entry a gap makes worth discussing, and why; a dimension gap counts where the shortfall is (`low`). */
function reasonOf(gap: Gap): { key: string; reason: Reason } | null {
  if (gap.kind === 'lowResponse') return null;
  if (gap.kind === 'dimensionGap') return { key: itemKey(gap.criterionId, gap.low), reason: 'dimensionGap' };
  return { key: itemKey(gap.criterionId, gap.dimension), reason: gap.kind };
}

export function discussionPointsOf(reported: readonly ReportedItem[], gaps: readonly Gap[]): DiscussionPoint[] {
  const reasons = new Map<string, Set<Reason>>();
  const add = (key: string, reason: Reason) => reasons.set(key, (reasons.get(key) ?? new Set()).add(reason));
  for (const s of reported) if (s.class === 'polarised' || s.class === 'divergent') add(itemKey(s.criterionId, s.dimension), s.class);
  for (const gap of gaps) {
    const found = reasonOf(gap);
    if (found) add(found.key, found.reason);
  }
  return reported
    .flatMap((s, i) => {
      const why = reasons.get(itemKey(s.criterionId, s.dimension));
      if (!why) return [];
      const list = REASON_ORDER.filter((r) => why.has(r));
      const weight = list.reduce((acc, r) => acc + DISCUSSION_WEIGHTS[r], 0) + (1 - (s.consensus ?? 1));
      return [{ i, point: { criterionId: s.criterionId, dimension: s.dimension, reasons: list, weight, comments: [...s.comments] } }];
    })
    .sort((a, b) => b.point.weight - a.point.weight || a.i - b.i)
    .slice(0, MAX_DISCUSSION_POINTS)
    .map(({ point }) => point);
}
