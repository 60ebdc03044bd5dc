import { SpiegelError } from '../domain/errors.js';
import type { Logger } from '../logger.js';
import { type Actor } from '../app/actor.js';
import { type AppContext } from '../app/context.js';
import { type Job, type JobResult } from '../domain/scheduling.js';
import { type Notifiers } from '../app/notifier.js';
export interface JobRun {
  job: Job;
  /** The attempt this run holds (its claim is `job:<id>:<attempt>`). */
  attempt: number;
  holder: string;
  now: Date;
}

export type JobOutcome =
  | { status: 'done' | 'skipped'; note: string; counts?: Record<string, number>; roundId?: string }
  /** Not now: run again at `until` (quiet hours, a deadline not reached yet); not a failure. */
  | { status: 'deferred'; until: Date; note: string; counts?: Record<string, number> };

export type JobHandler = (run: JobRun) => Promise<JobOutcome>;

/** A failed attempt. `permanent`: retrying cannot help (no notifier for the platform, invalid schedule). */
export class JobError extends SpiegelError {
  readonly permanent: boolean;
  readonly result: JobResult | null;

  constructor(message: string, options: { permanent?: boolean; result?: JobResult | null; cause?: unknown } = {}) {
    super('job.failed', message, { permanent: options.permanent ?? false }, options.cause === undefined ? {} : { cause: options.cause });
    this.name = 'JobError';
    this.permanent = options.permanent ?? false;
    this.result = options.result ?? null;
  }
}

export interface HandlerDeps {
  ctx: AppContext;
  notifiers: Notifiers;
  logger: Logger;
}

/** The identity the scheduler acts under: an admin of the job's tenant, never of another. */
export function schedulerActor(tenantId: string): Actor {
  return { tenantId, userId: 'spiegel:scheduler', isAdmin: true };
}
