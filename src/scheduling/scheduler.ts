import type { AppContext } from '../app/context.js';
import type { Notifiers } from '../app/notifier.js';
import type { JobSettlement, JobStore } from '../app/ports.js';
import { jobLanes, type Job, type JobKind, type JobResult } from '../domain/scheduling.js';
import type { Logger } from '../logger.js';
import { mapLimited } from './concurrency.js';
import { scheduleRetention } from '../app/retention.js';
import { builtInHandlers } from './handlers.js';
import { lifecycleHandlers } from './lifecycle-jobs.js';
import { frameworkHandlers } from './framework-handlers.js';
import { JobError, type HandlerDeps, type JobHandler, type JobOutcome } from './job-run.js';

export interface SchedulerOptions {
  ctx: AppContext;
  notifiers: Notifiers;
  logger: Logger;
  /** Names this instance in attempt claims (e.g. host and pid). */
  instanceId: string;
  /** Due jobs read per tick (default 250). */
  batchSize?: number;
  /** Jobs run at once per instance (default 4: on FerretDB more concurrent writes only contend; measured). */
  concurrency?: number;
  /** How long a claimed attempt is held; past it, another instance takes the job over (next attempt). */
  leaseMs?: number;
  /** A handler running longer fails its attempt (default: the lease minus 5 s, at least 1 s). */
  handlerTimeoutMs?: number;
  /** Failed (or abandoned) attempts before a job is marked failed. */
  maxFailures?: number;
  /** Delay before retry number `failures` (1-based). */
  backoffMs?: (failures: number) => number;
  /** Replacement handlers by job kind, or handlers for a tool's own kinds (the bench's `bench`). */
  handlers?: Record<string, JobHandler>;
  /** Picks the lane a tick starts at; Math.random by default. */
  random?: () => number;
}

export type JobRunResult = 'done' | 'skipped' | 'deferred' | 'retry' | 'failed' | 'busy' | 'stale';

export interface TickReport {
  /** Due jobs read. */
  due: number;
  /** Attempts this instance claimed and ran (whatever their outcome). */
  ran: number;
  byResult: Record<JobRunResult, number>;
}

const emptyCounts = (): Record<JobRunResult, number> => ({ done: 0, skipped: 0, deferred: 0, retry: 0, failed: 0, busy: 0, stale: 0 });

/** 30 s, 2 min, 8 min, 32 min, then hourly. */
export function defaultBackoffMs(failures: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, failures - 1), 3_600_000);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One handler for every kind of {@link jobKinds}: a kind without one, or one without a kind, fails type-checking. */
function jobHandlers(deps: HandlerDeps): Record<JobKind, JobHandler> {
  return { ...builtInHandlers(deps), ...lifecycleHandlers(deps), ...frameworkHandlers(deps) };
}

/**
 * Runs due jobs from the job store. No job state lives here: every decision comes from the database, and
 * each attempt is claimed by inserting `job:<id>:<attempt>` (exact on MongoDB and FerretDB). A claim whose
 * lease expired (its holder crashed or hung) is abandoned: the next attempt number is claimed anew.
 * `tick()` runs one batch, `drain()` runs until nothing claimable is due; both use the context's clock.
 */
export class Scheduler {
  private readonly store: JobStore;
  private readonly handlers: Record<string, JobHandler>;
  readonly batchSize: number;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly handlerTimeoutMs: number;
  private readonly maxFailures: number;
  private readonly backoffMs: (failures: number) => number;
  private readonly random: () => number;

  constructor(private readonly options: SchedulerOptions) {
    this.store = options.ctx.stores.jobs;
    this.handlers = { ...jobHandlers(options), ...options.handlers };
    this.batchSize = options.batchSize ?? 250;
    this.concurrency = options.concurrency ?? 4;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.handlerTimeoutMs = options.handlerTimeoutMs ?? Math.max(1000, this.leaseMs - 5000);
    this.maxFailures = options.maxFailures ?? 5;
    this.backoffMs = options.backoffMs ?? defaultBackoffMs;
    this.random = options.random ?? Math.random;
  }

