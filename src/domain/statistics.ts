/**
 * Descriptive statistics for ratings of one criterion on one dimension.
 *
 * Pure functions, no I/O. Numeric helpers (`mean`, `median`, `sd`, …) take plain numbers; callers
 * that start from answers (`RatingValue[]`) use {@link describeRatings}, which drops "not applicable"
 * (counted apart) and values that are not a point of the scale before computing anything.
 *
 * Every function returns `null` where a statistic is undefined (no ratings, or n < 2 where a spread
 * is needed) rather than `NaN`, so a result can be stored and rendered without surprises.
 */
import type { Scale } from './framework.js';
import type { RatingValue, SummarySettings } from './round.js';
import type { ConsensusClass, ItemStatistics } from './summary-types.js';

/** How quartiles (and the median) are computed; shown with every summary. */
export const QUANTILE_METHOD = 'linear interpolation between order statistics (R type 7, Excel QUARTILE.INC)';

/**
 * Tolerance used when a computed statistic is compared with a threshold from the settings, so that a
 * value that equals the threshold on paper (e.g. rwg = 0.7) is not lost to binary floating point.
 */
export const THRESHOLD_EPSILON = 1e-9;

/** a ≥ b, up to {@link THRESHOLD_EPSILON}. */
export function atLeast(a: number, b: number): boolean {
  return a >= b - THRESHOLD_EPSILON;
}

/** a < b, beyond {@link THRESHOLD_EPSILON}. */
export function below(a: number, b: number): boolean {
  return a < b - THRESHOLD_EPSILON;
}

/** True when `value` is one of the scale's points (an integer from min to max). */
export function isOnScale(value: unknown, scale: Pick<Scale, 'min' | 'max'>): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= scale.min && value <= scale.max;
}

/** The points of a scale, min to max (like `scalePoints`, but needing only min and max). */
function pointsOf(scale: Pick<Scale, 'min' | 'max'>): number[] {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
}

/**
 * The values in ascending order: the input itself when it is sorted already (as in describeRatings, which
 * sorts once for all statistics), else a sorted copy (a typed array sorts numbers natively).
 */
function ascending(values: readonly number[]): readonly number[] {
  for (let i = 1; i < values.length; i++) {
    if (values[i - 1]! > values[i]!) return Array.from(new Float64Array(values).sort());
  }
  return values;
}

/**
 * Count per scale point, keyed by the point as a string (`"1"` … `"5"`), every point present (0 when
 * nobody chose it), in scale order. Values that are not a point of the scale are ignored.
 */
export function distribution(values: readonly number[], scale: Pick<Scale, 'min' | 'max'>): Record<string, number> {
  const tally = new Array<number>(scale.max - scale.min + 1).fill(0);
  for (const v of values) {
    if (isOnScale(v, scale)) tally[v - scale.min] = (tally[v - scale.min] ?? 0) + 1;
  }
  const counts: Record<string, number> = {};
  for (const point of pointsOf(scale)) counts[String(point)] = tally[point - scale.min] ?? 0;
  return counts;
}

/** Arithmetic mean; null for no values. Summed in ascending order so the result is order independent. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of ascending(values)) sum += v;
  return sum / values.length;
}

/**
 * The p-quantile of values already sorted ascending, by {@link QUANTILE_METHOD}:
 * h = (n − 1)·p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) with x 0-based.
 * Null for no values. Throws a RangeError when p is not in [0, 1].
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const xLo = sorted[lo]!;
  const xHi = sorted[hi]!;
  return xLo + (h - lo) * (xHi - xLo);
}

/** Median (the 0.5-quantile, which for this method is the usual median); null for no values. */
export function median(values: readonly number[]): number | null {
  return quantile(ascending(values), 0.5);
}

/** First quartile, median and third quartile by {@link QUANTILE_METHOD}; null for no values. */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } | null {
  const sorted = ascending(values);
  const q1 = quantile(sorted, 0.25);
  const q2 = quantile(sorted, 0.5);
  const q3 = quantile(sorted, 0.75);
  return q1 === null || q2 === null || q3 === null ? null : { q1, median: q2, q3 };
}

/** Interquartile range Q3 − Q1 by {@link QUANTILE_METHOD}; null for no values (0 for one value). */
export function iqr(values: readonly number[]): number | null {
  const q = quartiles(values);
  return q === null ? null : q.q3 - q.q1;
}

/** Sample variance s² = Σ(x − x̄)² / (n − 1); null for n < 2. */
export function variance(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const m = mean(values)!;
  let ss = 0;
  for (const v of ascending(values)) ss += (v - m) * (v - m);
  return ss / (n - 1);
}

/** Sample standard deviation s (divisor n − 1); null for n < 2. */
export function sd(values: readonly number[]): number | null {
  const s2 = variance(values);
  return s2 === null ? null : Math.sqrt(s2);
}

