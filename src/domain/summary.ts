/**
 * The summary of a round: what the group's answers show. Pure, no I/O.
 *
 * Rules (all thresholds come from `round.settings`):
 *
 * - **criteria** — one entry per (criterion, dimension) of the round, criteria in framework-snapshot
 *   order and, within a criterion, dimensions in `roundDimensionIds` order. Only responses of this
 *   round, for a criterion and dimension of the round, count; if one respondent appears more than once
 *   for the same criterion and dimension, the last occurrence wins. "Not applicable" is counted apart
 *   (`naCount`); ratings that are not a point of the scale are ignored. Statistics are those of
 *   {@link describeRatings}. An entry with n < `anonymityThreshold` (k) is a {@link SuppressedItem}: it
 *   keeps only which item it is, and it yields no strength, gap or discussion point, in named rounds too.
 *   Comments: trimmed, empty ones dropped, sorted by text (locale collation, then code units) so their
 *   order follows neither respondents nor time, and comments on different criteria cannot be lined up
 *   by position; they never carry a respondent id.
 * - **groups** — every rating of a component's (and a perspective's) criteria pooled per dimension, perspectives
 *   first: n, median, IQR and class of the pool, all null (`fewerThanK`) when the pool has fewer than k ratings.
 * - **responseRate** — respondents / participants, 0 when the round has no participants.
 * - **strengths, gaps, discussionPoints** consider reported entries only (n ≥ k).
 * - **strengths** — (in rounds with `importance` and `practice`: practice items only) criteria of class `consensus` whose median ≥ scale max − 1, best first (median,
 *   then mean, descending; then framework order), at most {@link MAX_STRENGTHS}.
 * - **gaps** — grouped by kind in this order, each in framework order:
 *   - `lowScore`: median < `targetScore` (practice items only in importance–practice rounds);
 *   - `dimensionGap` (rounds with ≥ 2 dimensions): with dimensions `importance` and `practice`,
 *     importance − practice, otherwise first dimension − second dimension, of the medians; a gap when
 *     the difference ≥ `dimensionGapThreshold` (`high` is the minuend, `low` the subtrahend);
 *   - `lowResponse` (only when the round has participants): (n + naCount) / participants <
 *     `lowResponseRate`;
 *   - `change`: against the previous round's entry with the same criterion and dimension, when both
 *     medians exist and |median − previous median| ≥ `changeThreshold`; `delta` = median − previous,
 *     `consensusDelta` = consensus − previous consensus when both exist.
 * - **discussionPoints** — entries with at least one reason among polarised / divergent (their class),
 *   lowScore, dimensionGap (attached to the `low` dimension's entry, where the shortfall is) and change.
 *   weight = Σ {@link DISCUSSION_WEIGHTS}[reason] + (1 − consensus); sorted by weight descending, then
 *   framework order; at most {@link MAX_DISCUSSION_POINTS}; each with the entry's comments.
 */
import type { Scale } from './framework.js';
import { roundDimensionIds, type RatingValue, type Response, type Round, type SummarySettings } from './round.js';
import { atLeast, below, describeRatings, QUANTILE_METHOD } from './statistics.js';
import type { CriterionStatistics, DiscussionPoint, Gap, ReportedItem, Summary, SummaryGroup } from './summary-types.js';

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

export interface SummarizeInput {
  round: Pick<Round, 'id' | 'framework' | 'participants' | 'settings' | 'locale' | 'anonymous'>;
  responses: Response[];
  /** Distinct members who answered at least one question of the round. */
  respondents: number;
  /** The previous round on the same framework in the same place, if any. */
  previous?: { roundId: string; criteria: CriterionStatistics[] };
}

const key = (criterionId: string, dimension: string): string => `${criterionId}\u0000${dimension}`;

/** Which two dimensions are compared for a dimension gap, as [high, low]; null for < 2 dimensions. */
export function gapDimensions(dimensionIds: readonly string[]): [string, string] | null {
  if (dimensionIds.length < 2) return null;
  if (dimensionIds.includes('importance') && dimensionIds.includes('practice')) return ['importance', 'practice'];
  return [dimensionIds[0]!, dimensionIds[1]!];
}

