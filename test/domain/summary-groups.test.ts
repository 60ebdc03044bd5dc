/** A summary grouped by perspective and by component: every rating of the group's criteria pooled, nothing below k. */
import { expect, it } from 'vitest';
import type { Criterion } from '../../src/domain/framework.js';
import { defaultSummarySettings, type Response } from '../../src/domain/round.js';
import { summarizeRound, withholdBelowThreshold } from '../../src/domain/summary.js';

const text = (s: string) => ({ nl: s, en: s });
const criterion = (id: string, component: string, perspective: Criterion['perspective']): Criterion => ({
  id,
  component,
  perspective,
  text: text(id),
});
const round = {
  id: 'r1',
  framework: {
    id: 'f',
    version: '1',
    title: text('F'),
    scale: { min: 1, max: 5, labels: {}, allowNotApplicable: true },
    components: [
      { id: 'intake', title: text('Intake') },
      { id: 'matching', title: text('Matching') },
    ],
    criteria: [criterion('a', 'intake', 'process'), criterion('b', 'intake', 'client'), criterion('c', 'matching', 'process')],
    dimensions: [],
    questions: [],
  },
  participants: ['m1', 'm2', 'm3'],
  settings: { ...defaultSummarySettings, anonymityThreshold: 3 },
  locale: 'en' as const,
  anonymous: false,
};
const answer = (criterionId: string, respondent: string, value: number | 'na'): Response => ({
  roundId: 'r1',
  criterionId,
  dimension: 'rating',
  respondent,
  value,
  comment: null,
  updatedAt: null,
});

it('pools the ratings per perspective and per component, and shows nothing of a pool below k', () => {
  const responses = [
    ...[2, 3, 4].map((v, i) => answer('a', `m${i + 1}`, v)),
    answer('b', 'm1', 5),
    answer('b', 'm2', 'na'),
    ...[4, 4, 5].map((v, i) => answer('c', `m${i + 1}`, v)),
  ];
  const summary = summarizeRound({ round, responses, respondents: 3 });
  // process = a + c: 2 3 4 4 4 5 → median 4, q1 3.25, q3 4 → IQR 0.75. client = b: one rating (n.a. apart), below k = 3.
  // intake = a + b: 2 3 4 5 → median 3.5; matching = c: 4 4 5 → median 4.
  expect(summary.groups).toEqual([
    expect.objectContaining({ by: 'perspective', group: 'process', fewerThanK: false, n: 6, median: 4, iqr: 0.75 }),
    { by: 'perspective', group: 'client', dimension: 'rating', fewerThanK: true, n: null, median: null, iqr: null, class: null },
    expect.objectContaining({ by: 'component', group: 'intake', n: 4, median: 3.5 }),
    expect.objectContaining({ by: 'component', group: 'matching', n: 3, median: 4 }),
  ]);
  // A summary shown under a higher k hides the pools that fall below it.
  const stricter = withholdBelowThreshold(summary, 4);
  expect(stricter.groups?.map((g) => [g.group, g.fewerThanK])).toEqual([
    ['process', false],
    ['client', true],
    ['intake', false],
    ['matching', true],
  ]);
});
