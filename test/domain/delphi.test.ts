import { describe, expect, it } from 'vitest';
import { convergenceOf, nextFollowUpLink, selectFollowUpItems, type StepItem } from '../../src/domain/delphi.js';

const link = { previousRoundId: 'r0', originRoundId: 'r0', iteration: 1, maxIterations: 2 };
const shown = (criterionId: string, iqr: number, rwg: number | null, cls: 'consensus' | 'mixed' | 'divergent' | 'polarised'): StepItem => ({
  criterionId,
  component: 'intake',
  dimension: 'rating',
  suppressed: false,
  n: 6,
  median: 3,
  q1: 2,
  q3: 2 + iqr,
  iqr,
  rwg,
  class: cls,
});
const hidden = (criterionId: string): StepItem => ({ criterionId, component: 'intake', dimension: 'rating', suppressed: true });
const pairs = (criterionId: string, moves: [number, number][]) =>
  moves.map(([before, after]) => ({ criterionId, dimension: 'rating', before, after }));

describe('Delphi convergence', () => {
  it('reports IQR and rwg before and after and the share of members who moved, and says whether to go on', () => {
    const result = convergenceOf({
      roundId: 'f1',
      link,
      before: [shown('c1', 3.5, 0, 'polarised'), shown('c2', 4, 0, 'polarised')],
      after: [shown('c1', 1.75, 0.27, 'mixed'), shown('c2', 3.75, 0, 'polarised')],
      pairs: [
        ...pairs('c1', [
          [1, 2],
          [1, 2],
          [2, 3],
          [4, 4],
          [5, 4],
          [5, 5],
        ]),
        ...pairs('c2', [
          [1, 1],
          [1, 1],
          [1, 2],
          [5, 5],
          [5, 5],
          [5, 5],
        ]),
      ],
      anonymityThreshold: 3,
    });
    const [c1, c2] = result.items;
    expect(c1).toMatchObject({ iqrChange: -1.75, rwgChange: 0.27, paired: 6, moved: 4, unsettled: false });
    expect(c1!.movedShare).toBeCloseTo(4 / 6, 10);
    expect(c2).toMatchObject({ iqrChange: -0.25, rwgChange: 0, paired: 6, moved: 1, unsettled: true });
    // 1 of 6 (16.7 %) moved on c2: more than 15 %, so not yet stable; follow-up 1 of 2, so another may follow.
    expect(result).toMatchObject({ roundId: 'f1', iteration: 1, maxIterations: 2, stable: false, next: 'continue' });
  });

  it('calls answers stable when on every measured item at most 15 % moved, and stops at the maximum', () => {
    const input = {
      roundId: 'f2',
      link: { ...link, iteration: 2 },
      before: [shown('c2', 3.75, 0, 'polarised')],
      after: [shown('c2', 3.5, 0, 'polarised')],
      pairs: pairs('c2', [
        [1, 1],
        [1, 1],
        [2, 2],
        [5, 5],
        [5, 5],
        [5, 5],
        [4, 5],
      ]),
      anonymityThreshold: 3,
    };
    // 1 of 7 = 14.3 % ≤ 15 %.
    expect(convergenceOf(input)).toMatchObject({ stable: true, next: 'stable' });
    const moving = {
      ...input,
      pairs: pairs('c2', [
        [1, 2],
        [1, 1],
        [2, 2],
        [5, 4],
        [5, 5],
        [5, 5],
      ]),
    };
    expect(convergenceOf(moving)).toMatchObject({ stable: false, next: 'maximum' });
  });

  it('shows nothing of a step below k, and no share moved when fewer than k members answered both steps', () => {
    const result = convergenceOf({
      roundId: 'f1',
      link,
      before: [hidden('c1')],
      after: [shown('c1', 1, 0.8, 'consensus')],
      pairs: pairs('c1', [
        [1, 2],
        [3, 3],
      ]),
      anonymityThreshold: 3,
    });
    expect(result.items[0]).toMatchObject({ before: null, iqrChange: null, rwgChange: null, paired: null, moved: null, movedShare: null });
    expect(result).toMatchObject({ stable: false, next: 'agreed' });
  });
});

describe('choosing what a follow-up asks', () => {
  const summary = [shown('c1', 3.5, 0, 'polarised'), shown('c2', 0, 1, 'consensus'), shown('c3', 3, 0.1, 'divergent'), hidden('c4')];

  it('takes the divergent and polarised items by default, or the picked criteria', () => {
    expect(selectFollowUpItems(summary, [])).toMatchObject({
      ok: true,
      selection: { criterionIds: ['c1', 'c3'], dimensionIds: ['rating'] },
    });
    expect(selectFollowUpItems(summary, ['c2', 'c4'])).toMatchObject({ ok: true, selection: { criterionIds: ['c2', 'c4'] } });
    expect(selectFollowUpItems(summary, ['c9'])).toEqual({ ok: false, refusal: { reason: 'unknownItems', criterionIds: ['c9'] } });
    expect(selectFollowUpItems([summary[1]!], [])).toEqual({ ok: false, refusal: { reason: 'nothingUnsettled' } });
  });

  it('numbers the sequence, keeps its first maximum, and refuses past it or from a round that is not closed', () => {
    const origin = { id: 'r0', state: 'closed', followUp: null };
    expect(nextFollowUpLink(origin, 3)).toEqual({
      ok: true,
      link: { previousRoundId: 'r0', originRoundId: 'r0', iteration: 1, maxIterations: 3 },
    });
    expect(nextFollowUpLink(origin, undefined)).toMatchObject({ ok: true, link: { maxIterations: 2 } });
    expect(nextFollowUpLink(origin, 0)).toEqual({ ok: false, refusal: { reason: 'badMaximum', max: 0 } });
    expect(nextFollowUpLink({ ...origin, state: 'open' }, 2)).toEqual({ ok: false, refusal: { reason: 'notClosed' } });
    const second = { id: 'f1', state: 'closed', followUp: { ...link, maxIterations: 2 } };
    expect(nextFollowUpLink(second, 5)).toEqual({
      ok: true,
      link: { previousRoundId: 'f1', originRoundId: 'r0', iteration: 2, maxIterations: 2 },
    });
    const last = { id: 'f2', state: 'closed', followUp: { ...link, iteration: 2 } };
    expect(nextFollowUpLink(last, undefined)).toEqual({ ok: false, refusal: { reason: 'maximum', maxIterations: 2 } });
  });
});