  private now(): Date {
    return this.options.ctx.clock.now();
  }

  async tick(): Promise<TickReport> {
    const fromLane = Math.floor(this.random() * jobLanes) % jobLanes;
    const jobs = await this.store.due(this.now(), this.batchSize, fromLane);
    const byResult = emptyCounts();
    const results = await mapLimited(jobs, this.concurrency, (job) => this.runJob(job));
    for (const result of results) byResult[result]++;
    const ran = results.filter((r) => r !== 'busy' && r !== 'stale').length;
    return { due: jobs.length, ran, byResult };
  }

  /** Ticks until a tick finds no job it can run (or `maxTicks`): for tests, tools and catching up. */
  async drain(maxTicks = 10_000): Promise<TickReport> {
    const total: TickReport = { due: 0, ran: 0, byResult: emptyCounts() };
    for (let i = 0; i < maxTicks; i++) {
      const report = await this.tick();
      total.due += report.due;
      total.ran += report.ran;
      for (const [key, value] of Object.entries(report.byResult)) total.byResult[key as JobRunResult] += value;
      if (report.ran === 0) break;
    }
    return total;
  }

  /** Claims the job's next attempt and runs it; see the class comment. */
  async runJob(job: Job): Promise<JobRunResult> {
    const { logger, instanceId } = this.options;
    let attempt = job.attempts + 1;
    let failures = job.failures;
    let abandoned: string | null = null;
    let claimed = false;
    for (let tries = 0; tries <= this.maxFailures; tries++) {
      const now = this.now();
      claimed = await this.store.claimAttempt({
        jobId: job.id,
        attempt,
        holder: instanceId,
        claimedAt: now,
        leaseUntil: new Date(now.getTime() + this.leaseMs),
      });
      if (claimed) break;
      // An attempt is never claimed before the job's run time, so while that lies less than a lease ago the
      // holder's lease cannot have expired: no need to read its claim.
      if (attempt === job.attempts + 1 && job.runAt.getTime() + this.leaseMs > now.getTime()) return 'busy';
      const held = await this.store.getAttempt(job.id, attempt);
      if (held && held.leaseUntil.getTime() > now.getTime()) return 'busy';
      failures++;
      abandoned = `attempt ${attempt} (${held?.holder ?? 'unknown instance'}) did not finish within its lease`;
      attempt++;
    }
    if (!claimed) return 'busy';

    if (abandoned) {
      // Taking over after a lease expired: make sure the job still waits (our reading may predate a settle).
      const fresh = await this.store.get(job.id);
      if (fresh?.status !== 'pending' || fresh.attempts >= attempt) return 'stale';
      logger.warn({ jobId: job.id, attempt, reason: abandoned }, 'taking over an abandoned job');
      if (failures >= this.maxFailures) {
        await this.settle(job, attempt, { status: 'failed', failures, error: abandoned, result: job.result });
        logger.error({ jobId: job.id, kind: job.kind, roundId: job.roundId, reason: abandoned }, 'job failed');
        return 'failed';
      }
    }

    const handler = this.handlers[job.kind];
    let outcome: JobOutcome;
    try {
      if (!handler) throw new JobError(`no handler for jobs of kind “${job.kind}”`, { permanent: true });
      outcome = await this.withTimeout(handler({ job, attempt, holder: instanceId, now: this.now() }), job);
    } catch (error) {
      failures++;
      const reason = errorText(error);
      const result = error instanceof JobError ? error.result : null;
      const permanent = error instanceof JobError && error.permanent;
      if (permanent || failures >= this.maxFailures) {
        await this.settle(job, attempt, { status: 'failed', failures, error: reason, result });
        logger.error({ jobId: job.id, kind: job.kind, roundId: job.roundId, attempt, failures, reason }, 'job failed');
        return 'failed';
      }
      const runAt = new Date(this.now().getTime() + this.backoffMs(failures));
      await this.settle(job, attempt, { status: 'pending', runAt, failures, error: reason, result });
      logger.warn({ jobId: job.id, kind: job.kind, attempt, failures, retryAt: runAt, reason }, 'job attempt failed; will retry');
      return 'retry';
    }

    const result: JobResult = { note: outcome.note, counts: outcome.counts ?? {} };
    if (outcome.status !== 'deferred' && outcome.roundId) result.roundId = outcome.roundId;
    if (outcome.status === 'deferred') {
      const runAt = new Date(Math.max(outcome.until.getTime(), this.now().getTime() + 1000));
      await this.settle(job, attempt, { status: 'pending', runAt, failures, error: abandoned, result });
      logger.debug({ jobId: job.id, runAt, note: outcome.note }, 'job deferred');
      return 'deferred';
    }
    await this.settle(job, attempt, { status: outcome.status, failures, error: abandoned, result });
    logger.debug({ jobId: job.id, status: outcome.status, note: outcome.note }, 'job settled');
    return outcome.status;
  }

