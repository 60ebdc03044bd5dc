import type { IntervisionStore } from './intervision-ports.js';
import type { TenantFrameworkStore } from './framework-ports.js';
import type { MediationStores } from './mediation-ports.js';
import type { OpenAnswer, Place, RatingValue, Response, Round, RoundState } from '../domain/round.js';
import type { Job, JobAttempt, JobResult, JobStatus, NewJob, Recurrence, WorkspaceSettings } from '../domain/scheduling.js';
import type { Summary } from '../domain/summary-types.js';
import type { Unit } from '../domain/units.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface RoundQuery {
  state?: RoundState;
  channelId?: string;
  /** Rounds this member takes part in. */
  participant?: string;
  /** Rounds this member coordinates. */
  coordinator?: string;
  frameworkId?: string;
  /** Rounds that belong to one of these units. */
  unitIds?: string[];
  /** Rounds closed at or after this time. */
  closedFrom?: Date;
  /** Rounds closed before this time. */
  closedBefore?: Date;
  /** Leave out Delphi follow-ups (they ask a few items again of the same members: pooled, they would count them twice). */
  withoutFollowUps?: boolean;
  limit?: number;
}

/** What a coordinator may change after opening; always with the new revision. */
export type RoundChange = Partial<Pick<Round, 'deadline' | 'participants' | 'coordinators' | 'state' | 'closedAt' | 'reopenings'>> &
  Pick<Round, 'revision'>;

export interface RoundStore {
  insert(round: Round): Promise<void>;
  get(tenantId: string, roundId: string): Promise<Round | null>;
  /** Moves an open round to closed or cancelled; returns false when it was no longer open. */
  end(tenantId: string, roundId: string, state: 'closed' | 'cancelled', at: Date): Promise<boolean>;
  list(tenantId: string, query: RoundQuery): Promise<Round[]>;
  /** The latest closed round (not a Delphi follow-up) on the same framework in the same place that closed before `before`. */
  findPrevious(place: Place, frameworkId: string, before: Date): Promise<Round | null>;
  setPlatformRef(tenantId: string, roundId: string, key: string, value: string): Promise<void>;
  /**
   * Writes a coordinator's change as `change.revision`, unless the stored round is at that revision or later
   * already; the caller holds the claim of that revision (see changeRound). False when nothing was written.
   */
  applyChange(tenantId: string, roundId: string, change: RoundChange): Promise<boolean>;
  /** Gives the round a new `erasureMark` (before a member's answers are erased from it). */
  markErasure(tenantId: string, roundId: string, mark: string): Promise<void>;
  /** Every tenant that has rounds (the retention job's walk). */
  tenants(): Promise<string[]>;
  /** Ids of the tenant's rounds that closed or were cancelled before `before`, at most `limit`. */
  endedBefore(tenantId: string, before: Date, limit: number): Promise<string[]>;
}

export type ResponseKey = Pick<Response, 'roundId' | 'criterionId' | 'dimension' | 'respondent'>;

export interface ResponsePatch {
  /** Absent keeps the stored rating; a first answer carries one. */
  value?: RatingValue | undefined;
  /** Absent keeps the stored comment. */
  comment?: string | null | undefined;
  updatedAt: Date | null;
  /** The answer was just read as stored (a whole form): the store updates it without first trying an insert. */
  stored?: boolean;
}

/** What a comparison or trend reads of an answer. */
export type AnswerValue = Pick<Response, 'roundId' | 'criterionId' | 'dimension' | 'value'>;

/** What a round's summary reads of an answer. */
export type RoundAnswer = Pick<Response, 'criterionId' | 'dimension' | 'value' | 'comment'>;

export interface ResponseStore {
  /**
   * Writes one member's answer: one document per (round, criterion, dimension, respondent), so a revision
   * replaces the fields it carries. A patch without a rating updates an answer that exists. Returns it as stored.
   */
  write(tenantId: string, key: ResponseKey, patch: ResponsePatch): Promise<Response>;
  saveMany(tenantId: string, responses: Response[]): Promise<void>;
  listForRound(tenantId: string, roundId: string): Promise<Response[]>;
  listForRespondent(tenantId: string, roundId: string, respondent: string): Promise<Response[]>;
  /** The ratings of many rounds, streamed: neither comments nor respondents are read. */
  valuesForRounds(tenantId: string, roundIds: string[]): AsyncIterable<AnswerValue>;
  /** A round's ratings and comments, streamed (one per respondent and item): respondents are not read. */
  answersOfRound(tenantId: string, roundId: string): AsyncIterable<RoundAnswer>;
  /** Deletes one respondent's answers in a round (erasure); returns how many. */
  deleteForRespondent(tenantId: string, roundId: string, respondent: string): Promise<number>;
}

