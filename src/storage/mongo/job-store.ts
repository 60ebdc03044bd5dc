import { MongoBulkWriteError, type Collection, type Db, type Filter } from 'mongodb';
import { z } from 'zod';
import type { JobFilter, JobSettlement, JobStore } from '../../app/ports.js';
import { jobLane, jobLanes, jobStatuses, type Job, type JobAttempt, type NewJob } from '../../domain/scheduling.js';
import { insertOnce, isDuplicateKey } from './errors.js';
import { ensureIndexes } from './indexes.js';

const jobResultSchema = z.object({
  note: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  roundId: z.string().nullable().optional(),
});

const jobDocumentSchema = z.object({
  _id: z.string(),
  kind: z.string(),
  tenantId: z.string(),
  roundId: z.string().nullable(),
  recurrenceId: z.string().nullable(),
  slot: z.string().nullable(),
  runAt: z.date(),
  dueAt: z.date(),
  status: z.enum(jobStatuses),
  attempts: z.number().int().min(0),
  failures: z.number().int().min(0),
  lastError: z.string().nullable(),
  result: jobResultSchema.nullable(),
  lane: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  settledAt: z.date().nullable(),
});

type JobDocument = z.infer<typeof jobDocumentSchema>;

const attemptDocumentSchema = z.object({
  _id: z.string(),
  jobId: z.string(),
  attempt: z.number().int(),
  holder: z.string(),
  claimedAt: z.date(),
  leaseUntil: z.date(),
});

type AttemptDocument = z.infer<typeof attemptDocumentSchema>;

/** The claim of one attempt: `job:<jobId>:<attempt>`. */
export function attemptKey(jobId: string, attempt: number): string {
  return `job:${jobId}:${attempt}`;
}

function fromJobDocument(raw: unknown): Job {
  const { _id, ...rest } = jobDocumentSchema.parse(raw);
  return { id: _id, ...rest };
}

function toJobDocument(job: NewJob, at: Date): JobDocument {
  return {
    _id: job.id,
    kind: job.kind,
    tenantId: job.tenantId,
    roundId: job.roundId,
    recurrenceId: job.recurrenceId,
    slot: job.slot,
    runAt: job.runAt,
    dueAt: job.runAt,
    status: 'pending',
    attempts: 0,
    failures: 0,
    lastError: null,
    result: null,
    lane: jobLane(job.id),
    createdAt: at,
    updatedAt: at,
    settledAt: null,
  };
}

const maxErrorLength = 1000;
/** Lanes read by the second due query: a sixteenth of them. */
const laneWindow = jobLanes / 16;

function clip(error: string | null): string | null {
  return error === null || error.length <= maxErrorLength ? error : `${error.slice(0, maxErrorLength - 1)}…`;
}

/**
 * Jobs in `jobs`, attempt claims in `job_attempts`. Who runs an attempt is decided only by inserting the
 * attempt's claim document (exact on MongoDB and FerretDB alike); updates of a job document are bookkeeping.
 */
export class MongoJobStore implements JobStore {
  private readonly jobs: Collection<JobDocument>;
  private readonly attempts: Collection<AttemptDocument>;

