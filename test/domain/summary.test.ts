import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../src/domain/framework.js';
import { defaultSummarySettings, type FrameworkSnapshot, type RatingValue, type Response, type Round } from '../../src/domain/round.js';
import { QUANTILE_METHOD } from '../../src/domain/statistics.js';
import { gapDimensions, isReported } from '../../src/domain/summary-findings.js';
import { summarizeRound, withholdBelowThreshold } from '../../src/domain/summary.js';
import type { ReportedItem } from '../../src/domain/summary-types.js';

const text = (s: string) => ({ nl: s, en: s });
const criterion = (id: string): Criterion => ({ id, component: 'intake', perspective: 'process', text: text(id) });

function snapshot(criteria: string[], dimensions: string[]): FrameworkSnapshot {
  return {
    id: 'mentoring',
    version: '1',
    title: text('Mentoring'),
    scale: { min: 1, max: 5, labels: {}, allowNotApplicable: true },
    components: [{ id: 'intake', title: text('Intake') }],
    criteria: criteria.map(criterion),
    dimensions: dimensions.map((id) => ({ id, label: text(id) })),
    questions: [],
  };
}

type RoundInput = Pick<Round, 'id' | 'framework' | 'participants' | 'settings' | 'locale' | 'anonymous'>;

// Member ids that cannot appear by accident in any other string of a summary.
const [ALICE, BOB, CAROL, DAVE, ERIN] = ['U-ALICE-7f3a', 'U-BOB-91c2', 'U-CAROL-4d0e', 'U-DAVE-b81f', 'U-ERIN-22aa'] as const;

const round: RoundInput = {
  id: 'r2',
  framework: snapshot(['crit-a', 'crit-b', 'crit-c'], ['importance', 'practice']),
  participants: [ALICE, BOB, CAROL, DAVE, ERIN],
  // Target 3, gap 1, low response 0.5, change 1, IQR ≤ 1, rwg ≥ 0.7, low Cns 0.5, ends 0.25; k = 1 so that the
  // statistics of every entry can be checked by hand (k = 3, the default, is tested apart below).
  settings: { ...defaultSummarySettings, anonymityThreshold: 1 },
  locale: 'en',
  anonymous: false,
};

const answer = (
  criterionId: string,
  dimension: string,
  respondent: string,
  value: RatingValue,
  comment: string | null = null,
  roundId = 'r2',
): Response => ({
  roundId,
  criterionId,
  dimension,
  respondent,
  value,
  comment,
  updatedAt: null,
});

const responses: Response[] = [
  // crit-a importance: [5, 5, 4, 5]
  answer('crit-a', 'importance', ALICE, 5),
  answer('crit-a', 'importance', BOB, 5),
  answer('crit-a', 'importance', CAROL, 4),
  answer('crit-a', 'importance', DAVE, 5),
  // crit-a practice: [2, 3, 2] + one 'na'; comments (one blank)
  answer('crit-a', 'practice', ALICE, 2, '  We rarely do this '),
  answer('crit-a', 'practice', BOB, 3, 'Needs a protocol'),
  answer('crit-a', 'practice', CAROL, 2, '   '),
  answer('crit-a', 'practice', DAVE, 'na', 'Not my area'),
  // crit-b importance: [1, 5, 1, 5]
  answer('crit-b', 'importance', ALICE, 1, 'Only for some clients'),
  answer('crit-b', 'importance', BOB, 5),
  answer('crit-b', 'importance', CAROL, 1),
  answer('crit-b', 'importance', DAVE, 5, 'Core of our work'),
  // crit-b practice: [4] + two 'na'
  answer('crit-b', 'practice', ALICE, 4),
  answer('crit-b', 'practice', BOB, 'na'),
  answer('crit-b', 'practice', CAROL, 'na'),
  // crit-c importance: [4, 3]
  answer('crit-c', 'importance', ALICE, 4),
  answer('crit-c', 'importance', BOB, 3),
  // crit-c practice: [1, 3]; Carol's 7 is off the scale and ignored
  answer('crit-c', 'practice', ALICE, 1),
  answer('crit-c', 'practice', BOB, 3),
  answer('crit-c', 'practice', CAROL, 7),
  // noise that must not count: an unknown criterion, an unknown dimension, another round
  answer('crit-z', 'importance', ALICE, 1),
  answer('crit-a', 'rating', ALICE, 1),
  answer('crit-a', 'importance', ERIN, 1, 'from another round', 'r1'),
];

