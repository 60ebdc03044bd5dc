import type { CadenceKind } from './cadence.js';
import type { Locale, Perspective } from './framework.js';
import { defaultReminderPlan, defaultSummarySettings, type Place, type ReminderPlan, type SummarySettings } from './round.js';

/**
 * The kinds of job the scheduler runs, each with exactly one handler (`jobHandlers` in `src/scheduling/scheduler.ts`
 * fails type-checking when one is missing or unknown); stores accept any kind so that tools (the bench) can add their own.
 */
export const jobKinds = [
  'deadline',
  'reminder',
  'recurrence',
  'round-start',
  'retention',
  'workspace-deletion',
  'framework-news',
  'intervision-step',
  'audit-invitations',
  'licence-reminders',
] as const;
export type JobKind = (typeof jobKinds)[number];

/** Handlers for some job kinds; `satisfies JobHandlersFor<…>` on a handler map refuses a kind that is not in {@link jobKinds}. */
export type JobHandlersFor<Handler> = Partial<Record<JobKind, Handler>>;

/**
 * pending: waits for `runAt` (also while an attempt runs); done / skipped / failed / cancelled: settled.
 * skipped: nothing left to do (round closed, slot too late…), with the reason in `result.note`.
 */
export const jobStatuses = ['pending', 'done', 'skipped', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** What an attempt did: a short machine-readable note and counts (reminders: sent, deferred, …). */
export interface JobResult {
  note: string | null;
  counts: Record<string, number>;
  /** The round a recurrence job opened. */
  roundId?: string | null | undefined;
}

/**
 * A durable unit of work. Its id is deterministic (`deadline:<roundId>`, `reminder:<roundId>:<slot>`,
 * `recurrence:<recurrenceId>:<occurrence>`), so scheduling the same work twice inserts it once.
 * Attempts are claimed by inserting `job:<id>:<attempt>` (see JobStore), never by updating this document.
 */
export interface Job {
  id: string;
  kind: string;
  tenantId: string;
  roundId: string | null;
  recurrenceId: string | null;
  /** Reminder slot (`48h`, `now-…`); null for other kinds. */
  slot: string | null;
  /** When the job should run next: its due time, later when deferred (quiet hours) or retried (backoff). */
  runAt: Date;
  /** When the job was first due. */
  dueAt: Date;
  status: JobStatus;
  /** Attempts claimed so far (the next attempt is `attempts + 1`). */
  attempts: number;
  /** Attempts that failed or were abandoned (lease expired). */
  failures: number;
  lastError: string | null;
  result: JobResult | null;
  /** A stable pseudo-random number in [0, 1024) from the id; instances start their due scans at different lanes. */
  lane: number;
  createdAt: Date;
  updatedAt: Date;
  settledAt: Date | null;
}

export type NewJob = Pick<Job, 'id' | 'kind' | 'tenantId' | 'roundId' | 'recurrenceId' | 'slot' | 'runAt'>;

/** One claimed attempt of a job: the document `job:<jobId>:<attempt>`, held until `leaseUntil`. */
export interface JobAttempt {
  jobId: string;
  attempt: number;
  holder: string;
  claimedAt: Date;
  leaseUntil: Date;
}

export const jobLanes = 1024;

/** FNV-1a of the id, modulo the lane count: stable across processes. */
export function jobLane(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % jobLanes;
}

/** A round changed after opening (revision n > 0) gets jobs of its own: `deadline:<roundId>:r<n>`. */
const revisionSuffix = (revision: number) => (revision > 0 ? `:r${revision}` : '');

export function deadlineJobId(roundId: string, revision = 0): string {
  return `deadline:${roundId}${revisionSuffix(revision)}`;
}

export function reminderJobId(roundId: string, slot: string, revision = 0): string {
  return `reminder:${roundId}:${slot}${revisionSuffix(revision)}`;
}

/** A round planned to open later: the job that opens it, once. */
export function roundStartJobId(roundId: string): string {
  return `round-start:${roundId}`;
}

export function recurrenceJobId(recurrenceId: string, occurrence: Date): string {
  return `recurrence:${recurrenceId}:${occurrence.toISOString()}`;
}

/** The claim taken before one reminder is sent: never twice for the same (round, slot, respondent key). */
export function reminderClaimKey(roundId: string, slot: string, respondent: string): string {
  return `reminder:${roundId}:${slot}:${respondent}`;
}

/** The n-th reminder a member receives in a round (1-based): caps reminders per member at the plan's max. */
export function reminderQuotaKey(roundId: string, respondent: string, n: number): string {
  return `reminder-quota:${roundId}:${respondent}:${n}`;
}

/** Quiet hours in the member's local time: a nightly window and whole quiet days. */
export interface QuietHours {
  /** `HH:MM`, local; the window runs from `start` to `end`, over midnight when end < start; equal means no window. */
  start: string;
  end: string;
  /** Whole days without reminders, 0 = Sunday … 6 = Saturday. */
  days: number[];
}

export interface WorkspaceSettings {
  tenantId: string;
  /** Null: reminders go out at any time. */
  quietHours: QuietHours | null;
  /** The time zone used for members whose platform does not tell theirs (IANA name). */
  timeZone: string;
  /** Months a closed or cancelled round is kept, with its answers and summary; then the retention job deletes it. */
  retentionMonths: number;
  /** The language for members whose platform does not tell theirs; null: the server's DEFAULT_LOCALE. */
  locale: Locale | null;
  /** New rounds' defaults: anonymity threshold k, target score, low-response rate (a share, 0–1). */
  anonymityThreshold: number;
  targetScore: number;
  lowResponseRate: number;
  /** New rounds' reminders: hours before the deadline (empty: none). */
  reminderHours: number[];
  /** Members made admins in chat, beside the SPIEGEL_ADMINS of the configuration. */
  admins: string[];
}

export const defaultQuietHours: QuietHours = { start: '20:00', end: '08:00', days: [0, 6] };
export const defaultTimeZone = 'Europe/Brussels';

export const defaultRetentionMonths = 24;
export const retentionMonthsRange = { min: 1, max: 120 } as const;

export function defaultWorkspaceSettings(tenantId: string): WorkspaceSettings {
  return {
    tenantId,
    quietHours: defaultQuietHours,
    timeZone: defaultTimeZone,
    retentionMonths: defaultRetentionMonths,
    locale: null,
    anonymityThreshold: defaultSummarySettings.anonymityThreshold,
    targetScore: defaultSummarySettings.targetScore,
    lowResponseRate: defaultSummarySettings.lowResponseRate,
    reminderHours: defaultReminderPlan.hoursBeforeDeadline,
    admins: [],
  };
}

/** Rounds that ended before this moment are past a retention of `months` (calendar months, UTC; end-of-month clipped). */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now.getTime());
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}

