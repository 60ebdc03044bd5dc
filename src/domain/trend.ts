/**
 * Trends: per criterion (and dimension), the median and consensus of every closed round of one framework in a
 * place, oldest first, with the changes between consecutive rounds that the rounds' spread does not explain.
 * Pure, no I/O.
 *
 * Which test, and why: a two-sided Mann–Whitney U test between the ratings of one round and those of the
 * round before it (normal approximation with tie and continuity correction, α = {@link TREND_ALPHA}). Ratings
 * are ordinal and few, often tied on a five-point scale, and the two rounds have different members and sizes;
 * Mann–Whitney compares the two distributions by ranks only, assumes no normality or equal spread, and uses
 * every rating rather than the medians alone. A medians-only rule (|Δ| ≥ 1) flags a shift of one answer in a
 * small group, and misses a shift of the whole distribution that moves the median by half a point. A change is
 * flagged only when the test rejects at α AND the medians differ, so that it is both beyond the spread and
 * visible in what the summary shows. With fewer than k ratings in either round nothing is shown or tested.
 */
import type { Criterion } from './framework.js';
import type { FrameworkSnapshot, RatingValue } from './round.js';
import { describeTally, judgesQuality, type ClassSettings } from './rollup.js';
import { ItemTally } from './item-tally.js';
import { below } from './statistics.js';
import type { ConsensusClass } from './summary-types.js';

export const TREND_ALPHA = 0.05;

export interface TrendRound {
  roundId: string;
  name: string;
  closedAt: Date;
  /** The framework version the round asked (its snapshot). */
  version: string;
  /** The criteria the round asked: a version may have added or removed some. */
  criterionIds: string[];
}

export interface TrendPoint {
  roundId: string;
  /** False when the round's version of the framework did not have the criterion. */
  asked: boolean;
  fewerThanK: boolean;
  n: number | null;
  median: number | null;
  iqr: number | null;
  consensus: number | null;
  class: ConsensusClass | null;
  /** The median lies below the workspace's target (never for importance, which says what matters, not how well it is done). */
  belowTarget: boolean;
}

export interface TrendChange {
  fromRoundId: string;
  toRoundId: string;
  medianDelta: number;
  consensusDelta: number | null;
  /** Mann–Whitney U of the later round against the earlier one. */
  u: number;
  z: number;
  p: number;
  flagged: boolean;
}

export interface TrendSeries {
  criterionId: string;
  component: string;
  perspective: Criterion['perspective'];
  dimension: string;
  points: TrendPoint[];
  /** Between consecutive rounds that both show the item. */
  changes: TrendChange[];
}

export interface Trend {
  frameworkId: string;
  rounds: TrendRound[];
  series: TrendSeries[];
  alpha: number;
  test: string;
  anonymityThreshold: number;
  targetScore: number;
}

/** Standard normal cumulative distribution (Abramowitz & Stegun 7.1.26 for erf; error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * Two-sided Mann–Whitney U test of `later` against `earlier`, from counts per scale point (ties share their
 * mid-rank): U = R − n(n + 1)/2 for the later sample, z with tie and continuity correction. Null when either
 * sample is empty or all ratings are equal (no variance).
 */
export function mannWhitney(earlier: ArrayLike<number>, later: ArrayLike<number>): { u: number; z: number; p: number } | null {
  let n1 = 0;
  let n2 = 0;
  for (const count of Array.from(later)) n1 += count;
  for (const count of Array.from(earlier)) n2 += count;
  const total = n1 + n2;
  if (n1 === 0 || n2 === 0) return null;
  let below = 0;
  let rankSum = 0;
  let ties = 0;
  for (let j = 0; j < Math.max(later.length, earlier.length); j++) {
    const t = (later[j] ?? 0) + (earlier[j] ?? 0);
    if (t === 0) continue;
    rankSum += (later[j] ?? 0) * (below + (t + 1) / 2);
    ties += t * t * t - t;
    below += t;
  }
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  const variance = ((n1 * n2) / 12) * (total + 1 - ties / (total * (total - 1)));
  if (!(variance > 0)) return null;
  const z = (Math.sign(u - (n1 * n2) / 2) * Math.max(0, Math.abs(u - (n1 * n2) / 2) - 0.5)) / Math.sqrt(variance);
  return { u, z, p: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))) };
}