  private async settle(job: Job, attempt: number, settlement: JobSettlement): Promise<void> {
    await this.store.settle(job.id, attempt, settlement, this.now());
  }

  /** A handler that outlives its lease counts as failed here; another instance may take the job over. */
  private async withTimeout<T>(work: Promise<T>, job: Job): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new JobError(`job ${job.id} did not finish within ${this.handlerTimeoutMs} ms`));
      }, this.handlerTimeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

export interface StartSchedulerDeps {
  ctx: AppContext;
  notifiers: Notifiers;
  logger: Logger;
  instanceId: string;
  /** Between polls when nothing is due (default 5 s, with ±20 % jitter so that instances drift apart). */
  pollIntervalMs?: number;
}

const purgeEveryMs = 3_600_000;
/** Settled jobs (and their attempt claims) are kept this long for status views. */
export const settledJobRetentionMs = 30 * 24 * 3_600_000;

/** Runs the scheduler in the background until `stop()`, which waits for the running tick to finish. */
export function startScheduler(deps: StartSchedulerDeps): { stop(): Promise<void> } {
  const { logger } = deps;
  const scheduler = new Scheduler(deps);
  const interval = deps.pollIntervalMs ?? 5000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastPurge = 0;
  let retentionQueued = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = loop();
    }, delay);
  };

  const loop = async (): Promise<void> => {
    let full = false;
    try {
      // The daily retention run re-queues itself; this starts the chain (once, whatever the number of instances).
      if (!retentionQueued) {
        await scheduleRetention(deps.ctx, deps.ctx.clock.now());
        retentionQueued = true;
      }
      const report = await scheduler.tick();
      full = report.due >= scheduler.batchSize && report.ran > 0;
      if (report.ran > 0) logger.debug({ ...report.byResult, due: report.due }, 'scheduler tick');
      const now = deps.ctx.clock.now().getTime();
      if (now - lastPurge >= purgeEveryMs) {
        lastPurge = now;
        const purged = await deps.ctx.stores.jobs.purgeSettled(new Date(now - settledJobRetentionMs));
        const claims = await deps.ctx.stores.claims.purgeExpired(new Date(now));
        if (purged > 0 || claims > 0) logger.info({ purged, claims }, 'purged settled jobs and expired claims');
      }
    } catch (error) {
      logger.error({ err: error }, 'scheduler tick failed');
    }
    schedule(full ? 0 : Math.round(interval * (0.8 + Math.random() * 0.4)));
  };

  schedule(0);
  logger.info({ instanceId: deps.instanceId, pollIntervalMs: interval }, 'scheduler started');
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      logger.info({ instanceId: deps.instanceId }, 'scheduler stopped');
    },
  };
}