export type OpenAnswerKey = Pick<OpenAnswer, 'roundId' | 'questionId' | 'respondent'>;

/** Answers in words to open questions, kept apart from ratings: no statistic ever reads them. */
export interface OpenAnswerStore {
  /** Writes one member's answer to one question: one document per (round, question, respondent), replaced on revision. */
  put(tenantId: string, answer: OpenAnswer): Promise<void>;
  remove(tenantId: string, key: OpenAnswerKey): Promise<void>;
  listForRound(tenantId: string, roundId: string): Promise<OpenAnswer[]>;
  listForRespondent(tenantId: string, roundId: string, respondent: string): Promise<OpenAnswer[]>;
  /** Deletes one respondent's answers in a round (erasure); returns how many. */
  deleteForRespondent(tenantId: string, roundId: string, respondent: string): Promise<number>;
}

/**
 * Who has answered, kept apart from what they answered. Markers are keyed by the respondent key (the keyed
 * pseudonym in anonymous rounds): only the app, which holds the key, can tell which participant answered.
 */
export interface ParticipationStore {
  /**
   * Idempotent. Only an erasure removes a marker, and an erasure changes the round's `erasureMark` first: an
   * implementation may skip a marker it knows exists under the round's current mark.
   */
  markAnswered(tenantId: string, round: Pick<Round, 'id' | 'erasureMark'>, respondent: string, at: Date | null): Promise<void>;
  countAnswered(tenantId: string, roundId: string): Promise<number>;
  /** The respondent keys of the round's markers. */
  listAnswered(tenantId: string, roundId: string): Promise<string[]>;
  /** Removes a respondent's marker (erasure). */
  unmark(tenantId: string, roundId: string, respondent: string): Promise<void>;
}

export interface SummaryStore {
  /** Stores the final summary of a closed round; a second save of the same round keeps the first. */
  save(tenantId: string, summary: Summary): Promise<void>;
  get(tenantId: string, roundId: string): Promise<Summary | null>;
  /** Replaces a closed round's summary, recomputed after an erasure. */
  replace(tenantId: string, summary: Summary): Promise<void>;
}

/** A stored claim; `leaseUntil` only on a claim of work in progress (a send), which others may take over after it. */
export interface ClaimRecord {
  key: string;
  holder: string;
  at: Date;
  leaseUntil: Date | null;
}