/**
 * The criteria a trend follows across the versions its rounds asked, aligned by id: those of the current version in
 * its order (with its texts), then those that only earlier versions had (with the text of the latest round that asked
 * them). A reworded criterion keeps its id and so stays one line.
 */
export function criteriaAcrossVersions(current: readonly Criterion[], newestFirst: readonly (readonly Criterion[])[]): Criterion[] {
  const byId = new Map(current.map((c) => [c.id, c]));
  for (const criteria of newestFirst) for (const c of criteria) if (!byId.has(c.id)) byId.set(c.id, c);
  return [...byId.values()];
}

export interface TrendPlan {
  frameworkId: string;
  framework: Pick<FrameworkSnapshot, 'criteria' | 'scale'>;
  dimensionIds: string[];
  /** Oldest first. */
  rounds: TrendRound[];
  settings: ClassSettings & { anonymityThreshold: number; targetScore: number };
}

/** Tallies the ratings of the rounds per item as they stream in, then builds the series. */
export class TrendTally {
  private readonly roundIndex: Map<string, number>;
  private readonly tally: ItemTally;

  constructor(private readonly plan: TrendPlan) {
    this.roundIndex = new Map(plan.rounds.map((r, i) => [r.roundId, i]));
    this.tally = new ItemTally(plan.framework.criteria, plan.dimensionIds, plan.framework.scale, plan.rounds.length);
  }

  add(answer: { roundId: string; criterionId: string; dimension: string; value: RatingValue }): void {
    const r = this.roundIndex.get(answer.roundId);
    const i = this.tally.itemOf(answer.criterionId, answer.dimension);
    if (r !== undefined && i !== undefined) this.tally.add(r, i, answer.value);
  }

  result(): Trend {
    const { plan, tally } = this;
    const series = tally.items.map(({ criterion, dimension }, i): TrendSeries => {
      const judged = judgesQuality(dimension, plan.dimensionIds);
      const points = plan.rounds.map((round, r): TrendPoint => {
        const s = describeTally(tally.countsOf(r, i), plan.framework.scale, plan.settings);
        return {
          roundId: round.roundId,
          asked: round.criterionIds.includes(criterion.id),
          fewerThanK: s.fewerThanK,
          n: s.n,
          median: s.median,
          iqr: s.iqr,
          consensus: s.consensus,
          class: s.class,
          belowTarget: judged && s.median !== null && below(s.median, plan.settings.targetScore),
        };
      });
      const changes: TrendChange[] = [];
      let previous = -1;
      points.forEach((point, r) => {
        if (point.median === null) return;
        if (previous >= 0) {
          const before = points[previous]!;
          const test = mannWhitney(tally.ratingsOf(previous, i), tally.ratingsOf(r, i));
          const medianDelta = point.median - before.median!;
          changes.push({
            fromRoundId: before.roundId,
            toRoundId: point.roundId,
            medianDelta,
            consensusDelta: point.consensus === null || before.consensus === null ? null : point.consensus - before.consensus,
            u: test?.u ?? 0,
            z: test?.z ?? 0,
            p: test?.p ?? 1,
            flagged: test !== null && test.p < TREND_ALPHA && medianDelta !== 0,
          });
        }
        previous = r;
      });
      return { criterionId: criterion.id, component: criterion.component, perspective: criterion.perspective, dimension, points, changes };
    });
    return {
      frameworkId: plan.frameworkId,
      rounds: plan.rounds,
      series,
      alpha: TREND_ALPHA,
      test: 'two-sided Mann–Whitney U between consecutive rounds (normal approximation, tie and continuity correction)',
      anonymityThreshold: plan.settings.anonymityThreshold,
      targetScore: plan.settings.targetScore,
    };
  }
}
