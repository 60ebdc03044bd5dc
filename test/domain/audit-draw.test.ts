/** Properties of the audit draw: distinct files, no reviewer on their own file, even loads, same seed → same draw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawAudit, type DrawableFile } from '../../src/domain/audit/draw.js';
import { computeAuditResults } from '../../src/domain/audit/results.js';

const members = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9'];

/** A register of 1–40 files with 1–2 mediators each, drawn from the first `mediatorCount` members. */
const scenario = fc
  .record({
    mediatorCount: fc.integer({ min: 1, max: 6 }),
    poolExtra: fc.integer({ min: 0, max: 4 }),
    reviewersPerFile: fc.integer({ min: 1, max: 3 }),
    seed: fc.string({ minLength: 1, maxLength: 12 }),
    fileSpecs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 40 }),
    sizeShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ mediatorCount, poolExtra, reviewersPerFile, seed, fileSpecs, sizeShare }) => {
    const files: DrawableFile[] = fileSpecs.map(([a, b, two], i) => {
      const first = members[a % mediatorCount]!;
      const second = members[b % mediatorCount]!;
      return { caseId: `C-${String(i).padStart(3, '0')}`, mediators: two && second !== first ? [first, second] : [first] };
    });
    const pool = members.slice(0, Math.min(members.length, mediatorCount + poolExtra));
    const size = Math.max(1, Math.round(sizeShare * files.length));
    return { files, pool, reviewersPerFile, seed, size };
  });

describe('audit draw', () => {
  it('draws distinct files, never a reviewer on their own file, loads within one where the pool allows, the same for the same seed', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = drawAudit(input);
        const again = drawAudit({ ...input, files: [...input.files].reverse(), pool: [...input.pool].reverse() });
        expect(again).toEqual(result);
        if (!result.ok) {
          // Refused only when some file truly lacks enough reviewers who are not its mediators.
          expect(result.refusal.reason).toBe('no-reviewer');
          const eligible = input.pool.filter(
            (m) => !input.files.find((f) => f.caseId === (result.refusal as { caseId: string }).caseId)?.mediators.includes(m),
          );
          expect(eligible.length).toBeLessThan(input.reviewersPerFile);
          return;
        }
        const { files } = result;
        expect(files).toHaveLength(input.size);
        expect(new Set(files.map((f) => f.caseId)).size).toBe(files.length);
        for (const file of files) {
          expect(new Set(file.reviewers).size).toBe(input.reviewersPerFile);
          expect(file.reviewers.some((r) => file.mediators.includes(r))).toBe(false);
        }
        // Every mediator with files is represented when the sample has room for each.
        const mediators = new Set(input.files.flatMap((f) => f.mediators));
        if (input.size >= mediators.size) expect(new Set(files.flatMap((f) => f.mediators))).toEqual(mediators);
        // Members free to review every drawn file (none is theirs): their loads, and everyone's maximum, differ by at most one.
        const free = input.pool.filter((m) => !files.some((f) => f.mediators.includes(m)));
        if (free.length >= input.reviewersPerFile + 2) {
          const load = (m: string) => files.filter((f) => f.reviewers.includes(m)).length;
          const freeLoads = free.map(load);
          expect(Math.max(...input.pool.map(load)) - Math.min(...freeLoads)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a sample larger than the eligible files', () => {
    const files = [{ caseId: 'A', mediators: ['m0'] }];
    expect(drawAudit({ files, size: 2, seed: 's', reviewersPerFile: 1, pool: ['m1'] })).toEqual({
      ok: false,
      refusal: { reason: 'sample-too-large', size: 2, eligible: 1 },
    });
  });

  it('gives other samples for other seeds', () => {
    const files = Array.from({ length: 50 }, (_, i) => ({ caseId: `C${i}`, mediators: [members[i % 3]!] }));
    const sample = (seed: string) => {
      const result = drawAudit({ files, size: 5, seed, reviewersPerFile: 1, pool: members });
      return result.ok ? result.files.map((f) => f.caseId).sort() : [];
    };
    expect(sample('a')).not.toEqual(sample('b'));
  });
});

describe('audit results', () => {
  it('marks an item for discussion when two reviewers differ by 2 points or more', () => {
    const results = computeAuditResults(
      [{ caseId: 'A', mediators: ['m0'], reviewers: ['r1', 'r2'] }],
      ['x', 'y'],
      [
        { caseId: 'A', reviewer: 'r1', criterionId: 'x', value: 1, comment: null },
        { caseId: 'A', reviewer: 'r2', criterionId: 'x', value: 3, comment: null },
        { caseId: 'A', reviewer: 'r1', criterionId: 'y', value: 4, comment: null },
        { caseId: 'A', reviewer: 'r2', criterionId: 'y', value: 'na', comment: null },
      ],
    );
    expect(results.files[0]?.items.map((i) => [i.criterionId, i.mean, i.discuss])).toEqual([
      ['x', 2, true],
      ['y', 4, false],
    ]);
    expect(results.files[0]?.complete).toEqual(['r1', 'r2']);
    expect(results.mediators).toEqual([{ mediator: 'm0', files: 1, mean: 2.67, discussionItems: 1 }]);
  });
});
