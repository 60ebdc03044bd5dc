/**
 * Summaries and comparisons fold answers into counts per item and scale point as they stream in. On a random
 * sample (repeated answers, "not applicable", values off the scale, blank comments) the folded statistics equal
 * the straightforward computation: every item's last answers per respondent in a list, described by the list
 * functions of statistics.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../src/domain/framework.js';
import { RollupTally } from '../../src/domain/rollup.js';
import { defaultSummarySettings, type RatingValue, type Response } from '../../src/domain/round.js';
import { classify, distribution, iqr, isOnScale, mean, quartiles, rwg, sd, tastleWiermanConsensus } from '../../src/domain/statistics.js';
import { RoundTally, summarizeRound, summarizeTally } from '../../src/domain/summary.js';
import { random } from '../support/sample-round.js';

const text = (s: string) => ({ nl: s, en: s });
const perspectives = ['client', 'organisation', 'result', 'process'] as const;
const criteria: Criterion[] = Array.from({ length: 7 }, (_, i) => ({
  id: `c${i}`,
  component: `part-${i % 3}`,
  perspective: perspectives[i % 4]!,
  text: text(`Criterion ${i}`),
}));
const scale = { min: 1, max: 5, labels: {}, allowNotApplicable: true };
const settings = { ...defaultSummarySettings, anonymityThreshold: 3 };
const round = {
  id: 'r1',
  framework: {
    id: 'f',
    version: '1',
    title: text('F'),
    scale,
    components: [0, 1, 2].map((i) => ({ id: `part-${i}`, title: text(`Part ${i}`) })),
    criteria,
    dimensions: [],
    questions: [],
  },
  participants: Array.from({ length: 30 }, (_, i) => `m${i}`),
  settings,
  locale: 'en' as const,
  anonymous: true,
};

function sampleAnswers(seed: number, roundIds: readonly string[]): Response[] {
  const next = random(seed);
  const responses: Response[] = [];
  for (const roundId of roundIds) {
    for (const respondent of round.participants) {
      for (const c of criteria) {
        // Some members skip an item, some answer it twice (the last answer counts).
        const times = next() < 0.15 ? 0 : next() < 0.1 ? 2 : 1;
        for (let t = 0; t < times; t++) {
          const roll = next();
          const value: RatingValue = roll < 0.1 ? 'na' : roll < 0.13 ? 7 : 1 + Math.floor(next() * 5);
          const comment = next() < 0.2 ? (next() < 0.3 ? '   ' : ` comment ${Math.floor(next() * 50)} `) : null;
          responses.push({ roundId, criterionId: c.id, dimension: 'rating', respondent, value, comment, updatedAt: null });
        }
      }
    }
  }
  return responses;
}

/** Per item of each round, the last answer of each respondent. */
function lastAnswers(responses: readonly Response[]): Map<string, Response[]> {
  const last = new Map<string, Response>();
  for (const r of responses) last.set(`${r.roundId}|${r.criterionId}|${r.respondent}`, r);
  const byItem = new Map<string, Response[]>();
  for (const r of last.values()) {
    const key = `${r.roundId}|${r.criterionId}`;
    byItem.set(key, [...(byItem.get(key) ?? []), r]);
  }
  return byItem;
}

/** The statistics of a list of answers, straight from the list functions. */
function straightforward(values: readonly RatingValue[]) {
  const numeric = values.filter((v): v is number => isOnScale(v, scale));
  const q = quartiles(numeric);
  const stats = {
    n: numeric.length,
    naCount: values.filter((v) => v === 'na').length,
    distribution: distribution(numeric, scale),
    mean: mean(numeric),
    median: q?.median ?? null,
    q1: q?.q1 ?? null,
    q3: q?.q3 ?? null,
    iqr: iqr(numeric),
    sd: sd(numeric),
    rwg: numeric.length >= 2 ? rwg(numeric, 5) : null,
    consensus: tastleWiermanConsensus(numeric, scale),
  };
  return { ...stats, class: classify(stats, settings, scale) };
}

describe('streamed statistics equal the straightforward computation', () => {
  it('a round’s summary from its tally', () => {
    const responses = sampleAnswers(17, ['r1']);
    const byItem = lastAnswers(responses);
    const answers = new RoundTally(round);
    for (const list of byItem.values()) for (const r of list) answers.add(r);
    const summary = summarizeTally({ round, answers, respondents: 30 });
    expect(summarizeRound({ round, responses, respondents: 30 })).toEqual(summary);

    const collator = new Intl.Collator('en');
    for (const c of criteria) {
      const list = byItem.get(`r1|${c.id}`) ?? [];
      const expected = straightforward(list.map((r) => r.value));
      const entry = summary.criteria.find((e) => e.criterionId === c.id)!;
      if (expected.n < settings.anonymityThreshold) {
        expect(entry).toEqual({ criterionId: c.id, component: c.component, dimension: 'rating', suppressed: true });
        continue;
      }
      const comments = list
        .map((r) => (r.comment ?? '').trim())
        .filter((t) => t.length > 0)
        .sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
      expect(entry).toEqual({ criterionId: c.id, component: c.component, dimension: 'rating', suppressed: false, ...expected, comments });
    }
    for (const by of ['perspective', 'component'] as const) {
      for (const group of new Set(criteria.map((c) => c[by]))) {
        const pooled = criteria.filter((c) => c[by] === group).flatMap((c) => (byItem.get(`r1|${c.id}`) ?? []).map((r) => r.value));
        const expected = straightforward(pooled);
        expect(summary.groups?.find((g) => g.by === by && g.group === group)).toEqual({
          by,
          group,
          dimension: 'rating',
          fewerThanK: false,
          n: expected.n,
          median: expected.median,
          iqr: expected.iqr,
          class: expected.class,
        });
      }
    }
  });

  it('a comparison’s units from their tallies', () => {
    const roundIds = ['a1', 'a2', 'b1', 'b2', 'b3'];
    const responses = sampleAnswers(29, roundIds);
    const roundUnits = new Map(roundIds.map((id) => [id, id.startsWith('a') ? 'unit-a' : 'unit-b']));
    const tally = new RollupTally({
      frameworkId: 'f',
      level: 'region',
      framework: { criteria, scale },
      dimensionIds: ['rating'],
      units: [
        { id: 'unit-a', name: 'A' },
        { id: 'unit-b', name: 'B' },
      ],
      roundUnits,
      settings: { ...settings, targetScore: 3 },
    });
    const byItem = lastAnswers(responses);
    for (const list of byItem.values()) for (const r of list) tally.add(r);
    const rollup = tally.result();
    for (const unitId of ['unit-a', 'unit-b']) {
      for (const c of criteria) {
        const values = roundIds
          .filter((id) => roundUnits.get(id) === unitId)
          .flatMap((id) => (byItem.get(`${id}|${c.id}`) ?? []).map((r) => r.value));
        const { mean: _mean, sd: _sd, ...expected } = straightforward(values);
        expect(rollup.items.find((i) => i.unitId === unitId && i.criterionId === c.id)).toEqual({
          unitId,
          criterionId: c.id,
          component: c.component,
          perspective: c.perspective,
          dimension: 'rating',
          fewerThanK: false,
          ...expected,
        });
      }
    }
  });
});