const prev = (criterionId: string, dimension: string, median: number | null, consensus: number | null): ReportedItem => ({
  criterionId,
  component: 'intake',
  dimension,
  suppressed: false,
  n: 4,
  naCount: 0,
  distribution: {},
  mean: median,
  median,
  q1: median,
  q3: median,
  iqr: 0,
  sd: 0,
  rwg: 1,
  consensus,
  class: 'mixed',
  comments: [],
});

const previous = {
  roundId: 'r1',
  criteria: [
    prev('crit-a', 'importance', 4, 0.75), // 4 → 5: Δ = +1 ≥ 1 → change
    prev('crit-a', 'practice', 3.5, 0.8), // 3.5 → 2: Δ = −1.5 → change
    prev('crit-b', 'importance', 3, 0.9), // 3 → 3: no change
    prev('crit-c', 'practice', null, null), // no previous median: no change
  ],
};

/*
 * Worked by hand (scale 1–5, A = 5, σ²EU = 2, defaults):
 *
 * crit-a/importance [5,5,4,5]: sorted [4,5,5,5]; median 5, Q1 4.75, Q3 5, IQR 0.25; mean 4.75;
 *   s² = 0.75/3 = 0.25, rwg = 0.875; Cns = 1 + .25·log2(.8125) + .75·log2(.9375) = 0.8553 → consensus.
 *   Strength (median 5 ≥ 5 − 1). Change +1 vs 4.
 * crit-a/practice [2,3,2] + na: sorted [2,2,3]; median 2, Q1 2, Q3 2.5, IQR 0.5; mean 7/3;
 *   s² = (1/9 + 1/9 + 4/9)/2 = 1/3, rwg = 1 − (1/3)/2 = 0.8333;
 *   Cns = 1 + (2/3)·log2(1 − (1/3)/4) + (1/3)·log2(1 − (2/3)/4) = 1 + (2/3)·log2(11/12) + (1/3)·log2(5/6)
 *       = 1 − 0.083687 − 0.087678 = 0.8286 → consensus (but median 2 < 4: no strength).
 *   lowScore (2 < 3); dimensionGap importance 5 − practice 2 = 3 ≥ 1; change 3.5 → 2 (Δ −1.5).
 *   answered 3 + 1 = 4 of 5 = 0.8: not low response.
 * crit-b/importance [1,5,1,5]: mean 3, Cns = 0, rwg 0, IQR 4; ends 0.5 and 0.5 → polarised. median 3: not low.
 * crit-b/practice [4] + 2 na: n = 1 → insufficient. answered 3/5 = 0.6: ok.
 *   dimensionGap: 3 − 4 = −1: none.
 * crit-c/importance [4,3]: median 3.5, Q1 3.25, Q3 3.75, IQR 0.5, s² 0.5, rwg 0.75 → consensus;
 *   answered 2/5 = 0.4 < 0.5 → lowResponse.
 * crit-c/practice [1,3] (7 ignored): median 2, IQR 1, s² 2, rwg 0, Cns = 1 + log2(0.75) = 0.5850 → mixed.
 *   lowScore; dimensionGap 3.5 − 2 = 1.5; lowResponse 2/5; previous median null → no change.
 *
 * Discussion points, weight = Σ reason weights + (1 − Cns):
 *   crit-a/practice  lowScore 2 + dimensionGap 2 + change 1 + (1 − 0.8286) = 5.1714
 *   crit-c/practice  lowScore 2 + dimensionGap 2            + (1 − 0.5850) = 4.4150
 *   crit-b/importance polarised 3                           + (1 − 0)      = 4
 *   crit-a/importance change 1                              + (1 − 0.8553) = 1.1447
 */
