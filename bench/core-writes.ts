/**
 * Benchmark: response writes through our ResponseStore vs the driver's bare updateOne(…, {upsert: true})
 * on the same database and the same data, sequential and at concurrency 16 — target ratio ≥ 0.8.
 * Both sides write BENCH_WRITES answers (default 1,000): first answers, then as many revisions.
 */
import type { Collection } from 'mongodb';
import type { AppContext } from '../src/app/context.js';
import { responseId } from '../src/storage/mongo/response-store.js';
import { benchContext, fmt, openBenchDatabase, timed } from './support/bench-context.js';

const writes = Number(process.env.BENCH_WRITES ?? 1000);
const tenantId = 'bench:writes';

interface Answer {
  roundId: string;
  criterionId: string;
  dimension: string;
  respondent: string;
  value: number;
}

function answers(roundId: string, revision: number): Answer[] {
  return Array.from({ length: writes }, (_, i) => ({
    roundId,
    criterionId: `c-${i % 60}`,
    dimension: 'rating',
    respondent: `member-${Math.floor(i / 60)}`,
    value: ((i + revision) % 5) + 1,
  }));
}

async function inParallel(items: Answer[], concurrency: number, write: (a: Answer) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await write(items[next++]!);
    }),
  );
}

async function rate(items: Answer[], concurrency: number, write: (a: Answer) => Promise<unknown>): Promise<number> {
  const { ms } = await timed(() => inParallel(items, concurrency, write));
  return items.length / (ms / 1000);
}

function ourWrite(ctx: AppContext) {
  return (a: Answer) => ctx.stores.responses.write(tenantId, a, { value: a.value, updatedAt: new Date() });
}

function bareWrite(collection: Collection) {
  return (a: Answer) =>
    collection.updateOne(
      { _id: responseId(a) as never, tenantId },
      {
        $set: { value: a.value, updatedAt: new Date() },
        $setOnInsert: { roundId: a.roundId, criterionId: a.criterionId, dimension: a.dimension, respondent: a.respondent, comment: null },
      },
      { upsert: true },
    );
}

const database = await openBenchDatabase('spiegel_bench_writes');
try {
  const ctx = await benchContext(database.db, []);
  const bare = database.db.collection('bare_responses');
  await bare.createIndex({ tenantId: 1, roundId: 1 });
  const results: Record<string, number> = {};
  for (const concurrency of [1, 16]) {
    for (const phase of ['insert', 'revise'] as const) {
      const round = `r-${concurrency}`;
      const items = answers(round, phase === 'insert' ? 0 : 1);
      const bareRate = await rate(items, concurrency, bareWrite(bare));
      const ourRate = await rate(items, concurrency, ourWrite(ctx));
      results[`c${concurrency}-${phase}-ours`] = ourRate;
      results[`c${concurrency}-${phase}-bare`] = bareRate;
      console.log(
        `  concurrency ${String(concurrency).padStart(2)} ${phase.padEnd(6)}  ours ${fmt(ourRate, 0).padStart(6)}/s  bare ${fmt(bareRate, 0).padStart(6)}/s  ratio ${fmt(ourRate / bareRate, 2)}   (target ≥ 0.8)`,
      );
    }
  }
  console.log(JSON.stringify({ bench: 'core-writes', writes, ...results }));
} finally {
  await database.close();
}
