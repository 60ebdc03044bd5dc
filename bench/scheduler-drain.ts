/**
 * Benchmark: BENCH_JOBS due jobs (default 10,000) drained by two scheduler instances, each in its own
 * process, against the real database at MONGODB_URI (database MONGODB_DB, default a fresh
 * `spiegel_bench_scheduler_<random>` dropped afterwards; a given MONGODB_DB has its `jobs` and
 * `job_attempts` collections emptied first and afterwards).
 *
 *   MONGODB_URI=mongodb://… [MONGODB_DB=…] [BENCH_JOBS=10000] [BENCH_MAX_SECONDS=300] [BENCH_INSTANCES=2] \
 *     [BENCH_BATCH=…] [BENCH_CONCURRENCY=…] npx tsx bench/scheduler-drain.ts
 *
 * The instances run with the scheduler's defaults (batch 250, concurrency 4) unless BENCH_BATCH /
 * BENCH_CONCURRENCY say otherwise.
 *
 * Each job is a no-op of kind `bench`, so the figure is the scheduler's own cost per job: its share of the
 * due query, the insert of its attempt claim `job:<id>:<attempt>`, and the update recording its outcome.
 * Prints jobs per second and duplicates (jobs whose handler ran more than once; must be 0). Stops after
 * BENCH_MAX_SECONDS and prints partial figures. Last line: one JSON object with every figure.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { pino } from 'pino';
import { newRoundId, type AppContext } from '../src/app/context.js';
import { loadFrameworkCatalogue } from '../src/app/framework-catalogue.js';
import { systemClock } from '../src/app/ports.js';
import type { NewJob } from '../src/domain/scheduling.js';
import { Scheduler, type TickReport } from '../src/scheduling/scheduler.js';
import { MongoJobStore } from '../src/storage/mongo/job-store.js';
import { createMongoStores } from '../src/storage/mongo/mongo-stores.js';

const env = process.env;
const uri = env.MONGODB_URI;
if (!uri) {
  console.error('MONGODB_URI is required (the bench runner starts the bench database).');
  process.exit(2);
}
const positive = (name: string, fallback: number): number => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

interface WorkerLine {
  kind: 'progress' | 'result';
  instanceId: string;
  executed: number;
  ids?: string[];
  report?: TickReport;
  elapsedMs?: number;
}

async function context(client: MongoClient, dbName: string): Promise<AppContext> {
  return {
    stores: createMongoStores(client.db(dbName)),
    clock: systemClock,
    frameworks: await loadFrameworkCatalogue(),
    secret: 'bench-'.padEnd(40, 'x'),
    newId: newRoundId,
  };
}

/** A worker process: drains `bench` jobs until none is due, or until told to stop; reports what it ran. */
async function worker(): Promise<void> {
  const dbName = env.BENCH_DB ?? '';
  const instanceId = `${hostname()}:${process.pid}:${env.BENCH_INSTANCE ?? '?'}`;
  const client = await MongoClient.connect(uri!, { appName: 'spiegel-bench-worker' });
  const ctx = await context(client, dbName);
  const executed: string[] = [];
  const scheduler = new Scheduler({
    ctx,
    notifiers: {},
    logger: pino({ level: 'warn' }),
    instanceId,
    ...(env.BENCH_BATCH ? { batchSize: Number(env.BENCH_BATCH) } : {}),
    ...(env.BENCH_CONCURRENCY ? { concurrency: Number(env.BENCH_CONCURRENCY) } : {}),
    handlers: {
      bench: async (run) => {
        executed.push(run.job.id);
        return { status: 'done', note: 'bench' };
      },
    },
  });
  const write = (line: WorkerLine) => process.stdout.write(`${JSON.stringify(line)}\n`);
  const input = createInterface({ input: process.stdin });
  // Set by the line handler, which TypeScript's narrowing does not follow.
  let stop = false as boolean;
  let started = false;
  let go: () => void = () => {};
  const goPromise = new Promise<void>((resolve) => (go = resolve));
  input.on('line', (line) => {
    if (line === 'go') {
      started = true;
      go();
    }
    if (line === 'stop') stop = true;
  });
  input.on('close', () => {
    stop = true;
    if (!started) go();
  });
  process.stdout.write('READY\n');
  await goPromise;
  const began = Date.now();
  const progress = setInterval(() => write({ kind: 'progress', instanceId, executed: executed.length }), 1000);
  const total: TickReport = { due: 0, ran: 0, byResult: { done: 0, skipped: 0, deferred: 0, retry: 0, failed: 0, busy: 0, stale: 0 } };
  let idle = 0;
  while (!stop) {
    const report = await scheduler.tick();
    total.due += report.due;
    total.ran += report.ran;
    for (const [key, value] of Object.entries(report.byResult)) total.byResult[key as keyof TickReport['byResult']] += value;
    // Nothing due (or only jobs the other instance holds) twice in a row: drained.
    idle = report.due === 0 || report.ran === 0 ? idle + 1 : 0;
    if (report.due === 0 || idle >= 3) break;
  }
  clearInterval(progress);
  write({ kind: 'result', instanceId, executed: executed.length, ids: executed, report: total, elapsedMs: Date.now() - began });
  input.close();
  await client.close();
}

