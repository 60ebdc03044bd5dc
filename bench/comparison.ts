/**
 * Benchmark: a comparison (roll-up) over BENCH_ROUNDS closed rounds × BENCH_MEMBERS members × BENCH_CRITERIA
 * criteria (default 50 × 40 × 30 = 60,000 answers), in three levels of units (2 regions › 5 organisations ›
 * 10 teams, each round in a team), compared on the top level, on the database at MONGODB_URI.
 *   load + compute (compareUnits: rounds, our streamed read of the answers checked with zod, the statistics)
 *   vs the bare driver's find().toArray() of the same answer documents — target ≤ 1.5×;
 *   compute alone (RollupTally over answers in memory) — target ≤ 200 ms; peak RSS of the measuring process
 *   — target ≤ 200 MB. The measuring runs in a child process so that its peak RSS is its own.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compareUnits } from '../src/app/comparisons.js';
import { buildRound } from '../src/app/rounds.js';
import { importUnits } from '../src/app/units.js';
import type { Response } from '../src/domain/round.js';
import { RollupTally } from '../src/domain/rollup.js';
import { defaultSummarySettings } from '../src/domain/round.js';
import { ancestorsAtLevel } from '../src/domain/units.js';
import { benchContext, fmt, median, openBenchDatabase, syntheticFramework, timed } from './support/bench-context.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 50);
const members = Number(process.env.BENCH_MEMBERS ?? 40);
const criteria = Number(process.env.BENCH_CRITERIA ?? 30);
const repeats = 3;
const tenantId = 'bench:comparison';
const admin = { tenantId, userId: 'admin', isAdmin: true };
const framework = syntheticFramework(criteria);

const unitsCsv = [
  'id,name,parent,level',
  'r0,Region 0,,region',
  'r1,Region 1,,region',
  ...Array.from({ length: 5 }, (_, o) => `o${o},Organisation ${o},r${o % 2},organisation`),
  ...Array.from({ length: 10 }, (_, t) => `t${t},Team ${t},o${t % 5},team`),
].join('\n');

async function seed(): Promise<void> {
  const database = await openBenchDatabase('spiegel_bench_comparison');
  try {
    const ctx = await benchContext(database.db, [framework]);
    await importUnits(ctx, admin, { csv: unitsCsv, levels: ['region', 'organisation', 'team'] });
    const memberIds = Array.from({ length: members }, (_, i) => `member-${i}`);
    const seeded = await timed(async () => {
      for (let r = 0; r < rounds; r++) {
        const open = buildRound(
          ctx,
          admin,
          {
            place: { platform: 'cli', tenantId, channelId: `team-${r % 10}` },
            frameworkId: 'bench',
            participants: memberIds,
            locale: 'en',
            unitId: `t${r % 10}`,
          },
          framework,
        );
        const round = { ...open, state: 'closed' as const, closedAt: new Date() };
        await ctx.stores.rounds.insert(round);
        const responses: Response[] = memberIds.flatMap((member, m) =>
          framework.criteria.map((c, i) => ({
            roundId: round.id,
            criterionId: c.id,
            dimension: 'rating',
            respondent: member,
            value: (m + i + r) % 9 === 0 ? ('na' as const) : ((m * 31 + i * 7 + r * 3) % 5) + 1,
            comment: (m + i) % 40 === 0 ? `Comment about criterion ${i}` : null,
            updatedAt: null,
          })),
        );
        await ctx.stores.responses.saveMany(tenantId, responses);
      }
    });
    console.log(`seeded ${rounds} rounds × ${members} members × ${criteria} criteria in ${fmt(seeded.ms / 1000)} s`);
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', database.db.databaseName], {
      stdio: 'inherit',
      env: process.env,
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`measuring process exited with ${code}`);
  } finally {
    await database.close();
  }
}

async function measure(dbName: string): Promise<void> {
  const database = await openBenchDatabase('unused');
  await database.client.db(database.db.databaseName).dropDatabase();
  const db = database.client.db(dbName);
  const ctx = await benchContext(db, [framework]);
  const baselineRss = process.memoryUsage().rss / 1024 / 1024;
  const ours: number[] = [];
  for (let i = 0; i < repeats; i++) ours.push((await timed(() => compareUnits(ctx, admin, { frameworkId: 'bench', level: 'region' }))).ms);
  const peakAfterOurs = process.resourceUsage().maxRSS / 1024;

  const roundList = await ctx.stores.rounds.list(tenantId, { state: 'closed', limit: 10_000 });
  const roundIds = roundList.map((r) => r.id);
  const bare: number[] = [];
  for (let i = 0; i < repeats; i++) {
    bare.push(
      (
        await timed(() =>
          db
            .collection('responses')
            .find({ tenantId, roundId: { $in: roundIds } })
            .toArray(),
        )
      ).ms,
    );
  }
  const answers = [];
  for await (const answer of ctx.stores.responses.valuesForRounds(tenantId, roundIds)) answers.push(answer);
  const units = await ctx.stores.units.list(tenantId);
  const atLevel = ancestorsAtLevel(units, 'region');
  const compute: number[] = [];
  for (let i = 0; i < repeats * 3; i++) {
    const start = performance.now();
    const tally = new RollupTally({
      frameworkId: 'bench',
      level: 'region',
      framework,
      dimensionIds: ['rating'],
      units: units.filter((u) => u.level === 'region').map((u) => ({ id: u.id, name: u.name })),
      roundUnits: new Map(roundList.map((r) => [r.id, atLevel.get(r.unitId!)!])),
      settings: defaultSummarySettings,
    });
    for (const answer of answers) tally.add(answer);
    tally.result();
    compute.push(performance.now() - start);
  }
  const ratio = median(ours) / median(bare);
  console.log(
    `comparison of ${answers.length} answers in ${roundIds.length} rounds on 2 regions (3 levels of units), median of ${repeats}:`,
  );
  console.log(`  load + compute (ours)        ${fmt(median(ours))} ms`);
  console.log(`  bare find().toArray()        ${fmt(median(bare))} ms`);
  console.log(`  ratio                        ${fmt(ratio, 2)}×   (target ≤ 1.5×)`);
  console.log(`  compute alone                ${fmt(median(compute))} ms   (target ≤ 200 ms)`);
  console.log(`  peak RSS after our comparisons ${fmt(peakAfterOurs)} MB   (target ≤ 200 MB; ${fmt(baselineRss)} MB before)`);
  console.log(
    JSON.stringify({
      bench: 'comparison',
      answers: answers.length,
      oursMs: median(ours),
      bareMs: median(bare),
      ratio,
      computeMs: median(compute),
      peakRssMb: peakAfterOurs,
      baselineRssMb: baselineRss,
    }),
  );
  await database.client.close();
}

const [mode, dbName] = process.argv.slice(2);
if (mode === '--measure') await measure(dbName!);
else await seed();
