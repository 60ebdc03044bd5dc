import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSummarySettings, type RatingValue } from '../../src/domain/round.js';
import {
  classify,
  describeCounts,
  describeRatings,
  distribution,
  endShares,
  iqr,
  mean,
  median,
  quantile,
  QUANTILE_METHOD,
  quartiles,
  rwg,
  scaleEnds,
  sd,
  tastleWiermanConsensus,
  variance,
} from '../../src/domain/statistics.js';

const five = { min: 1, max: 5 };
const settings = defaultSummarySettings;

describe('hand-worked example: [2, 3, 3, 4, 5] on 1–5 (A = 5)', () => {
  const xs = [2, 3, 3, 4, 5];

  it('distribution, mean, median', () => {
    // counts per point: 1→0, 2→1, 3→2, 4→1, 5→1
    expect(distribution(xs, five)).toEqual({ '1': 0, '2': 1, '3': 2, '4': 1, '5': 1 });
    // (2 + 3 + 3 + 4 + 5) / 5 = 17 / 5 = 3.4
    expect(mean(xs)).toBeCloseTo(3.4, 12);
    // middle of five sorted values
    expect(median(xs)).toBe(3);
  });

  it('quartiles by R-7 / QUARTILE.INC', () => {
    // n = 5, x = [2, 3, 3, 4, 5] (0-based)
    // Q1: h = (5 − 1)·0.25 = 1   → x[1] = 3
    // Q3: h = (5 − 1)·0.75 = 3   → x[3] = 4
    // IQR = 4 − 3 = 1
    expect(quartiles(xs)).toEqual({ q1: 3, median: 3, q3: 4 });
    expect(iqr(xs)).toBe(1);
  });

  it('sample variance, sd and rwg', () => {
    // deviations from 3.4: −1.4, −0.4, −0.4, 0.6, 1.6
    // squares: 1.96 + 0.16 + 0.16 + 0.36 + 2.56 = 5.2;  s² = 5.2 / (5 − 1) = 1.3
    expect(variance(xs)).toBeCloseTo(1.3, 12);
    // s = √1.3 = 1.140175…
    expect(sd(xs)).toBeCloseTo(1.140175, 6);
    // σ²EU = (5² − 1) / 12 = 24 / 12 = 2;  rwg = 1 − 1.3 / 2 = 0.35
    expect(rwg(xs, 5)).toBeCloseTo(0.35, 12);
  });

  it('Tastle–Wierman consensus', () => {
    // μ = 3.4, max − min = 4, p = (0, 0.2, 0.4, 0.2, 0.2)
    // x=2: 0.2 · log2(1 − 1.4/4) = 0.2 · log2(0.65) = 0.2 · −0.621488 = −0.124298
    // x=3: 0.4 · log2(1 − 0.4/4) = 0.4 · log2(0.90) = 0.4 · −0.152003 = −0.060801
    // x=4: 0.2 · log2(1 − 0.6/4) = 0.2 · log2(0.85) = 0.2 · −0.234465 = −0.046893
    // x=5: 0.2 · log2(1 − 1.6/4) = 0.2 · log2(0.60) = 0.2 · −0.736966 = −0.147393
    // Σ = −0.379385;  Cns = 1 − 0.379385 = 0.6206
    expect(tastleWiermanConsensus(xs, five)).toBeCloseTo(0.6206, 4);
  });

  it('class: mixed (IQR 1 ≤ 1 but rwg 0.35 < 0.7; Cns 0.62 ≥ 0.5)', () => {
    const s = describeRatings(xs, five, settings);
    expect(s.class).toBe('mixed');
    expect(s).toMatchObject({ n: 5, naCount: 0, ignoredCount: 0, median: 3, q1: 3, q3: 4, iqr: 1 });
  });
});