async function main(): Promise<void> {
  const jobs = Math.floor(positive('BENCH_JOBS', 10_000));
  const maxSeconds = positive('BENCH_MAX_SECONDS', 300);
  const instances = Math.floor(positive('BENCH_INSTANCES', 2));
  const ownDb = !env.MONGODB_DB;
  const dbName = env.MONGODB_DB ?? `spiegel_bench_scheduler_${randomBytes(4).toString('hex')}`;
  const client = await MongoClient.connect(uri!, { appName: 'spiegel-bench' });
  const db = client.db(dbName);
  const log = (line: string) => {
    console.log(line);
  };

  const clear = async () => {
    if (ownDb) await db.dropDatabase();
    else for (const name of ['jobs', 'job_attempts']) await db.collection(name).deleteMany({});
  };
  await clear();
  const stores = createMongoStores(db);
  await new MongoJobStore(db).ensureIndexes();

  log(`scheduler-drain: ${jobs} due jobs, ${instances} instances (processes), database ${dbName}, limit ${maxSeconds} s`);
  const seedStart = Date.now();
  const due = new Date(Date.now() - 60_000);
  for (let i = 0; i < jobs; i += 1000) {
    const batch: NewJob[] = [];
    for (let j = i; j < Math.min(jobs, i + 1000); j++) {
      batch.push({
        id: `bench:${String(j).padStart(6, '0')}`,
        kind: 'bench',
        tenantId: 'bench',
        roundId: null,
        recurrenceId: null,
        slot: null,
        runAt: due,
      });
    }
    await stores.jobs.enqueue(batch, new Date());
  }
  const seedSeconds = (Date.now() - seedStart) / 1000;
  log(`seeded ${jobs} jobs in ${seedSeconds.toFixed(1)} s`);

  const tsx = import.meta.resolve('tsx');
  const self = fileURLToPath(import.meta.url);
  const children = Array.from({ length: instances }, (_, index) => {
    const child = spawn(process.execPath, ['--import', tsx, self, '--worker'], {
      env: { ...env, BENCH_DB: dbName, BENCH_INSTANCE: String(index + 1) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout });
    const progress = { executed: 0 };
    let markReady: () => void = () => {};
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    const result = new Promise<WorkerLine | null>((resolve) => {
      lines.on('line', (line) => {
        if (line === 'READY') {
          markReady();
          return;
        }
        if (!line.startsWith('{')) return;
        const parsed = JSON.parse(line) as WorkerLine;
        progress.executed = parsed.executed;
        if (parsed.kind === 'result') resolve(parsed);
      });
      child.once('exit', () => {
        resolve(null);
      });
    });
    return { child, ready, result, progress };
  });
  await Promise.all(children.map((c) => c.ready));

  const started = Date.now();
  for (const c of children) c.child.stdin.write('go\n');
  let timedOut = false as boolean;
  const limit = setTimeout(() => {
    timedOut = true;
    log(`time limit of ${maxSeconds} s reached: stopping the instances, figures below are partial`);
    for (const c of children) c.child.stdin.write('stop\n');
  }, maxSeconds * 1000);
  const ticker = setInterval(() => {
    const done = children.reduce((sum, c) => sum + c.progress.executed, 0);
    const seconds = (Date.now() - started) / 1000;
    log(`  ${seconds.toFixed(0)} s: ${done} jobs run (${(done / seconds).toFixed(0)}/s)`);
  }, 10_000);
  const results = await Promise.all(children.map((c) => c.result));
  const wallSeconds = (Date.now() - started) / 1000;
  clearTimeout(limit);
  clearInterval(ticker);

  const counts = new Map<string, number>();
  for (const r of results) for (const id of r?.ids ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  const executions = [...counts.values()].reduce((a, b) => a + b, 0);
  const duplicates = [...counts.values()].filter((n) => n > 1).length;
  const settled = await db.collection('jobs').countDocuments({ status: 'done' });
  const pending = await db.collection('jobs').countDocuments({ status: 'pending' });
  const attemptClaims = await db.collection('job_attempts').countDocuments({});
  const collisions = results.reduce((sum, r) => sum + (r?.report?.byResult.busy ?? 0), 0);
  const figures = {
    bench: 'scheduler-drain',
    database: dbName,
    jobs,
    instances,
    complete: !timedOut && counts.size === jobs && pending === 0,
    seedSeconds: Number(seedSeconds.toFixed(2)),
    wallSeconds: Number(wallSeconds.toFixed(2)),
    jobsRun: counts.size,
    jobsPerSecond: Number((counts.size / wallSeconds).toFixed(1)),
    duplicates,
    executions,
    perInstance: results.map((r) => r?.executed ?? null),
    claimCollisions: collisions,
    attemptClaims,
    settledDone: settled,
    stillPending: pending,
  };
  log(`drained ${counts.size} of ${jobs} jobs in ${wallSeconds.toFixed(1)} s with ${instances} instances: ${figures.jobsPerSecond} jobs/s`);
  log(
    `duplicates: ${duplicates} (jobs run more than once; must be 0) · per instance: ${figures.perInstance.join(' + ')} · claim collisions: ${collisions} · attempt claims: ${attemptClaims}`,
  );
  console.log(JSON.stringify(figures));

  await clear();
  await client.close();
  if (duplicates > 0) process.exitCode = 1;
}

if (process.argv.includes('--worker')) {
  await worker();
} else {
  await main();
}