describe('summarizeRound — a round worked by hand', () => {
  const summary = summarizeRound({ round, responses, respondents: 4, previous });
  const item = (criterionId: string, dimension: string) => {
    const found = summary.criteria.find((c) => c.criterionId === criterionId && c.dimension === dimension);
    if (!found || !isReported(found)) throw new Error(`no statistics for ${criterionId}/${dimension}`);
    return found;
  };

  it('header', () => {
    expect(summary).toMatchObject({
      roundId: 'r2',
      locale: 'en',
      participants: 5,
      respondents: 4,
      responseRate: 0.8,
      previousRoundId: 'r1',
      quantileMethod: QUANTILE_METHOD,
    });
  });

  it('one entry per criterion and dimension, in framework order', () => {
    expect(summary.criteria.map((c) => `${c.criterionId}/${c.dimension}`)).toEqual([
      'crit-a/importance',
      'crit-a/practice',
      'crit-b/importance',
      'crit-b/practice',
      'crit-c/importance',
      'crit-c/practice',
    ]);
  });

  it('statistics per entry', () => {
    const aImp = item('crit-a', 'importance');
    expect(aImp).toMatchObject({ n: 4, naCount: 0, median: 5, q1: 4.75, q3: 5, iqr: 0.25, mean: 4.75, class: 'consensus' });
    expect(aImp.distribution).toEqual({ '1': 0, '2': 0, '3': 0, '4': 1, '5': 3 });
    expect(aImp.rwg).toBeCloseTo(0.875, 10);
    expect(aImp.consensus).toBeCloseTo(0.8553, 4);

    const aPra = item('crit-a', 'practice');
    expect(aPra).toMatchObject({ n: 3, naCount: 1, median: 2, q1: 2, q3: 2.5, iqr: 0.5, class: 'consensus' });
    expect(aPra.distribution).toEqual({ '1': 0, '2': 2, '3': 1, '4': 0, '5': 0 });
    expect(aPra.rwg).toBeCloseTo(5 / 6, 10);
    expect(aPra.consensus).toBeCloseTo(0.8286, 4);

    expect(item('crit-b', 'importance')).toMatchObject({ n: 4, mean: 3, median: 3, iqr: 4, rwg: 0, consensus: 0, class: 'polarised' });
    expect(item('crit-b', 'practice')).toMatchObject({ n: 1, naCount: 2, median: 4, sd: null, rwg: null, class: 'insufficient' });
    expect(item('crit-c', 'importance')).toMatchObject({ n: 2, median: 3.5, q1: 3.25, q3: 3.75, iqr: 0.5, rwg: 0.75, class: 'consensus' });
    const cPra = item('crit-c', 'practice');
    expect(cPra).toMatchObject({ n: 2, naCount: 0, median: 2, iqr: 1, rwg: 0, class: 'mixed' });
    expect(cPra.consensus).toBeCloseTo(0.585, 4);
  });

  it('strengths: only practice items count in an importance–practice round', () => {
    // crit-a importance is consensus with median 5, but agreeing that something matters is no strength.
    expect(item('crit-a', 'importance')).toMatchObject({ class: 'consensus', median: 5 });
    expect(summary.strengths).toEqual([]);
  });

  it('gaps, by kind, each in framework order', () => {
    expect(summary.gaps.map(({ kind, criterionId, ...rest }) => [kind, criterionId, 'dimension' in rest ? rest.dimension : ''])).toEqual([
      ['lowScore', 'crit-a', 'practice'],
      ['lowScore', 'crit-c', 'practice'],
      ['dimensionGap', 'crit-a', ''],
      ['dimensionGap', 'crit-c', ''],
      ['lowResponse', 'crit-c', 'importance'],
      ['lowResponse', 'crit-c', 'practice'],
      ['change', 'crit-a', 'importance'],
      ['change', 'crit-a', 'practice'],
    ]);
    expect(summary.gaps).toContainEqual({ kind: 'lowScore', criterionId: 'crit-a', dimension: 'practice', median: 2, target: 3 });
    expect(summary.gaps).toContainEqual({
      kind: 'dimensionGap',
      criterionId: 'crit-a',
      high: 'importance',
      low: 'practice',
      highMedian: 5,
      lowMedian: 2,
      difference: 3,
    });
    expect(summary.gaps).toContainEqual({
      kind: 'dimensionGap',
      criterionId: 'crit-c',
      high: 'importance',
      low: 'practice',
      highMedian: 3.5,
      lowMedian: 2,
      difference: 1.5,
    });
    expect(summary.gaps).toContainEqual({
      kind: 'lowResponse',
      criterionId: 'crit-c',
      dimension: 'practice',
      answered: 2,
      participants: 5,
    });
    const change = summary.gaps.find((g) => g.kind === 'change' && g.dimension === 'practice');
    expect(change).toMatchObject({ previousMedian: 3.5, median: 2, delta: -1.5, previousConsensus: 0.8 });
    expect(change?.kind === 'change' && change.consensusDelta).toBeCloseTo(0.8286 - 0.8, 4);
  });

  it('discussion points, by weight', () => {
    expect(summary.discussionPoints.map((p) => [`${p.criterionId}/${p.dimension}`, p.reasons])).toEqual([
      ['crit-a/practice', ['lowScore', 'dimensionGap', 'change']],
      ['crit-c/practice', ['lowScore', 'dimensionGap']],
      ['crit-b/importance', ['polarised']],
      ['crit-a/importance', ['change']],
    ]);
    const weights = summary.discussionPoints.map((p) => p.weight);
    expect(weights[0]).toBeCloseTo(5.1714, 4);
    expect(weights[1]).toBeCloseTo(4.415, 4);
    expect(weights[2]).toBe(4);
    expect(weights[3]).toBeCloseTo(1.1447, 4);
  });

  it('comments: trimmed, blanks dropped, sorted, attached to their entry and discussion point', () => {
    expect(item('crit-a', 'practice').comments).toEqual(['Needs a protocol', 'Not my area', 'We rarely do this']);
    expect(item('crit-b', 'importance').comments).toEqual(['Core of our work', 'Only for some clients']);
    expect(item('crit-a', 'importance').comments).toEqual([]);
    expect(summary.discussionPoints[0]?.comments).toEqual(['Needs a protocol', 'Not my area', 'We rarely do this']);
  });

  it('never links anything to a respondent', () => {
    const json = JSON.stringify(summary);
    for (const id of [ALICE, BOB, CAROL, DAVE, ERIN]) expect(json).not.toContain(id);
    expect(json).not.toContain('from another round');
  });

  it('does not depend on the order of the responses', () => {
    const reversed = summarizeRound({ round, responses: [...responses].reverse(), respondents: 4, previous });
    expect(reversed).toEqual(summary);
  });
});