function sortComments(comments: string[], collator: Intl.Collator): string[] {
  return comments.sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function isReported(item: CriterionStatistics): item is ReportedItem {
  return !item.suppressed;
}

/**
 * A summary as it may be shown under threshold `k`: entries with fewer than k numeric ratings become
 * suppressed, and every strength, gap and discussion point about them is dropped. {@link summarizeRound}
 * already obeys it; this applies it to summaries stored under an older rule or a lower threshold.
 */
export function withholdBelowThreshold(summary: Summary, k: number): Summary {
  const groupBelow = (g: SummaryGroup) => g.n !== null && g.n < k;
  if (!summary.criteria.some((c) => !c.suppressed && c.n < k) && !summary.groups?.some(groupBelow)) return summary;
  const hidden = new Set(summary.criteria.filter((c) => c.suppressed || c.n < k).map((c) => key(c.criterionId, c.dimension)));
  const shown = (criterionId: string, dimension: string) => !hidden.has(key(criterionId, dimension));
  return {
    ...summary,
    criteria: summary.criteria.map((c) =>
      shown(c.criterionId, c.dimension)
        ? c
        : { criterionId: c.criterionId, component: c.component, dimension: c.dimension, suppressed: true },
    ),
    ...(summary.groups
      ? {
          groups: summary.groups.map((g) =>
            groupBelow(g) ? { ...g, fewerThanK: true, n: null, median: null, iqr: null, class: null } : g,
          ),
        }
      : {}),
    strengths: summary.strengths.filter((s) => shown(s.criterionId, s.dimension)),
    gaps: summary.gaps.filter((g) =>
      g.kind === 'dimensionGap' ? shown(g.criterionId, g.high) && shown(g.criterionId, g.low) : shown(g.criterionId, g.dimension),
    ),
    discussionPoints: summary.discussionPoints.filter((p) => shown(p.criterionId, p.dimension)),
  };
}

export function summarizeRound(input: SummarizeInput): Summary {
  const { round, respondents, previous } = input;
  const settings: SummarySettings = round.settings;
  const scale: Scale = round.framework.scale;
  const dimensionIds = roundDimensionIds(round);
  const participants = round.participants.length;

  // Group this round's answers per (criterion, dimension); last answer per respondent wins.
  // Nested maps (criterion → dimension → respondent) spare a composite key per response: this loop runs
  // once per answer, 60,000 times for a large round.
  const byItem = new Map<string, Map<string, Map<string, Response>>>();
  for (const c of round.framework.criteria) byItem.set(c.id, new Map(dimensionIds.map((d) => [d, new Map<string, Response>()])));
  for (const r of input.responses) {
    if (r.roundId !== round.id) continue;
    byItem.get(r.criterionId)?.get(r.dimension)?.set(r.respondent, r);
  }
  const collator = new Intl.Collator(round.locale);

  // Per-criterion statistics, in framework order; every rating also joins its component's and perspective's pool.
  const criteria: CriterionStatistics[] = [];
  const pools = new Map<string, { by: SummaryGroup['by']; group: string; dimension: string; values: RatingValue[] }>();
  const pool = (by: SummaryGroup['by'], group: string, dimension: string) => {
    const k = `${by}\u0000${group}\u0000${dimension}`;
    let found = pools.get(k);
    if (!found) pools.set(k, (found = { by, group, dimension, values: [] }));
    return found.values;
  };
  for (const c of round.framework.criteria) {
    for (const dimension of dimensionIds) {
      const answers = [...(byItem.get(c.id)?.get(dimension)?.values() ?? [])];
      const byComponent = pool('component', c.component, dimension);
      const byPerspective = pool('perspective', c.perspective, dimension);
      for (const a of answers) {
        byComponent.push(a.value);
        byPerspective.push(a.value);
      }
      const stats = describeRatings(
        answers.map((a) => a.value),
        scale,
        settings,
      );
      const comments = sortComments(
        answers.map((a) => (a.comment ?? '').trim()).filter((t) => t.length > 0),
        collator,
      );
      const { ignoredCount: _ignored, ...statistics } = stats;
      const item = { criterionId: c.id, component: c.component, dimension };
      criteria.push(
        stats.n < settings.anonymityThreshold ? { ...item, suppressed: true } : { ...item, suppressed: false, ...statistics, comments },
      );
    }
  }
  const groups = [...pools.values()]
    .sort((a, b) => (a.by === b.by ? 0 : a.by === 'perspective' ? -1 : 1))
    .map(({ by, group, dimension, values }): SummaryGroup => {
      const stats = describeRatings(values, scale, settings);
      const shown = stats.n >= settings.anonymityThreshold;
      return {
        by,
        group,
        dimension,
        fewerThanK: !shown,
        n: shown ? stats.n : null,
        median: shown ? stats.median : null,
        iqr: shown ? stats.iqr : null,
        class: shown ? stats.class : null,
      };
    });

  // Everything below is computed from reported entries only: a suppressed one gives nothing away.
  const reported = criteria.filter(isReported);
  const order = new Map(reported.map((s, i) => [key(s.criterionId, s.dimension), i]));
  const stat = (criterionId: string, dimension: string): ReportedItem | undefined => {
    const i = order.get(key(criterionId, dimension));
    return i === undefined ? undefined : reported[i];
  };

  // In importance–practice rounds, importance says what matters, not how well it is done: only practice
  // ratings make strengths and low scores.
  const judgesQuality = (s: ReportedItem): boolean => !(s.dimension === 'importance' && dimensionIds.includes('practice'));

  // Strengths.
  const strengths = reported
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => judgesQuality(s) && s.class === 'consensus' && s.median !== null && atLeast(s.median, scale.max - 1))
    .sort((a, b) => (b.s.median ?? 0) - (a.s.median ?? 0) || (b.s.mean ?? 0) - (a.s.mean ?? 0) || a.i - b.i)
    .slice(0, MAX_STRENGTHS)
    .map(({ s }) => ({ criterionId: s.criterionId, dimension: s.dimension, median: s.median! }));

  // Gaps, and the reasons they give to discussion points.
  const reasons = new Map<string, Set<Reason>>();
  const addReason = (criterionId: string, dimension: string, reason: Reason): void => {
    const k = key(criterionId, dimension);
    let set = reasons.get(k);
    if (!set) reasons.set(k, (set = new Set()));
    set.add(reason);
  };
  for (const s of reported) {
    if (s.class === 'polarised' || s.class === 'divergent') addReason(s.criterionId, s.dimension, s.class);
  }

  const lowScore: Gap[] = [];
  for (const s of reported) {
    if (judgesQuality(s) && s.median !== null && below(s.median, settings.targetScore)) {
      lowScore.push({
        kind: 'lowScore',
        criterionId: s.criterionId,
        dimension: s.dimension,
        median: s.median,
        target: settings.targetScore,
      });
      addReason(s.criterionId, s.dimension, 'lowScore');
    }
  }

  const dimensionGaps: Gap[] = [];
  const pair = gapDimensions(dimensionIds);
  if (pair) {
    const [high, low] = pair;
    for (const c of round.framework.criteria) {
      const h = stat(c.id, high)?.median ?? null;
      const l = stat(c.id, low)?.median ?? null;
      if (h === null || l === null) continue;
      const difference = h - l;
      if (atLeast(difference, settings.dimensionGapThreshold)) {
        dimensionGaps.push({ kind: 'dimensionGap', criterionId: c.id, high, low, highMedian: h, lowMedian: l, difference });
        addReason(c.id, low, 'dimensionGap');
      }
    }
  }

  const lowResponse: Gap[] = [];
  if (participants > 0) {
    for (const s of reported) {
      const answered = s.n + s.naCount;
      if (below(answered / participants, settings.lowResponseRate)) {
        lowResponse.push({ kind: 'lowResponse', criterionId: s.criterionId, dimension: s.dimension, answered, participants });
      }
    }
  }

  const changes: Gap[] = [];
  if (previous) {
    const before = new Map(previous.criteria.filter(isReported).map((p) => [key(p.criterionId, p.dimension), p]));
    for (const s of reported) {
      const p = before.get(key(s.criterionId, s.dimension));
      if (p?.median == null || s.median === null) continue;
      const delta = s.median - p.median;
      if (atLeast(Math.abs(delta), settings.changeThreshold)) {
        changes.push({
          kind: 'change',
          criterionId: s.criterionId,
          dimension: s.dimension,
          previousMedian: p.median,
          median: s.median,
          delta,
          previousConsensus: p.consensus,
          consensusDelta: p.consensus === null || s.consensus === null ? null : s.consensus - p.consensus,
        });
        addReason(s.criterionId, s.dimension, 'change');
      }
    }
  }

  // Discussion points.
  const discussionPoints: DiscussionPoint[] = reported
    .map((s, i) => ({ s, i, why: reasons.get(key(s.criterionId, s.dimension)) }))
    .filter((x): x is { s: ReportedItem; i: number; why: Set<Reason> } => x.why !== undefined && x.why.size > 0)
    .map(({ s, i, why }) => {
      const list = REASON_ORDER.filter((r) => why.has(r));
      const weight = list.reduce((acc, r) => acc + DISCUSSION_WEIGHTS[r], 0) + (1 - (s.consensus ?? 1));
      return { i, point: { criterionId: s.criterionId, dimension: s.dimension, reasons: list, weight, comments: [...s.comments] } };
    })
    .sort((a, b) => b.point.weight - a.point.weight || a.i - b.i)
    .slice(0, MAX_DISCUSSION_POINTS)
    .map(({ point }) => point);

  return {
    roundId: round.id,
    locale: round.locale,
    participants,
    respondents,
    responseRate: participants > 0 ? respondents / participants : 0,
    criteria,
    groups,
    strengths,
    gaps: [...lowScore, ...dimensionGaps, ...lowResponse, ...changes],
    discussionPoints,
    previousRoundId: previous?.roundId ?? null,
    quantileMethod: QUANTILE_METHOD,
  };
}
