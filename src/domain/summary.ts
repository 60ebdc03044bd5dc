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
 *   {@link describeRatings}, taken from the counts per scale point ({@link RoundTally}, {@link describeCounts}). An entry with n < `anonymityThreshold` (k) is a {@link SuppressedItem}: it
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
import { ItemTally, type TalliedItem } from './item-tally.js';
import { roundDimensionIds, type Response, type Round, type SummarySettings } from './round.js';
import { describeCounts, QUANTILE_METHOD, type RatingStatistics } from './statistics.js';
import {
  changeGaps,
  dimensionGaps,
  discussionPointsOf,
  isReported,
  itemKey,
  lowResponseGaps,
  lowScoreGaps,
  strengthsOf,
  type FindingsContext,
} from './summary-findings.js';
import type { CriterionStatistics, Summary, SummaryGroup } from './summary-types.js';

export interface SummarizeInput {
  round: Pick<Round, 'id' | 'framework' | 'participants' | 'settings' | 'locale' | 'anonymous'>;
  responses: Response[];
  /** Distinct members who answered at least one question of the round. */
  respondents: number;
  /** The previous round on the same framework in the same place, if any. */
  previous?: { roundId: string; criteria: CriterionStatistics[] };
}

type Answers = Map<string, Map<string, Map<string, Response>>>;

/**
 * This round's answers per criterion → dimension → respondent; the last answer per respondent wins.
 * Nested maps spare a composite key per response: this loop runs once per answer, 60,000 times for a large round.
 */
export function answersByItem(round: SummarizeInput['round'], dimensionIds: readonly string[], responses: readonly Response[]): Answers {
  const byItem: Answers = new Map();
  for (const c of round.framework.criteria) byItem.set(c.id, new Map(dimensionIds.map((d) => [d, new Map<string, Response>()])));
  for (const r of responses) {
    if (r.roundId !== round.id) continue;
    byItem.get(r.criterionId)?.get(r.dimension)?.set(r.respondent, r);
  }
  return byItem;
}

/** What the summary reads of an answer once it is known to be this round's and its respondent's last on the item. */
export type TalliedAnswer = Pick<Response, 'criterionId' | 'dimension' | 'value' | 'comment'>;

/**
 * A round's answers folded per item as they stream in: counts per scale point ("not applicable" last) and the
 * non-blank comments (trimmed), never the answers themselves, so a large round is summarised without holding them.
 * Each answer must be its respondent's only one on the item (as the store keeps them; {@link summarizeRound}
 * keeps the last of repeated ones first).
 */
export class RoundTally {
  readonly counts: ItemTally;
  private readonly comments: string[][];

  constructor(round: Pick<Round, 'framework'>) {
    this.counts = new ItemTally(round.framework.criteria, roundDimensionIds(round), round.framework.scale, 1);
    this.comments = this.counts.items.map(() => []);
  }

  add(answer: TalliedAnswer): void {
    const i = this.counts.itemOf(answer.criterionId, answer.dimension);
    if (i === undefined) return;
    this.counts.add(0, i, answer.value);
    const comment = (answer.comment ?? '').trim();
    if (comment.length > 0) this.comments[i]!.push(comment);
  }