/** The daily retention run: one job per UTC day, so any number of instances run it once. */
export function retentionJobId(day: Date): string {
  return `retention:${day.toISOString().slice(0, 10)}`;
}

/** The deletion of a removed workspace's data, scheduled at `at` (a reinstall cancels it; a later uninstall schedules anew). */
export function workspaceDeletionJobId(tenantId: string, at: Date): string {
  return `workspace-deletion:${tenantId}:${at.toISOString()}`;
}

/** The tenant that system-wide jobs (retention) are filed under. */
export const systemTenantId = 'spiegel:system';

/** What each round of a recurring schedule is opened with. */
export interface RecurringRoundOptions {
  /** Prefix of each round's name (the occurrence's date follows); the framework title when null. */
  name: string | null;
  criterionIds: string[];
  /** Only the criteria of these perspectives (empty: every perspective). */
  perspectives: Perspective[];
  dimensionIds: string[] | null;
  participants: string[];
  coordinators: string[];
  /** Hours from opening to the deadline; null: rounds stay open until closed by hand. */
  durationHours: number | null;
  anonymous: boolean;
  locale: Locale;
  settings: Partial<SummarySettings>;
  reminderPlan: ReminderPlan | null;
}

/** A cron expression in a time zone that opens a new round on the same framework in the same place. */
export interface Recurrence {
  id: string;
  tenantId: string;
  place: Place;
  frameworkId: string;
  /** Five fields (minute hour day-of-month month day-of-week); day-of-month AND day-of-week when both are set. */
  cron: string;
  /** The cadence picked; `biweekly` keeps every other week of the weekly `cron`. */
  cadence: CadenceKind;
  /** The schedule's first occurrence: where every other week is counted from. */
  firstRunAt: Date;
  timeZone: string;
  round: RecurringRoundOptions;
  createdBy: string;
  createdAt: Date;
  /** Set while paused: occurrences are not opened, and none is queued until it resumes. */
  pausedAt: Date | null;
}

/** What coordinators see of one job (status views). */
export interface JobView {
  id: string;
  kind: string;
  /** Reminder slot: `48h`, `4h` (hours before the deadline) or `now-…` (a coordinator's "remind now"). */
  slot: string | null;
  status: JobStatus;
  /** First due time. */
  dueAt: Date;
  /** Next run (pending), or the last planned run. */
  runAt: Date;
  attempts: number;
  failures: number;
  /** Why the last attempt failed; for a failed job, why it failed. */
  lastError: string | null;
  /** Note (e.g. `closed`, `deadline-passed`) and counts (reminders: sent, deferred, alreadySent, tooLate, quota, failed). */
  result: JobResult | null;
  settledAt: Date | null;
}

export function toJobView(job: Job): JobView {
  return {
    id: job.id,
    kind: job.kind,
    slot: job.slot,
    status: job.status,
    dueAt: job.dueAt,
    runAt: job.runAt,
    attempts: job.attempts,
    failures: job.failures,
    lastError: job.lastError,
    result: job.result,
    settledAt: job.settledAt,
  };
}

export type RemindNowRefusal = 'everyone-answered' | 'already-queued' | 'reminders-off' | 'deadline-close' | 'deadline-passed';

export type RemindNowResult =
  | { queued: true; jobId: string; slot: string; members: number }
  | { queued: false; reason: RemindNowRefusal; jobId: string | null; members: number };

/** A reminder sent later than this before the deadline is no longer useful: it is skipped, with the reason. */
export const reminderMinimumLeadMs = 15 * 60_000;
