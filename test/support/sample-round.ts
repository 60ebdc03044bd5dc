/**
 * A closed round with made-up, reproducible answers, and its summary (no database): the input of the chart and report
 * tests (on a built-in framework) and of the charts benchmark (on a large made-up one). Some items get fewer than k
 * answers on purpose.
 */
import { loadFrameworkCatalogue } from '../../src/app/framework-catalogue.js';
import type { Framework } from '../../src/domain/framework.js';
import { roundDimensionIds, type Response, type Round } from '../../src/domain/round.js';
import { roundFixture } from './round-fixture.js';
import { convergenceOf, type StepItem } from '../../src/domain/delphi.js';
import { summarizeRound } from '../../src/domain/summary.js';
import type { Summary } from '../../src/domain/summary-types.js';

/** A small deterministic generator (mulberry32), so reference images stay the same. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function builtInFramework(id: string): Promise<Framework> {
  const found = (await loadFrameworkCatalogue()).list().find((f) => f.id === id);
  if (!found) throw new Error(`no built-in framework ${id}`);
  return found;
}

/** On a built-in framework (by its id) or on the framework given. */
export async function sampleRound(
  frameworkOrId: string | Framework,
  options: { members?: number; criteria?: number; sparseEvery?: number; seed?: number } = {},
): Promise<{ round: Round; summary: Summary }> {
  const framework = typeof frameworkOrId === 'string' ? await builtInFramework(frameworkOrId) : frameworkOrId;
  const criteria = framework.criteria.slice(0, options.criteria ?? framework.criteria.length);
  const members = Array.from({ length: options.members ?? 8 }, (_, i) => `member-${i + 1}`);
  const round = roundFixture({
    id: `sample-${framework.id}`,
    place: { platform: 'cli', tenantId: 'cli:test', channelId: 'cli' },
    name: 'Voorjaar 2026',
    framework: { ...framework, criteria },
    state: 'closed',
    anonymous: false,
    locale: 'nl',
    participants: members,
    createdBy: 'member-1',
    coordinators: [],
    openedAt: new Date('2026-03-02T09:00:00Z'),
    deadline: new Date('2026-03-16T17:00:00Z'),
    closedAt: new Date('2026-03-16T17:00:00Z'),
  });
  const next = random(options.seed ?? 7);
  const { min, max } = framework.scale;
  const responses: Response[] = [];
  criteria.forEach((criterion, index) => {
    const sparse = options.sparseEvery !== undefined && index % options.sparseEvery === options.sparseEvery - 1;
    const centre = min + next() * (max - min);
    const spread = next() * 2;
    for (const dimension of roundDimensionIds(round)) {
      for (const respondent of sparse ? members.slice(0, 2) : members) {
        const value = next() < 0.05 ? 'na' : Math.min(max, Math.max(min, Math.round(centre + (next() - 0.5) * 2 * spread)));
        const comment = next() < 0.15 ? `Opmerking ${index + 1} van ${respondent.slice(-1)}` : null;
        responses.push({ roundId: round.id, criterionId: criterion.id, dimension, respondent, value, comment, updatedAt: null });
      }
    }
  });
  const summary = summarizeRound({ round, responses, respondents: members.length });
  return { round, summary };
}

/**
 * A Delphi follow-up of the sample round: its first six items asked again, the answers of the follow-up drawn with
 * another seed (most of them closer together), and its summary with the convergence against the round.
 */
export async function sampleFollowUp(frameworkId: string): Promise<{ round: Round; summary: Summary }> {
  const before = await sampleRound(frameworkId, { sparseEvery: 6 });
  const after = await sampleRound(frameworkId, { criteria: 6, sparseEvery: 5, seed: 3 });
  const items = after.summary.criteria as StepItem[];
  const convergence = convergenceOf({
    roundId: after.round.id,
    link: { previousRoundId: before.round.id, originRoundId: before.round.id, iteration: 1, maxIterations: 2 },
    before: before.summary.criteria,
    after: items,
    pairs: items.flatMap((item, i) =>
      Array.from({ length: 6 }, (_, m) => ({ criterionId: item.criterionId, dimension: item.dimension, before: 3, after: m < i ? 4 : 3 })),
    ),
    anonymityThreshold: before.round.settings.anonymityThreshold,
  });
  return { round: after.round, summary: { ...after.summary, convergence } };
}
