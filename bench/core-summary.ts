/**
 * Benchmark: the summary of a round with BENCH_MEMBERS members × BENCH_CRITERIA criteria (default
 * 1,000 × 60 = 60,000 responses), on the database at MONGODB_URI.
 *   load + compute (computeSummary: our store's streamed read, each answer checked and folded into a tally, plus
 *   the statistics) vs the bare driver's find().toArray() of the same documents — target ≤ 1.25×;
 *   compute alone (the answers folded into a RoundTally and summarizeTally, as computeSummary does) — target ≤ 100 ms; peak RSS of the measuring process — target ≤ 200 MB.
 * The measuring runs in a child process (this file with --measure) so its peak RSS is its own; a second
 * child (--bare-rss) gives the peak RSS of the bare driver's read alone, for scale.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openRound } from '../src/app/rounds.js';
import { computeSummary } from '../src/app/compute-summary.js';
import type { Response } from '../src/domain/round.js';
import { RoundTally, summarizeTally } from '../src/domain/summary.js';
import type { RoundAnswer } from '../src/app/ports.js';
import { benchContext, fmt, median, openBenchDatabase, syntheticFramework, timed } from './support/bench-context.js';

const members = Number(process.env.BENCH_MEMBERS ?? 1000);
const criteria = Number(process.env.BENCH_CRITERIA ?? 60);
const repeats = 3;
const tenantId = 'bench:summary';
const framework = syntheticFramework(criteria);

async function seed(): Promise<void> {
  const database = await openBenchDatabase('spiegel_bench_summary');
  try {
    const ctx = await benchContext(database.db, [framework]);
    const memberIds = Array.from({ length: members }, (_, i) => `member-${i}`);
    const round = await openRound(
      ctx,
      { tenantId, userId: 'coord', isAdmin: true },
      {
        place: { platform: 'cli', tenantId, channelId: 'bench' },
        frameworkId: 'bench',
        participants: memberIds,
        locale: 'en',
      },
    );
    const seeded = await timed(async () => {
      for (const [m, member] of memberIds.entries()) {
        const responses: Response[] = framework.criteria.map((c, i) => ({
          roundId: round.id,
          criterionId: c.id,
          dimension: 'rating',
          respondent: member,
          value: (m + i) % 7 === 0 ? 'na' : ((m * 31 + i * 7) % 5) + 1,
          comment: (m + i) % 50 === 0 ? `Comment from a member about criterion ${i}` : null,
          updatedAt: null,
        }));
        await ctx.stores.responses.saveMany(tenantId, responses);
        await ctx.stores.participation.markAnswered(tenantId, round, member, null);
      }
    });
    console.log(`seeded ${members * criteria} responses in ${fmt(seeded.ms / 1000)} s`);
    for (const mode of ['--measure', '--bare-rss']) {
      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), mode, database.db.databaseName, round.id], {
        stdio: 'inherit',
        env: process.env,
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      if (code !== 0) throw new Error(`measuring process (${mode}) exited with ${code}`);
    }
  } finally {
    await database.close();
  }
}

async function measure(dbName: string, roundId: string): Promise<void> {
  const database = await openBenchDatabase('unused');
  await database.client.db(database.db.databaseName).dropDatabase();
  const db = database.client.db(dbName);
  const ctx = await benchContext(db, [framework]);
  const round = (await ctx.stores.rounds.get(tenantId, roundId))!;
  const baselineRss = process.memoryUsage().rss / 1024 / 1024;
  const ours: number[] = [];
  const bare: number[] = [];
  const compute: number[] = [];
  for (let i = 0; i < repeats; i++) {
    ours.push((await timed(() => computeSummary(ctx, round))).ms);
  }
  const peakAfterOurs = process.resourceUsage().maxRSS / 1024;
  const responses: RoundAnswer[] = [];
  for await (const answer of ctx.stores.responses.answersOfRound(tenantId, roundId)) responses.push(answer);
  const respondents = await ctx.stores.participation.countAnswered(tenantId, roundId);
  for (let i = 0; i < repeats * 3; i++) {
    const start = performance.now();
    const answers = new RoundTally(round);
    for (const answer of responses) answers.add(answer);
    summarizeTally({ round, answers, respondents });
    compute.push(performance.now() - start);
  }
  for (let i = 0; i < repeats; i++) {
    bare.push((await timed(() => db.collection('responses').find({ tenantId, roundId }).toArray())).ms);
  }
  const ratio = median(ours) / median(bare);
  console.log(`summary of ${responses.length} responses (${members} members × ${criteria} criteria), median of ${repeats}:`);
  console.log(`  load + compute (ours)        ${fmt(median(ours))} ms`);
  console.log(`  bare find().toArray()        ${fmt(median(bare))} ms`);
  console.log(`  ratio                        ${fmt(ratio, 2)}×   (target ≤ 1.25×)`);
  console.log(`  compute alone                ${fmt(median(compute))} ms   (target ≤ 100 ms)`);
  console.log(
    `  peak RSS after our summaries ${fmt(peakAfterOurs)} MB   (target ≤ 200 MB; ${fmt(baselineRss)} MB before the first summary)`,
  );
  console.log(
    JSON.stringify({
      bench: 'core-summary',
      responses: responses.length,
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

/** For scale: the peak RSS of a fresh process that only reads the same documents with the bare driver. */
async function bareRss(dbName: string, roundId: string): Promise<void> {
  const database = await openBenchDatabase('unused');
  await database.client.db(database.db.databaseName).dropDatabase();
  const baseline = process.memoryUsage().rss / 1024 / 1024;
  const docs = await database.client.db(dbName).collection('responses').find({ tenantId, roundId }).toArray();
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(
    `  peak RSS, bare find().toArray() alone in a fresh process: ${fmt(peak)} MB (${fmt(baseline)} MB before; ${docs.length} documents)`,
  );
  console.log(JSON.stringify({ bench: 'core-summary-bare-rss', peakRssMb: peak, baselineRssMb: baseline }));
  await database.client.close();
}

const [mode, dbName, roundId] = process.argv.slice(2);
if (mode === '--measure') await measure(dbName!, roundId!);
else if (mode === '--bare-rss') await bareRss(dbName!, roundId!);
else await seed();