describe('summarizeRound — the anonymity threshold k = 3 (the default)', () => {
  const atK3 = summarizeRound({ round: { ...round, settings: defaultSummarySettings }, responses, respondents: 4, previous });
  const suppressed = (s: typeof atK3) => s.criteria.filter((c) => c.suppressed).map((c) => `${c.criterionId}/${c.dimension}`);

  it('keeps nothing of an entry with fewer than k numeric ratings but which item it is', () => {
    // crit-b/practice: n = 1 (and 2 n.a.); crit-c: n = 2 on both dimensions.
    expect(suppressed(atK3)).toEqual(['crit-b/practice', 'crit-c/importance', 'crit-c/practice']);
    expect(atK3.criteria.find((c) => c.criterionId === 'crit-c' && c.dimension === 'importance')).toEqual({
      criterionId: 'crit-c',
      component: 'intake',
      dimension: 'importance',
      suppressed: true,
    });
    expect(atK3.criteria.find((c) => c.criterionId === 'crit-a' && c.dimension === 'practice')).toMatchObject({ suppressed: false, n: 3 });
  });

  it('gives no gap, strength or discussion point about a suppressed entry; the response rate stays', () => {
    expect(atK3.gaps.map((g) => [g.kind, g.criterionId])).toEqual([
      ['lowScore', 'crit-a'],
      ['dimensionGap', 'crit-a'],
      ['change', 'crit-a'],
      ['change', 'crit-a'],
    ]);
    expect(atK3.discussionPoints.map((p) => `${p.criterionId}/${p.dimension}`)).toEqual([
      'crit-a/practice',
      'crit-b/importance',
      'crit-a/importance',
    ]);
    expect(atK3.responseRate).toBe(0.8);
    expect(JSON.stringify(atK3)).not.toMatch(/crit-c"[^}]*median/);
  });

  it('withholds the same from a summary computed under a lower threshold', () => {
    const atK1 = summarizeRound({ round, responses, respondents: 4, previous });
    expect(withholdBelowThreshold(atK1, 3)).toEqual(atK3);
    expect(withholdBelowThreshold(atK3, 3)).toBe(atK3);
  });
});

describe('summarizeRound — other shapes', () => {
  it('single-dimension round without participants or previous round', () => {
    const r: RoundInput = { ...round, id: 'solo', framework: snapshot(['crit-a'], []), participants: [] };
    const s = summarizeRound({
      round: r,
      responses: [answer('crit-a', 'rating', 'x', 2, null, 'solo'), answer('crit-a', 'rating', 'y', 2, null, 'solo')],
      respondents: 2,
    });
    expect(s.responseRate).toBe(0);
    expect(s.previousRoundId).toBeNull();
    expect(s.criteria.map((c) => c.dimension)).toEqual(['rating']);
    // [2, 2]: lowScore only; no lowResponse without participants, no dimension gap with one dimension
    expect(s.gaps).toEqual([{ kind: 'lowScore', criterionId: 'crit-a', dimension: 'rating', median: 2, target: 3 }]);
    // consensus is 1 → weight = lowScore 2 + 0
    expect(s.discussionPoints).toEqual([{ criterionId: 'crit-a', dimension: 'rating', reasons: ['lowScore'], weight: 2, comments: [] }]);
  });

  it('a revised answer counts once (the last one)', () => {
    const r: RoundInput = { ...round, framework: snapshot(['crit-a'], []) };
    const s = summarizeRound({
      round: r,
      responses: [answer('crit-a', 'rating', ALICE, 1, 'first'), answer('crit-a', 'rating', ALICE, 4, 'revised')],
      respondents: 1,
    });
    expect(s.criteria[0]).toMatchObject({ n: 1, median: 4, comments: ['revised'] });
  });

  it('dimension gap uses first minus second when there is no importance/practice pair', () => {
    expect(gapDimensions(['wish', 'now'])).toEqual(['wish', 'now']);
    expect(gapDimensions(['practice', 'importance'])).toEqual(['importance', 'practice']);
    expect(gapDimensions(['rating'])).toBeNull();
    const r: RoundInput = { ...round, framework: snapshot(['crit-a'], ['wish', 'now']) };
    const s = summarizeRound({
      round: r,
      responses: [answer('crit-a', 'wish', ALICE, 5), answer('crit-a', 'now', ALICE, 4), answer('crit-a', 'now', BOB, 4)],
      respondents: 2,
    });
    expect(s.gaps.filter((g) => g.kind === 'dimensionGap')).toEqual([
      { kind: 'dimensionGap', criterionId: 'crit-a', high: 'wish', low: 'now', highMedian: 5, lowMedian: 4, difference: 1 },
    ]);
  });

  it('strengths best first, at most 5; discussion points at most 10, ties in framework order', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    const r: RoundInput = { ...round, framework: snapshot(ids, []) };
    const rs: Response[] = [];
    ids.forEach((id, i) => {
      // c00–c05: unanimous 4 or 5 (strengths); c06–c11: unanimous 2 (lowScore, weight 2 each)
      const v = i < 6 ? (i % 2 === 0 ? 4 : 5) : 2;
      for (const m of [ALICE, BOB, CAROL]) rs.push(answer(id, 'rating', m, v));
    });
    const s = summarizeRound({ round: r, responses: rs, respondents: 3 });
    expect(s.strengths.map((x) => [x.criterionId, x.median])).toEqual([
      ['c01', 5],
      ['c03', 5],
      ['c05', 5],
      ['c00', 4],
      ['c02', 4],
    ]);
    // With target 6 every criterion is a lowScore gap of equal weight 2 (consensus 1): 12 candidates,
    // the first 10 in framework order are kept.
    const high = summarizeRound({ round: { ...r, settings: { ...r.settings, targetScore: 6 } }, responses: rs, respondents: 3 });
    expect(high.discussionPoints).toHaveLength(10);
    expect(high.discussionPoints.map((p) => p.criterionId)).toEqual(ids.slice(0, 10));
    expect(high.discussionPoints.every((p) => p.weight === 2)).toBe(true);
  });
});