  /** An item's comments sorted by text, so their order follows neither respondents nor time. */
  commentsOf(item: number, collator: Intl.Collator): string[] {
    return [...this.comments[item]!].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The statistics of one item's ratings. */
  describeItem(item: number, settings: SummarySettings): RatingStatistics {
    return this.describe(this.counts.countsOf(0, item), settings);
  }

  /** The statistics of the ratings of the items that `include` picks, pooled. */
  describePool(include: (item: TalliedItem) => boolean, settings: SummarySettings): RatingStatistics {
    return this.describe(this.counts.pooled(0, include), settings);
  }

  private describe(counts: Uint32Array, settings: SummarySettings): RatingStatistics {
    const na = this.counts.slots - 1;
    return describeCounts(counts.subarray(0, na), counts[na] ?? 0, this.counts.scale, settings);
  }
}

/** One entry per criterion and dimension, in framework order; below k only which item it is. */
export function criterionEntries(round: SummarizeInput['round'], answers: RoundTally): CriterionStatistics[] {
  const settings: SummarySettings = round.settings;
  const collator = new Intl.Collator(round.locale);
  return answers.counts.items.map(({ criterion: c, dimension }, i): CriterionStatistics => {
    const { ignoredCount: _ignored, ...statistics } = answers.describeItem(i, settings);
    const item = { criterionId: c.id, component: c.component, dimension };
    if (statistics.n < settings.anonymityThreshold) return { ...item, suppressed: true };
    return { ...item, suppressed: false, ...statistics, comments: answers.commentsOf(i, collator) };
  });
}

/** Every rating of a perspective's and of a component's criteria pooled per dimension, perspectives first, each in the order met. */
export function summaryGroups(round: SummarizeInput['round'], answers: RoundTally): SummaryGroup[] {
  const pools = new Map<string, { by: SummaryGroup['by']; group: string; dimension: string }>();
  for (const by of ['perspective', 'component'] as const) {
    for (const { criterion, dimension } of answers.counts.items) {
      pools.set(`${by}\u0000${criterion[by]}\u0000${dimension}`, { by, group: criterion[by], dimension });
    }
  }
  return [...pools.values()].map(({ by, group, dimension }) =>
    groupOf(
      by,
      group,
      dimension,
      answers.describePool((item) => item.dimension === dimension && item.criterion[by] === group, round.settings),
      round.settings,
    ),
  );
}

function groupOf(
  by: SummaryGroup['by'],
  group: string,
  dimension: string,
  stats: RatingStatistics,
  settings: SummarySettings,
): SummaryGroup {
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
}

/**
 * A summary as it may be shown under threshold `k`: entries with fewer than k numeric ratings become
 * suppressed, and every strength, gap and discussion point about them is dropped. {@link summarizeRound}
 * already obeys it; this applies it to summaries stored under an older rule or a lower threshold.
 */
export function withholdBelowThreshold(summary: Summary, k: number): Summary {
  const groupBelow = (g: SummaryGroup) => g.n !== null && g.n < k;
  if (!summary.criteria.some((c) => !c.suppressed && c.n < k) && !summary.groups?.some(groupBelow)) return summary;
  const hidden = new Set(summary.criteria.filter((c) => c.suppressed || c.n < k).map((c) => itemKey(c.criterionId, c.dimension)));
  const shown = (criterionId: string, dimension: string) => !hidden.has(itemKey(criterionId, dimension));
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
  const { responses, ...rest } = input;
  const answers = new RoundTally(input.round);
  for (const byDimension of answersByItem(input.round, roundDimensionIds(input.round), responses).values()) {
    for (const byRespondent of byDimension.values()) for (const answer of byRespondent.values()) answers.add(answer);
  }
  return summarizeTally({ ...rest, answers });
}

export interface SummarizeTallyInput extends Omit<SummarizeInput, 'responses'> {
  /** This round's answers, one per respondent and item. */
  answers: RoundTally;
}

/** The summary from a round's tallied answers: what {@link summarizeRound} gives for the same answers in a list. */
export function summarizeTally(input: SummarizeTallyInput): Summary {
  const { round, respondents, previous, answers } = input;
  const dimensionIds = roundDimensionIds(round);
  const participants = round.participants.length;
  const criteria = criterionEntries(round, answers);
  const reported = criteria.filter(isReported);
  const context: FindingsContext = { scale: round.framework.scale, settings: round.settings, dimensionIds, participants };
  const gaps = [
    ...lowScoreGaps(reported, context),
    ...dimensionGaps(reported, context),
    ...lowResponseGaps(reported, context),
    ...changeGaps(reported, previous?.criteria ?? [], context),
  ];
  return {
    roundId: round.id,
    locale: round.locale,
    participants,
    respondents,
    responseRate: participants > 0 ? respondents / participants : 0,
    criteria,
    groups: summaryGroups(round, answers),
    strengths: strengthsOf(reported, context),
    gaps,
    discussionPoints: discussionPointsOf(reported, gaps),
    previousRoundId: previous?.roundId ?? null,
    quantileMethod: QUANTILE_METHOD,
  };
}