/**
 * Within-group agreement rwg = 1 − s² / σ²EU, where σ²EU = (A² − 1) / 12 is the variance of the
 * uniform ("no agreement") distribution over the A points of the scale. Clipped to [0, 1] (a group
 * more spread than uniform gets 0). Null for n < 2. Throws a RangeError when A < 2.
 */
export function rwg(values: readonly number[], points: number): number | null {
  if (!(Number.isInteger(points) && points >= 2)) throw new RangeError(`rwg: a scale has at least 2 points, got ${points}`);
  const s2 = variance(values);
  if (s2 === null) return null;
  const expected = (points * points - 1) / 12;
  return Math.min(1, Math.max(0, 1 - s2 / expected));
}

/**
 * Tastle & Wierman (2007) consensus:
 *   Cns = 1 + Σᵢ pᵢ · log2(1 − |xᵢ − μ| / (max − min))
 * summed over the scale points xᵢ, with pᵢ the share of ratings on xᵢ, μ the mean rating, and
 * 0 · log2(0) taken as 0. It is 1 when everybody gives the same rating and 0 when the ratings are split
 * evenly between the two ends of the scale. Values that are not a point of the scale are ignored.
 * Null for no ratings. The result is clipped to [0, 1] to absorb floating-point noise.
 */
export function tastleWiermanConsensus(values: readonly number[], scale: Pick<Scale, 'min' | 'max'>): number | null {
  const onScale = values.filter((v) => isOnScale(v, scale));
  const n = onScale.length;
  if (n === 0) return null;
  const width = scale.max - scale.min;
  if (width <= 0) return 1;
  const mu = mean(onScale)!;
  const counts = distribution(onScale, scale);
  let sum = 0;
  for (const point of pointsOf(scale)) {
    const p = (counts[String(point)] ?? 0) / n;
    if (p === 0) continue;
    sum += p * Math.log2(1 - Math.abs(point - mu) / width);
  }
  return Math.min(1, Math.max(0, 1 + sum));
}

/**
 * The scale points that count as "an end" for polarisation: the bottom two and the top two points on
 * scales of five points or more, the bottom and the top point on smaller scales.
 */
export function scaleEnds(scale: Pick<Scale, 'min' | 'max'>): { bottom: number[]; top: number[] } {
  const points = scale.max - scale.min + 1;
  return points >= 5 ? { bottom: [scale.min, scale.min + 1], top: [scale.max - 1, scale.max] } : { bottom: [scale.min], top: [scale.max] };
}

/** Share of the ratings at each end of the scale (see {@link scaleEnds}); 0 and 0 for no ratings. */
export function endShares(counts: Record<string, number>, scale: Pick<Scale, 'min' | 'max'>): { bottom: number; top: number } {
  let n = 0;
  for (const point of pointsOf(scale)) n += counts[String(point)] ?? 0;
  if (n === 0) return { bottom: 0, top: 0 };
  const ends = scaleEnds(scale);
  const share = (pts: number[]): number => pts.reduce((acc, p) => acc + (counts[String(p)] ?? 0), 0) / n;
  return { bottom: share(ends.bottom), top: share(ends.top) };
}

/** What {@link classify} needs to know about a criterion. */
export interface ClassifyInput {
  n: number;
  iqr: number | null;
  rwg: number | null;
  consensus: number | null;
  /** Count per scale point (as from {@link distribution}); null when unknown. */
  distribution: Record<string, number> | null;
}

/**
 * Consensus class of a criterion. The first rule that applies wins:
 *
 * 1. `insufficient` — fewer than 2 numeric ratings (n < 2), or a statistic is missing.
 * 2. `consensus`    — IQR ≤ `settings.consensusMaxIqr` AND rwg ≥ `settings.consensusMinRwg`.
 * 3. `polarised`    — Tastle–Wierman consensus < `settings.lowConsensus` AND the share of ratings on the
 *                     bottom end AND the share on the top end are each ≥ `settings.polarisedEndShare`,
 *                     where an end is the two outermost points on scales of ≥ 5 points and the single
 *                     outermost point on smaller scales (see {@link scaleEnds}). When the distribution is
 *                     unknown (null) this rule cannot apply.
 * 4. `divergent`    — Tastle–Wierman consensus < `settings.lowConsensus` (low agreement otherwise).
 * 5. `mixed`        — everything else.
 *
 * Comparisons with the thresholds allow {@link THRESHOLD_EPSILON} of floating-point noise.
 */
export function classify(
  stats: ClassifyInput,
  settings: Pick<SummarySettings, 'consensusMaxIqr' | 'consensusMinRwg' | 'lowConsensus' | 'polarisedEndShare'>,
  scale: Pick<Scale, 'min' | 'max'>,
): ConsensusClass {
  if (stats.n < 2 || stats.iqr === null || stats.rwg === null || stats.consensus === null) return 'insufficient';
  if (atLeast(settings.consensusMaxIqr, stats.iqr) && atLeast(stats.rwg, settings.consensusMinRwg)) return 'consensus';
  if (below(stats.consensus, settings.lowConsensus)) {
    if (stats.distribution !== null) {
      const shares = endShares(stats.distribution, scale);
      if (atLeast(shares.bottom, settings.polarisedEndShare) && atLeast(shares.top, settings.polarisedEndShare)) return 'polarised';
    }
    return 'divergent';
  }
  return 'mixed';
}

