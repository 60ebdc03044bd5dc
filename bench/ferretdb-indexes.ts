/**
 * Benchmark: Spiegel's answer store on FerretDB over PostgreSQL, without and with the indexes of
 * tools/ferretdb/postgresql-indexes.sql (FerretDB 1.24 scans a whole collection for every read by `_id`).
 * The same work in two fresh databases, the second with the script run on it: BENCH_ANSWERS answers (default
 * 30,000: 50 rounds of 60 criteria and 10 members) written as first answers, then answers changed by a
 * process that did not write them and by one that did, a member's answers read, and a round's answers read; at
 * concurrency 16 (one round's answers: 4). Rates are printed, never asserted. Runs only when `npm run bench`
 * started FerretDB on PostgreSQL (it passes the PostgreSQL URL and psql).
 */
import type { ResponseKey } from '../src/app/ports.js';
import { createMongoStores } from '../src/storage/mongo/mongo-stores.js';
import { addFerretdbIndexes, benchPostgresql, fmt, openBenchDatabase } from './support/bench-context.js';

const answers = Number(process.env.BENCH_ANSWERS ?? 30_000);
const rounds = 50;
const tenantId = 'bench:indexes';

const postgresql = benchPostgresql();
if (!postgresql) {
  console.log('skipped: the bench database is not FerretDB on PostgreSQL');
  process.exit(0);
}

const key = (i: number): ResponseKey => ({
  roundId: `round-${i % rounds}`,
  criterionId: `c-${Math.floor(i / rounds) % 60}`,
  dimension: 'rating',
  respondent: `member-${Math.floor(i / (rounds * 60))}`,
});
const members = Math.ceil(answers / (rounds * 60));

/** `count` operations, `concurrency` at a time: operations a second. */
async function rate(count: number, concurrency: number, operation: (n: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await operation(next++);
    }),
  );
  return (count * 1000) / (performance.now() - started);
}

async function measure(withIndexes: boolean): Promise<Record<string, number>> {
  const bench = await openBenchDatabase(withIndexes ? 'bench_indexes_gin' : 'bench_indexes_plain');
  try {
    const writer = createMongoStores(bench.db);
    await writer.ensureIndexes();
    if (withIndexes) await addFerretdbIndexes(postgresql!, bench.db.databaseName);
    const other = createMongoStores(bench.db).responses;
    const changes = Math.min(2000, answers);
    return {
      'first answers': await rate(answers, 16, (n) => writer.responses.write(tenantId, key(n), { value: 3, updatedAt: null })),
      'changes, another process': await rate(changes, 16, (n) => other.write(tenantId, key(n * 7), { value: 4, updatedAt: null })),
      'changes, the writing process': await rate(changes, 16, (n) =>
        writer.responses.write(tenantId, key(n * 11), { value: 5, updatedAt: null }),
      ),
      "a member's answers in a round": await rate(500, 16, (n) =>
        writer.responses.listForRespondent(tenantId, `round-${n % rounds}`, `member-${n % members}`),
      ),
      "a round's answers": await rate(50, 4, (n) => writer.responses.listForRound(tenantId, `round-${n % rounds}`)),
    };
  } finally {
    await bench.close();
  }
}

const plain = await measure(false);
const indexed = await measure(true);
console.log(
  `${answers} answers in ${rounds} rounds (${answers / rounds} each); operations a second, without and with the script's indexes`,
);
for (const [name, without] of Object.entries(plain)) {
  const withGin = indexed[name]!;
  console.log(`  ${name.padEnd(32)} ${fmt(without, 0).padStart(6)}/s   ${fmt(withGin, 0).padStart(6)}/s   × ${fmt(withGin / without, 2)}`);
}
console.log(JSON.stringify({ bench: 'ferretdb-indexes', answers, without: plain, with: indexed }));
