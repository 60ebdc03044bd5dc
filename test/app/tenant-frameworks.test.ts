/** A workspace's own frameworks in the core: revisions claimed by insert, snapshots kept, trends across versions by id. */
import { expect, it } from 'vitest';
import { importRound } from '../../src/app/import-round.js';
import { openRound } from '../../src/app/rounds.js';
import { addFramework, frameworksOf, retireFramework } from '../../src/app/tenant-frameworks.js';
import { trendReport } from '../../src/app/trends.js';
import { isSpiegelError } from '../../src/domain/errors.js';
import { trendLines } from '../../src/presentation/method-texts.js';
import { useTestContext } from '../support/app-context.js';
import { OUR_FRAMEWORK_V1, OUR_FRAMEWORK_V2 } from '../support/workspace-frameworks.js';

let now = Date.parse('2026-02-02T09:00:00Z');
const testContext = useTestContext({ now: () => new Date(now) });
const admin = (tenantId: string) => ({ tenantId, userId: 'admin', isAdmin: true });

it('gives two uploads at once two revisions, never the same one twice', async () => {
  const { ctx } = testContext;
  const actor = admin('slack:TRACE');
  await addFramework(ctx, actor, { name: 'v1.yaml', text: OUR_FRAMEWORK_V1 });
  const results = await Promise.all(
    [OUR_FRAMEWORK_V2, OUR_FRAMEWORK_V2.replace("version: '2'", "version: '3'")].map((text, i) =>
      addFramework(ctx, actor, { name: `race-${i}.yaml`, text }),
    ),
  );
  expect(results.map((r) => r.revision).sort()).toEqual([2, 3]);
  const jobs = await ctx.stores.jobs.list({ tenantId: actor.tenantId, kinds: ['framework-news'] });
  expect(jobs.map((j) => j.id).sort()).toEqual([
    'framework-news:slack:TRACE:our-intake:v2',
    // v3 against v2: only the version changed, no criterion: nobody is told.
  ]);
  await expect(addFramework(ctx, { ...actor, isAdmin: false }, { name: 'v1.yaml', text: OUR_FRAMEWORK_V1 })).rejects.toSatisfy((e) =>
    isSpiegelError(e, 'permission.adminOnly'),
  );
});

it('keeps an open round on its snapshot, and opens the next one on the new version', async () => {
  const { ctx } = testContext;
  const actor = admin('slack:TSNAP');
  const place = { platform: 'slack' as const, tenantId: actor.tenantId, channelId: 'C1' };
  await addFramework(ctx, actor, { name: 'v1.yaml', text: OUR_FRAMEWORK_V1 });
  const first = await openRound(ctx, actor, { place, frameworkId: 'our-intake', participants: ['U1'], locale: 'en' });
  await addFramework(ctx, actor, {
    name: 'v2.yaml',
    text: OUR_FRAMEWORK_V2.replace('Which moment went best?', 'Which moment was hardest?'),
  });
  const stored = await ctx.stores.rounds.get(actor.tenantId, first.id);
  expect(stored?.framework.criteria.map((c) => c.id)).toEqual(['in-listen', 'in-plan', 'in-paper']);
  expect(stored?.framework.questions.map((q) => [q.id, q.text.en])).toEqual([
    ['in-missing', 'What does our intake miss?'],
    ['best-moment', 'Which moment went best?'],
  ]);
  const next = await openRound(ctx, actor, { place, frameworkId: 'our-intake', participants: ['U1'], locale: 'en' });
  expect(next.framework).toMatchObject({ version: '2' });
  expect(next.framework.criteria.map((c) => c.id)).toEqual(['in-listen', 'in-plan', 'in-follow']);
  expect(next.framework.questions.map((q) => q.text.en)).toEqual(['What does our intake miss?', 'Which moment was hardest?']);
  // Another workspace knows nothing of it; a retired framework opens no rounds.
  expect((await frameworksOf(ctx, 'slack:TELSE')).has('our-intake')).toBe(false);
  await retireFramework(ctx, actor, 'our-intake');
  await expect(openRound(ctx, actor, { place, frameworkId: 'our-intake', participants: ['U1'], locale: 'en' })).rejects.toSatisfy((e) =>
    isSpiegelError(e, 'framework.unknown'),
  );
});

it('follows a trend across two versions, aligning criteria by id', async () => {
  const { ctx } = testContext;
  const actor = admin('slack:TTREND');
  const place = { platform: 'slack' as const, tenantId: actor.tenantId, channelId: 'CTREND' };
  const paperRound = async (ratings: Record<string, number[]>) => {
    const rows = ['member,criterion,dimension,value,comment'];
    for (const [criterion, values] of Object.entries(ratings)) values.forEach((v, i) => rows.push(`m${i},${criterion},,${v},`));
    now += 7 * 86_400_000;
    return (await importRound(ctx, actor, { place, frameworkId: 'our-intake', locale: 'en', csv: rows.join('\n') })).round.id;
  };
  await addFramework(ctx, actor, { name: 'v1.yaml', text: OUR_FRAMEWORK_V1 });
  const r1 = await paperRound({ 'in-listen': [4, 4, 5], 'in-plan': [2, 2, 3], 'in-paper': [3, 3, 3] });
  await addFramework(ctx, actor, { name: 'v2.yaml', text: OUR_FRAMEWORK_V2 });
  const r2 = await paperRound({ 'in-listen': [4, 5, 5], 'in-plan': [4, 4, 4], 'in-follow': [2, 3, 3] });

  const { trend, framework } = await trendReport(ctx, actor, { frameworkId: 'our-intake', channelId: 'CTREND' });
  expect(trend.rounds.map((r) => [r.roundId, r.version])).toEqual([
    [r1, '1'],
    [r2, '2'],
  ]);
  const series = (id: string) => trend.series.find((s) => s.criterionId === id)!;
  // Reworded in v2 but the same id: one series over both rounds, with the new text.
  expect(series('in-plan').points.map((p) => [p.asked, p.median])).toEqual([
    [true, 2],
    [true, 4],
  ]);
  expect(framework.criteria.find((c) => c.id === 'in-plan')?.text.en).toBe('We make a written plan together.');
  // Removed in v2: asked in the first round only; added in v2: asked in the second only.
  expect(series('in-paper').points.map((p) => [p.asked, p.median])).toEqual([
    [true, 3],
    [false, null],
  ]);
  expect(series('in-follow').points.map((p) => [p.asked, p.median])).toEqual([
    [false, null],
    [true, 3],
  ]);
  expect(trend.series.map((s) => s.criterionId)).toEqual(['in-listen', 'in-plan', 'in-follow', 'in-paper']);
  const text = trendLines(trend, framework, 'en').join('\n');
  expect(text).toMatch(/\(\d{4}-\d\d-\d\d, version 1\)/);
  expect(text).toMatch(/The paperwork is complete: 3 → ·/);
  expect(text).toMatch(/We follow up within a week: · → 3/);
});