/** Exactly-once by insert: the first caller of a key wins, every later one loses, across processes. */
export interface ClaimStore {
  /** `expiresAt`: when the claim may be purged; without it the claim guards its key for good. */
  claim(key: string, holder: string, at: Date, expiresAt?: Date): Promise<boolean>;
  /** Claims work in progress (kept for good): past `leaseUntil` without a follow-up, its holder is taken to have died. */
  claimLease(key: string, holder: string, at: Date, leaseUntil: Date): Promise<boolean>;
  /** The claims that exist among `keys` (one read). */
  find(keys: string[]): Promise<ClaimRecord[]>;
  release(key: string): Promise<void>;
  /** Deletes the claims whose expiry has passed; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}

/** How an attempt of a job ended: settled for good, or back to pending at a later time (deferral or retry). */
export type JobSettlement =
  | { status: 'done' | 'skipped' | 'failed'; failures: number; error: string | null; result: JobResult | null }
  | { status: 'pending'; runAt: Date; failures: number; error: string | null; result: JobResult | null };

export interface JobFilter {
  tenantId: string;
  roundId?: string;
  recurrenceId?: string;
  /** Jobs of any of these recurrences. */
  recurrenceIds?: string[];
  kinds?: string[];
  status?: JobStatus;
  /** Not these jobs. */
  exceptIds?: string[];
}

/**
 * Durable jobs. Exactly-once work is decided by inserting documents with deterministic ids (the job itself,
 * and one claim `job:<id>:<attempt>` per attempt); job documents are only updated for bookkeeping
 * (outcome, next run time), which never decides who runs what.
 */
export interface JobStore {
  /** Inserts jobs; a job whose id exists already is left as it is. */
  enqueue(jobs: NewJob[], at: Date): Promise<void>;
  /** Inserts one job; false when a job with that id exists already. */
  enqueueOnce(job: NewJob, at: Date): Promise<boolean>;
  get(jobId: string): Promise<Job | null>;
  /**
   * Pending jobs due at `now` (all tenants: the scheduler's own query), at most `limit`; with more due than
   * that, first those in a window of lanes starting at `fromLane`, so that instances mostly pick different jobs.
   */
  due(now: Date, limit: number, fromLane: number): Promise<Job[]>;
  /** Claims one attempt by inserting `job:<jobId>:<attempt>`; false when that attempt was claimed already. */
  claimAttempt(attempt: JobAttempt): Promise<boolean>;
  getAttempt(jobId: string, attempt: number): Promise<JobAttempt | null>;
  /** Records the outcome of `attempt` unless the job is no longer pending or a later attempt recorded one. */
  settle(jobId: string, attempt: number, settlement: JobSettlement, at: Date): Promise<boolean>;
  list(filter: JobFilter): Promise<Job[]>;
  /** Cancels the pending jobs that match; returns how many. */
  cancelPending(filter: JobFilter, reason: string, at: Date): Promise<number>;
  /** Deletes jobs settled before `before`, and their attempt claims. */
  purgeSettled(before: Date): Promise<number>;
}

export interface RecurrenceStore {
  insert(recurrence: Recurrence): Promise<void>;
  get(tenantId: string, recurrenceId: string): Promise<Recurrence | null>;
  list(tenantId: string, query?: { channelId?: string }): Promise<Recurrence[]>;
  /** Pauses (a date) or resumes (null) a schedule; false when there was no such recurrence in the tenant. */
  setPaused(tenantId: string, recurrenceId: string, pausedAt: Date | null): Promise<boolean>;
  /** Returns false when there was no such recurrence in the tenant. */
  delete(tenantId: string, recurrenceId: string): Promise<boolean>;
}

/** A round planned to open at `startAt`: stored as it will open (its id is the id it opens under). */
export interface PlannedRound {
  round: Round;
  startAt: Date;
}

export interface PlannedRoundStore {
  insert(plan: PlannedRound): Promise<void>;
  get(tenantId: string, roundId: string): Promise<PlannedRound | null>;
}

export interface WorkspaceSettingsStore {
  /** The tenant's stored settings, or null when it never changed the defaults. */
  get(tenantId: string): Promise<WorkspaceSettings | null>;
  put(settings: WorkspaceSettings, at: Date): Promise<void>;
}

/** The workspace's structure: level names, units, and the unit each channel belongs to. */
export interface UnitStore {
  /** The tenant's level names, top first (the defaults when it never named them). */
  levelsOf(tenantId: string): Promise<string[]>;
  setLevels(tenantId: string, levels: string[], at: Date): Promise<void>;
  list(tenantId: string): Promise<Unit[]>;
  /** Adds or replaces units by id, in the order given. */
  putMany(tenantId: string, units: Unit[], at: Date): Promise<void>;
  assignChannel(tenantId: string, channelId: string, unitId: string, at: Date): Promise<void>;
  unitOfChannel(tenantId: string, channelId: string): Promise<string | null>;
}

/** Deletion across every collection, for retention and a workspace's removal. */
export interface DeletionStore {
  /** Deletes these rounds and everything stored under them: answers, markers, summary, jobs and their claims, platform records. */
  deleteRounds(tenantId: string, roundIds: string[]): Promise<void>;
  /** Deletes everything stored for the tenant, except jobs of the kinds in `keepJobKinds`. */
  deleteTenant(tenantId: string, keepJobKinds: string[]): Promise<void>;
}

export interface Stores extends MediationStores {
  rounds: RoundStore;
  responses: ResponseStore;
  openAnswers: OpenAnswerStore;
  participation: ParticipationStore;
  summaries: SummaryStore;
  claims: ClaimStore;
  jobs: JobStore;
  recurrences: RecurrenceStore;
  plannedRounds: PlannedRoundStore;
  workspaceSettings: WorkspaceSettingsStore;
  units: UnitStore;
  intervision: IntervisionStore;
  deletion: DeletionStore;
  tenantFrameworks: TenantFrameworkStore;
}

/** What a use case that works in the background may log: pino's logger fits it. */
export interface WarningLog {
  warn(detail: object, message: string): void;
}