  constructor(db: Db) {
    this.jobs = db.collection<JobDocument>('jobs');
    this.attempts = db.collection<AttemptDocument>('job_attempts');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.jobs, [
      { status: 1, runAt: 1 },
      { tenantId: 1, roundId: 1 },
      { tenantId: 1, recurrenceId: 1 },
      { status: 1, settledAt: 1 },
    ]);
    await ensureIndexes(this.attempts, [{ jobId: 1 }]);
  }

  async enqueue(jobs: NewJob[], at: Date): Promise<void> {
    if (jobs.length === 0) return;
    try {
      await this.jobs.insertMany(
        jobs.map((job) => toJobDocument(job, at)),
        { ordered: false },
      );
    } catch (error) {
      if (error instanceof MongoBulkWriteError) {
        if ([error.writeErrors].flat().every((e) => e.code === 11000)) return;
      }
      if (isDuplicateKey(error)) return;
      throw error;
    }
  }

  enqueueOnce(job: NewJob, at: Date): Promise<boolean> {
    return insertOnce(() => this.jobs.insertOne(toJobDocument(job, at)));
  }

  async get(jobId: string): Promise<Job | null> {
    const doc = await this.jobs.findOne({ _id: jobId });
    return doc ? fromJobDocument(doc) : null;
  }

  /**
   * No sort: FerretDB sorts in memory, which dominated with a backlog (measured). Without a backlog one query returns
   * every due job. With one (a full batch), a second query reads a window of lanes starting at `fromLane`, so
   * that instances, starting at random lanes, mostly claim different jobs; the first batch fills up the rest.
   */
  async due(now: Date, limit: number, fromLane: number): Promise<Job[]> {
    const base: Filter<JobDocument> = { status: 'pending', runAt: { $lte: now } };
    const head = await this.jobs.find(base).limit(limit).toArray();
    if (head.length < limit) return head.map(fromJobDocument);
    const start = Math.min(Math.max(0, Math.floor(fromLane)), jobLanes - laneWindow);
    const windowed = await this.jobs
      .find({ ...base, lane: { $gte: start, $lt: start + laneWindow } })
      .limit(limit)
      .toArray();
    const seen = new Set(windowed.map((d) => d._id));
    return [...windowed, ...head.filter((d) => !seen.has(d._id))].slice(0, limit).map(fromJobDocument);
  }

  claimAttempt(attempt: JobAttempt): Promise<boolean> {
    return insertOnce(() => this.attempts.insertOne({ _id: attemptKey(attempt.jobId, attempt.attempt), ...attempt }));
  }

  async getAttempt(jobId: string, attempt: number): Promise<JobAttempt | null> {
    const doc = await this.attempts.findOne({ _id: attemptKey(jobId, attempt) });
    if (!doc) return null;
    const { _id, ...rest } = attemptDocumentSchema.parse(doc);
    return rest;
  }

  async settle(jobId: string, attempt: number, settlement: JobSettlement, at: Date): Promise<boolean> {
    const common = {
      attempts: attempt,
      failures: settlement.failures,
      lastError: clip(settlement.error),
      result: settlement.result,
      updatedAt: at,
    };
    const update =
      settlement.status === 'pending'
        ? { $set: { ...common, status: 'pending' as const, runAt: settlement.runAt } }
        : { $set: { ...common, status: settlement.status, settledAt: at } };
    // `attempts: { $lte: attempt }`: the claimed attempt wins over earlier ones; a stale holder whose lease
    // was taken over (a later attempt recorded) changes nothing. Bookkeeping only: the claims decide.
    const result = await this.jobs.updateOne({ _id: jobId, status: 'pending', attempts: { $lte: attempt } }, update);
    if (result.matchedCount > 0) return true;
    // The job was deleted while this attempt ran (its round past retention, its tenant removed): drop the claim.
    if ((await this.jobs.countDocuments({ _id: jobId }, { limit: 1 })) === 0)
      await this.attempts.deleteOne({ _id: attemptKey(jobId, attempt) });
    return false;
  }

  async list(filter: JobFilter): Promise<Job[]> {
    const docs = await this.jobs.find(this.filterOf(filter)).sort({ runAt: 1, _id: 1 }).limit(500).toArray();
    return docs.map(fromJobDocument);
  }

  async cancelPending(filter: JobFilter, reason: string, at: Date): Promise<number> {
    const result = await this.jobs.updateMany(
      { ...this.filterOf(filter), status: 'pending' },
      { $set: { status: 'cancelled', settledAt: at, updatedAt: at, result: { note: reason, counts: {} } } },
    );
    return result.modifiedCount;
  }

  async purgeSettled(before: Date): Promise<number> {
    const old = await this.jobs
      .find({ status: { $in: ['done', 'skipped', 'failed', 'cancelled'] }, settledAt: { $lt: before } }, { projection: { _id: 1 } })
      .limit(5000)
      .toArray();
    if (old.length === 0) return 0;
    const ids = old.map((d) => d._id);
    await this.attempts.deleteMany({ jobId: { $in: ids } });
    const result = await this.jobs.deleteMany({ _id: { $in: ids } });
    return result.deletedCount;
  }

  private filterOf(filter: JobFilter): Filter<JobDocument> {
    const query: Filter<JobDocument> = { tenantId: filter.tenantId };
    if (filter.roundId !== undefined) query.roundId = filter.roundId;
    if (filter.recurrenceId !== undefined) query.recurrenceId = filter.recurrenceId;
    if (filter.recurrenceIds !== undefined) query.recurrenceId = { $in: filter.recurrenceIds };
    if (filter.status !== undefined) query.status = filter.status;
    if (filter.kinds !== undefined) query.kind = { $in: filter.kinds };
    if (filter.exceptIds !== undefined) query._id = { $nin: filter.exceptIds };
    return query;
  }
}