describe('more hand-worked examples', () => {
  it('[5, 5, 4, 5] on 1–5 is consensus', () => {
    // sorted [4, 5, 5, 5]; Q1: h = 0.75 → 4 + 0.75·(5 − 4) = 4.75; median: h = 1.5 → 5; Q3: h = 2.25 → 5
    // IQR = 0.25; mean 4.75; s² = (0.5625 + 3·0.0625) / 3 = 0.75 / 3 = 0.25; rwg = 1 − 0.25/2 = 0.875
    // Cns = 1 + 0.25·log2(1 − 0.75/4) + 0.75·log2(1 − 0.25/4)
    //     = 1 + 0.25·log2(0.8125) + 0.75·log2(0.9375)
    //     = 1 + 0.25·(−0.299560) + 0.75·(−0.093109) = 1 − 0.074890 − 0.069832 = 0.8553
    const s = describeRatings([5, 5, 4, 5], five, settings);
    expect(s).toMatchObject({ n: 4, mean: 4.75, median: 5, q1: 4.75, q3: 5, iqr: 0.25, class: 'consensus' });
    expect(s.rwg).toBeCloseTo(0.875, 12);
    expect(s.consensus).toBeCloseTo(0.8553, 4);
  });

  it('[1, 1, 1, 3, 4] on 1–5 is divergent (low consensus, only one end)', () => {
    // mean 2; sorted [1,1,1,3,4]: Q1 = x[1] = 1, median = x[2] = 1, Q3 = x[3] = 3, IQR 2
    // s² = (1 + 1 + 1 + 1 + 4) / 4 = 2; rwg = 1 − 2/2 = 0
    // Cns = 1 + 0.6·log2(1 − 1/4) + 0.2·log2(1 − 1/4) + 0.2·log2(1 − 2/4)
    //     = 1 + 0.8·(−0.415037) + 0.2·(−1) = 1 − 0.332030 − 0.2 = 0.4680  (< 0.5)
    // ends: bottom {1,2} 3/5 = 0.6, top {4,5} 1/5 = 0.2 < 0.25 → not polarised → divergent
    const s = describeRatings([1, 1, 1, 3, 4], five, settings);
    expect(s).toMatchObject({ mean: 2, median: 1, q1: 1, q3: 3, iqr: 2, rwg: 0, class: 'divergent' });
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(s.consensus).toBeCloseTo(0.468, 4);
  });

  it('[1, 5, 1, 5] on 1–5 is polarised with consensus 0', () => {
    // mean 3; every rating is 2 away: Cns = 1 + 1·log2(1 − 2/4) = 1 − 1 = 0
    // sorted [1,1,5,5]: Q1: h = 0.75 → 1; Q3: h = 2.25 → 5; IQR 4
    // s² = 4·4 / 3 = 5.333; rwg = 1 − 5.333/2 < 0 → clipped to 0
    const s = describeRatings([1, 5, 1, 5], five, settings);
    expect(s).toMatchObject({ mean: 3, median: 3, iqr: 4, rwg: 0, consensus: 0, class: 'polarised' });
  });

  it('[1, 3] on 1–5: n = 2 is enough for a class', () => {
    // Q1: h = 0.25 → 1.5; Q3: h = 0.75 → 2.5; IQR 1; s² = 2; rwg = 1 − 2/2 = 0
    // Cns = 1 + 0.5·log2(0.75) + 0.5·log2(0.75) = 1 − 0.415037 = 0.5850 → mixed
    const s = describeRatings([1, 3], five, settings);
    expect(s).toMatchObject({ q1: 1.5, q3: 2.5, iqr: 1, rwg: 0, class: 'mixed' });
    expect(s.consensus).toBeCloseTo(0.585, 4);
  });

  it('quantile interpolates like Excel QUARTILE.INC', () => {
    // Excel: QUARTILE.INC({1,2,3,4},1) = 1.75, (…,3) = 3.25; PERCENTILE.INC(…,0.9) = 3.7
    const sorted = [1, 2, 3, 4];
    expect(quantile(sorted, 0.25)).toBe(1.75);
    expect(quantile(sorted, 0.75)).toBe(3.25);
    expect(quantile(sorted, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile(sorted, 1)).toBe(4);
    expect(() => quantile(sorted, 1.5)).toThrow(RangeError);
    expect(QUANTILE_METHOD).toMatch(/R type 7/);
  });

  it('rwg uses σ²EU = (A² − 1)/12 for the number of points', () => {
    // A = 7: σ²EU = 48/12 = 4; [3, 5]: s² = 2 → rwg = 1 − 2/4 = 0.5
    expect(rwg([3, 5], 7)).toBeCloseTo(0.5, 12);
    expect(() => rwg([1, 2], 1)).toThrow(RangeError);
  });

  it('scale ends: two points from five points up, one below', () => {
    expect(scaleEnds({ min: 1, max: 5 })).toEqual({ bottom: [1, 2], top: [4, 5] });
    expect(scaleEnds({ min: 0, max: 3 })).toEqual({ bottom: [0], top: [3] });
    expect(endShares(distribution([1, 2, 3, 5], five), five)).toEqual({ bottom: 0.5, top: 0.25 });
  });

  it('polarised on a 3-point scale uses single end points', () => {
    // [1, 1, 3, 3] on 1–3: Cns = 1 + log2(1 − 1/2) = 0; ends {1} and {3} hold 0.5 each
    expect(describeRatings([1, 1, 3, 3], { min: 1, max: 3 }, settings).class).toBe('polarised');
  });

  it('classify without a distribution cannot call a criterion polarised', () => {
    expect(classify({ n: 4, iqr: 4, rwg: 0, consensus: 0, distribution: null }, settings, five)).toBe('divergent');
  });
});

describe('edge cases', () => {
  it('n = 0: everything null, class insufficient', () => {
    const s = describeRatings([], five, settings);
    expect(s).toEqual({
      n: 0,
      naCount: 0,
      ignoredCount: 0,
      distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      mean: null,
      median: null,
      q1: null,
      q3: null,
      iqr: null,
      sd: null,
      rwg: null,
      consensus: null,
      class: 'insufficient',
    });
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(quantile([], 0.5)).toBeNull();
    expect(iqr([])).toBeNull();
    expect(sd([])).toBeNull();
    expect(rwg([], 5)).toBeNull();
    expect(tastleWiermanConsensus([], five)).toBeNull();
  });

  it('n = 1: location known, no spread, consensus 1, class insufficient', () => {
    const s = describeRatings([4], five, settings);
    expect(s).toMatchObject({ n: 1, mean: 4, median: 4, q1: 4, q3: 4, iqr: 0, sd: null, rwg: null, consensus: 1, class: 'insufficient' });
  });

  it("all 'na': counted apart, no statistics", () => {
    const s = describeRatings(['na', 'na', 'na'], five, settings);
    expect(s).toMatchObject({ n: 0, naCount: 3, mean: null, median: null, rwg: null, consensus: null, class: 'insufficient' });
  });

  it('values that are not scale points are ignored', () => {
    const s = describeRatings([0, 6, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 3, 'na'], five, settings);
    expect(s).toMatchObject({ n: 1, naCount: 1, ignoredCount: 5, mean: 3 });
    expect(distribution([0, 6, 2.5, 3], five)).toEqual({ '1': 0, '2': 0, '3': 1, '4': 0, '5': 0 });
    expect(tastleWiermanConsensus([0, 3, 9], five)).toBe(1);
  });
});

// ── properties ────────────────────────────────────────────────────────────────────────────────

/** A scale of 2–11 points starting anywhere from −3 to 3. */
const scaleArb = fc
  .record({ min: fc.integer({ min: -3, max: 3 }), points: fc.integer({ min: 2, max: 11 }) })
  .map(({ min, points }) => ({ min, max: min + points - 1 }));

const ratingsArb = (minLength = 0) =>
  scaleArb.chain((scale) =>
    fc.record({
      scale: fc.constant(scale),
      values: fc.array(fc.integer({ min: scale.min, max: scale.max }), { minLength, maxLength: 40 }),
    }),
  );

describe('properties', () => {
  it('identical ratings give rwg = 1 and consensus = 1', () => {
    fc.assert(
      fc.property(
        scaleArb.chain((scale) =>
          fc.tuple(fc.constant(scale), fc.integer({ min: scale.min, max: scale.max }), fc.integer({ min: 2, max: 30 })),
        ),
        ([scale, v, n]) => {
          const xs = Array.from({ length: n }, () => v);
          expect(rwg(xs, scale.max - scale.min + 1)).toBe(1);
          expect(tastleWiermanConsensus(xs, scale)).toBe(1);
          expect(iqr(xs)).toBe(0);
          expect(describeRatings(xs, scale, settings).class).toBe('consensus');
        },
      ),
    );
  });

  it('an even split between the two ends gives consensus 0 (and class polarised)', () => {
    fc.assert(
      fc.property(scaleArb, fc.integer({ min: 1, max: 20 }), (scale, k) => {
        const xs = [...Array.from({ length: k }, () => scale.min), ...Array.from({ length: k }, () => scale.max)];
        expect(tastleWiermanConsensus(xs, scale)).toBe(0);
        expect(describeRatings(xs, scale, settings).class).toBe('polarised');
      }),
    );
  });

  it('consensus and rwg stay in [0, 1]; Q1 ≤ median ≤ Q3', () => {
    fc.assert(
      fc.property(ratingsArb(1), ({ scale, values }) => {
        const s = describeRatings(values, scale, settings);
        expect(s.consensus).not.toBeNull();
        expect(s.consensus!).toBeGreaterThanOrEqual(0);
        expect(s.consensus!).toBeLessThanOrEqual(1);
        if (values.length >= 2) {
          expect(s.rwg!).toBeGreaterThanOrEqual(0);
          expect(s.rwg!).toBeLessThanOrEqual(1);
        } else {
          expect(s.rwg).toBeNull();
        }
        expect(s.q1!).toBeLessThanOrEqual(s.median!);
        expect(s.median!).toBeLessThanOrEqual(s.q3!);
        expect(Object.values(s.distribution).reduce((a, b) => a + b, 0)).toBe(values.length);
      }),
    );
  });

  it("adding 'na' answers never changes the statistics", () => {
    fc.assert(
      fc.property(
        scaleArb.chain((scale) =>
          fc.record({
            scale: fc.constant(scale),
            answers: fc.array(fc.oneof(fc.integer({ min: scale.min, max: scale.max }), fc.constant<'na'>('na')), { maxLength: 40 }),
          }),
        ),
        ({ scale, answers }) => {
          const numeric = answers.filter((a): a is number => a !== 'na');
          const withNa = describeRatings(answers, scale, settings);
          const without = describeRatings(numeric, scale, settings);
          expect(withNa).toEqual({ ...without, naCount: answers.length - numeric.length });
        },
      ),
    );
  });

  it('statistics do not depend on the order of the ratings', () => {
    fc.assert(
      fc.property(
        ratingsArb().chain(({ scale, values }) =>
          fc.tuple(
            fc.constant(scale),
            fc.constant(values),
            fc.shuffledSubarray(values, { minLength: values.length, maxLength: values.length }),
          ),
        ),
        ([scale, values, shuffled]) => {
          expect(describeRatings(shuffled as RatingValue[], scale, settings)).toEqual(describeRatings(values, scale, settings));
        },
      ),
    );
  });
});

describe('statistics from counts per scale point', () => {
  it('equal, bit for bit, the list functions on the expanded ratings', () => {
    const scale = { min: 1, max: 5 };
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 60 }), (values) => {
        const counts = new Uint32Array(5);
        for (const v of values) counts[v - 1]! += 1;
        const got = describeCounts(counts, 0, scale, defaultSummarySettings);
        const q = quartiles(values);
        expect([got.n, got.mean, got.median, got.q1, got.q3, got.sd, got.rwg, got.consensus]).toEqual([
          values.length,
          mean(values),
          q?.median ?? null,
          q?.q1 ?? null,
          q?.q3 ?? null,
          sd(values),
          rwg(values, 5),
          tastleWiermanConsensus(values, scale),
        ]);
        expect(got.distribution).toEqual(distribution(values, scale));
      }),
    );
  });
});