/** Everything the summary reports about one criterion on one dimension, before anonymity is applied. */
export interface RatingStatistics extends ItemStatistics {
  /** Answers that were neither a scale point nor "not applicable" and were therefore ignored. */
  ignoredCount: number;
  /** Count per scale point (always present here; the summary hides it below the anonymity threshold). */
  distribution: Record<string, number>;
}

/**
 * All statistics for a set of answers: "not applicable" counted apart, values that are not a point of
 * the scale ignored (counted in `ignoredCount`), everything else computed on the numeric ratings only.
 */
export function describeRatings(
  answers: readonly RatingValue[],
  scale: Pick<Scale, 'min' | 'max'>,
  settings: Pick<SummarySettings, 'consensusMaxIqr' | 'consensusMinRwg' | 'lowConsensus' | 'polarisedEndShare'>,
): RatingStatistics {
  const counts = new Uint32Array(scale.max - scale.min + 1);
  let naCount = 0;
  let ignoredCount = 0;
  for (const a of answers) {
    if (a === 'na') naCount += 1;
    else if (isOnScale(a, scale)) counts[a - scale.min] = (counts[a - scale.min] ?? 0) + 1;
    else ignoredCount += 1;
  }
  return { ...describeCounts(counts, naCount, scale, settings), ignoredCount };
}

/**
 * The same statistics from the count of ratings per scale point (`counts[p]` for point min + p), without
 * expanding them into a list: the ratings in ascending order are the points repeated by their counts, so
 * the quantiles are read off the cumulative counts and every sum runs in the same ascending order as over
 * the sorted list (the results are identical to {@link describeRatings} on that list, bit for bit).
 */
export function describeCounts(
  counts: ArrayLike<number>,
  naCount: number,
  scale: Pick<Scale, 'min' | 'max'>,
  settings: Pick<SummarySettings, 'consensusMaxIqr' | 'consensusMinRwg' | 'lowConsensus' | 'polarisedEndShare'>,
): RatingStatistics {
  const points = scale.max - scale.min + 1;
  if (!(Number.isInteger(points) && points >= 2)) throw new RangeError(`rwg: a scale has at least 2 points, got ${points}`);
  let n = 0;
  let sum = 0;
  for (let p = 0; p < points; p++) {
    const c = counts[p] ?? 0;
    n += c;
    for (let i = 0; i < c; i++) sum += scale.min + p;
  }
  /** The rating at a 0-based position of the ascending list. */
  const at = (index: number): number => {
    let seen = 0;
    for (let p = 0; p < points; p++) {
      seen += counts[p] ?? 0;
      if (index < seen) return scale.min + p;
    }
    return scale.max;
  };
  const quantileAt = (q: number): number => {
    const h = (n - 1) * q;
    const lo = Math.floor(h);
    const low = at(lo);
    return low + (h - lo) * (at(Math.min(lo + 1, n - 1)) - low);
  };
  const mu = n > 0 ? sum / n : null;
  let s2: number | null = null;
  if (n >= 2 && mu !== null) {
    let ss = 0;
    for (let p = 0; p < points; p++) {
      const d = scale.min + p - mu;
      for (let i = 0; i < (counts[p] ?? 0); i++) ss += d * d;
    }
    s2 = ss / (n - 1);
  }
  let consensus: number | null = null;
  if (n > 0 && mu !== null) {
    const width = scale.max - scale.min;
    let tw = 0;
    for (let p = 0; p < points; p++) {
      const share = (counts[p] ?? 0) / n;
      if (share !== 0) tw += share * Math.log2(1 - Math.abs(scale.min + p - mu) / width);
    }
    consensus = Math.min(1, Math.max(0, 1 + tw));
  }
  const distributionOf: Record<string, number> = {};
  for (let p = 0; p < points; p++) distributionOf[String(scale.min + p)] = counts[p] ?? 0;
  const q1 = n > 0 ? quantileAt(0.25) : null;
  const q3 = n > 0 ? quantileAt(0.75) : null;
  const expected = (points * points - 1) / 12;
  const base = {
    n,
    naCount,
    ignoredCount: 0,
    distribution: distributionOf,
    mean: mu,
    median: n > 0 ? quantileAt(0.5) : null,
    q1,
    q3,
    iqr: q1 === null || q3 === null ? null : q3 - q1,
    sd: s2 === null ? null : Math.sqrt(s2),
    rwg: s2 === null ? null : Math.min(1, Math.max(0, 1 - s2 / expected)),
    consensus,
  };
  return { ...base, class: classify(base, settings, scale) };
}
