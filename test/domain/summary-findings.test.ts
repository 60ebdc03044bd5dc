import { describe, expect, it } from 'vitest';
import { defaultSummarySettings } from '../../src/domain/round.js';
import {
  changeGaps,
  dimensionGaps,
  discussionPointsOf,
  lowResponseGaps,
  lowScoreGaps,
  MAX_STRENGTHS,
  strengthsOf,
  type FindingsContext,
} from '../../src/domain/summary-findings.js';
import type { ConsensusClass, ReportedItem } from '../../src/domain/summary-types.js';

// Settings: target 3, dimension gap 1, low response 0.5, change 1.
const context = (dimensionIds: string[], participants = 0): FindingsContext => ({
  scale: { min: 1, max: 5, labels: {}, allowNotApplicable: true },
  settings: defaultSummarySettings,
  dimensionIds,
  participants,
});

function entry(
  criterionId: string,
  dimension: string,
  median: number,
  more: { class?: ConsensusClass; mean?: number; consensus?: number; n?: number; naCount?: number; comments?: string[] } = {},
): ReportedItem {
  return {
    criterionId,
    component: 'intake',
    dimension,
    suppressed: false,
    n: more.n ?? 5,
    naCount: more.naCount ?? 0,
    mean: more.mean ?? median,
    median,
    q1: median,
    q3: median,
    iqr: 0,
    sd: 0,
    rwg: 1,
    consensus: more.consensus ?? 1,
    class: more.class ?? 'consensus',
    distribution: {},
    comments: more.comments ?? [],
  };
}

describe('strengthsOf', () => {
  it('takes consensus entries with median ≥ max − 1, best first (median, mean, then framework order), at most five', () => {
    const reported = [
      entry('a', 'rating', 4),
      entry('b', 'rating', 5, { mean: 4.6 }),
      entry('c', 'rating', 5, { mean: 4.8 }),
      entry('d', 'rating', 5, { class: 'divergent' }),
      entry('e', 'rating', 3),
      entry('f', 'rating', 4),
    ];
    expect(strengthsOf(reported, context(['rating'])).map((s) => s.criterionId)).toEqual(['c', 'b', 'a', 'f']);
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => entry(id, 'rating', 5));
    expect(strengthsOf(many, context(['rating']))).toHaveLength(MAX_STRENGTHS);
  });

  it('ignores importance ratings in an importance–practice round', () => {
    const reported = [entry('a', 'importance', 5), entry('a', 'practice', 4)];
    expect(strengthsOf(reported, context(['importance', 'practice']))).toEqual([{ criterionId: 'a', dimension: 'practice', median: 4 }]);
  });
});

describe('gaps', () => {
  it('low score: median below the target, practice items only when importance is asked too', () => {
    const reported = [entry('a', 'importance', 2), entry('a', 'practice', 2.5), entry('b', 'practice', 3)];
    expect(lowScoreGaps(reported, context(['importance', 'practice']))).toEqual([
      { kind: 'lowScore', criterionId: 'a', dimension: 'practice', median: 2.5, target: 3 },
    ]);
  });

  it('dimension gap: high minus low at least the threshold, in framework order; none with one dimension', () => {
    const reported = [entry('a', 'importance', 5), entry('a', 'practice', 3), entry('b', 'importance', 4), entry('b', 'practice', 3.5)];
    expect(dimensionGaps(reported, context(['importance', 'practice']))).toEqual([
      { kind: 'dimensionGap', criterionId: 'a', high: 'importance', low: 'practice', highMedian: 5, lowMedian: 3, difference: 2 },
    ]);
    expect(dimensionGaps([entry('a', 'rating', 1)], context(['rating']))).toEqual([]);
  });

  it('low response: rated plus "not applicable" under the rate; none without participants', () => {
    const reported = [entry('a', 'rating', 4, { n: 3, naCount: 1 }), entry('b', 'rating', 4, { n: 3, naCount: 2 })];
    expect(lowResponseGaps(reported, context(['rating'], 10))).toEqual([
      { kind: 'lowResponse', criterionId: 'a', dimension: 'rating', answered: 4, participants: 10 },
    ]);
    expect(lowResponseGaps(reported, context(['rating'], 0))).toEqual([]);
  });

  it('change: the median moved at least the threshold since the previous round', () => {
    const reported = [entry('a', 'rating', 4, { consensus: 0.9 }), entry('b', 'rating', 4)];
    const previous = [entry('a', 'rating', 2.5, { consensus: 0.6 }), entry('b', 'rating', 3.5)];
    const [gap, ...rest] = changeGaps(reported, previous, context(['rating']));
    expect(rest).toEqual([]);
    expect(gap).toMatchObject({ kind: 'change', criterionId: 'a', previousMedian: 2.5, median: 4, delta: 1.5, previousConsensus: 0.6 });
    expect(gap?.kind === 'change' && gap.consensusDelta).toBeCloseTo(0.3);
  });
});

describe('discussionPointsOf', () => {
  it('weighs the class and every gap but low response; a dimension gap counts on its low side', () => {
    const reported = [
      entry('a', 'importance', 5),
      entry('a', 'practice', 2, { consensus: 0.5, comments: ['too little time'] }),
      entry('b', 'practice', 4, { class: 'polarised', consensus: 0.2 }),
      entry('c', 'practice', 4),
    ];
    const gaps = [
      ...lowScoreGaps(reported, context(['importance', 'practice'])),
      ...dimensionGaps(reported, context(['importance', 'practice'])),
      { kind: 'lowResponse' as const, criterionId: 'c', dimension: 'practice', answered: 1, participants: 10 },
    ];
    expect(discussionPointsOf(reported, gaps)).toEqual([
      { criterionId: 'a', dimension: 'practice', reasons: ['lowScore', 'dimensionGap'], weight: 4.5, comments: ['too little time'] },
      { criterionId: 'b', dimension: 'practice', reasons: ['polarised'], weight: 3.8, comments: [] },
    ]);
  });
});
