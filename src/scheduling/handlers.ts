import type { AppContext } from '../app/context.js';
import type { Notifier, ReminderDetails } from '../app/notifier.js';
import { openRecurringRound, scheduleNextOccurrence } from '../app/recurrences.js';
import { respondentKey } from '../app/pseudonym.js';
import { openPlannedRound } from '../app/round-plans.js';
import { reminderSkipReason, slotUsefulUntil } from '../app/round-jobs.js';
import { closeRound, membersToRemind, type SummaryPoster } from '../app/rounds.js';
import { claimSend, confirmSend, maxSendTakeovers, releaseSend, type HeldSend } from '../app/send-claims.js';
import { getWorkspaceSettings } from '../app/workspace-settings.js';
import { isSpiegelError } from '../domain/errors.js';
import type { Round } from '../domain/round.js';
import { reminderClaimKey, reminderQuotaKey, type Job, type JobHandlersFor } from '../domain/scheduling.js';
import type { Logger } from '../logger.js';
import { mapLimited } from './concurrency.js';
import { mediationHandlers } from './mediation-handlers.js';
import { nextAllowedTime } from '../domain/quiet-hours.js';
import { isValidTimeZone } from '../domain/time-zones.js';
import { type HandlerDeps, JobError, type JobHandler, type JobOutcome, type JobRun, schedulerActor } from './job-run.js';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function notifierFor(deps: HandlerDeps, round: Round, what: string): Notifier {
  const notifier = deps.notifiers[round.place.platform];
  if (!notifier) {
    throw new JobError(`no notifier for platform “${round.place.platform}” in this instance: ${what}`, { permanent: true });
  }
  return notifier;
}

function skipped(note: string, counts?: Record<string, number>): JobOutcome {
  return counts ? { status: 'skipped', note, counts } : { status: 'skipped', note };
}

async function loadRound(deps: HandlerDeps, job: Job): Promise<Round | null> {
  return job.roundId ? deps.ctx.stores.rounds.get(job.tenantId, job.roundId) : null;
}

/**
 * Deadline: closes the round and posts its summary, once (closeRound's send claim `round-closed:<id>`). When
 * posting fails the claim is released, so that the retry (or a coordinator's close) posts. When an earlier
 * closer died mid-post, this job, run again after its lease, posts the summary in its place.
 */
export async function runDeadlineJob(deps: HandlerDeps, run: JobRun): Promise<JobOutcome> {
  const { ctx } = deps;
  const round = await loadRound(deps, run.job);
  if (!round) return skipped('round-missing');
  if (round.state === 'cancelled') return skipped('round-cancelled');
  if (round.state === 'open' && round.deadline && round.deadline.getTime() > run.now.getTime()) {
    return { status: 'deferred', until: round.deadline, note: 'deadline-later' };
  }
  const wasOpen = round.state === 'open';
  const post: SummaryPoster = async (closedRound, summary) => {
    const notifier = notifierFor(deps, closedRound, 'the round was closed, but its summary could not be posted');
    try {
      await notifier.postSummary(closedRound, summary);
    } catch (error) {
      throw new JobError(`the round was closed, but posting its summary failed: ${errorText(error)}`, { cause: error });
    }
  };
  const closed = await closeRound(ctx, schedulerActor(run.job.tenantId), round.id, post);
  if (closed.firstClose) return { status: 'done', note: 'closed' };
  if (closed.summaryPost.state === 'posted') return { status: 'done', note: 'summary-posted' };
  if (closed.summaryPost.state === 'in-progress')
    return { status: 'deferred', until: closed.summaryPost.until, note: 'summary-in-progress' };
  return skipped(wasOpen ? 'closed-meanwhile' : 'already-closed');
}

/**
 * The member's share of the plan's maximum: the first free `reminder-quota:<round>:<respondent>:<n>`, held in
 * the name of the send, so that a takeover of that send finds the place its dead holder took. Null: none left.
 */
async function claimQuota(ctx: AppContext, round: Round, respondent: string, send: HeldSend, now: Date): Promise<string | null> {
  const keys = Array.from({ length: round.reminderPlan.max }, (_, i) => reminderQuotaKey(round.id, respondent, i + 1));
  if (send.takenOverSince) {
    const held = (await ctx.stores.claims.find(keys)).find((c) => c.holder === send.key);
    if (held) return held.key;
  }
  for (const key of keys) if (await ctx.stores.claims.claim(key, send.key, now)) return key;
  return null;
}

async function memberTimeZone(notifier: Notifier, round: Round, memberId: string, fallback: string, logger: Logger): Promise<string> {
  try {
    const zone = await notifier.memberTimeZone(round, memberId);
    if (zone && isValidTimeZone(zone)) return zone;
  } catch (error) {
    logger.debug({ err: error, roundId: round.id }, 'member time zone unavailable; using the workspace default');
  }
  return fallback;
}

/**
 * Reminder slot: a private reminder to each participant who has not answered, in their own time zone and
 * outside quiet hours. A member in quiet hours is deferred (the job runs again at the earliest such time);
 * when that time is past the slot's usefulness (the next slot, or the deadline) the member is skipped and
 * counted (`tooLate`). Each (round, slot, member) send is claimed before sending and confirmed once the
 * platform took it (claimSend), so no reminder goes out twice: a send that failed releases its claim and fails
 * the attempt, so the retry sends it; a send whose holder died is taken over after its lease, and the taker
 * first asks the platform whether that reminder reached the member (Slack: yes or no; Teams cannot tell,
 * so there it is sent again: at least once).
 */
export async function runReminderJob(deps: HandlerDeps, run: JobRun): Promise<JobOutcome> {
  const { ctx, logger } = deps;
  const { job, now } = run;
  const round = await loadRound(deps, job);
  if (!round) return skipped('round-missing');
  if (round.state !== 'open') return skipped(`round-${round.state}`);
  const slot = job.slot ?? 'now';
  const skip = reminderSkipReason(round, slot, now);
  if (skip) return skipped(skip);
  const usefulUntil = slotUsefulUntil(round, slot);
  const notifier = notifierFor(deps, round, 'reminders for this round cannot be sent');
  const settings = await getWorkspaceSettings(ctx, job.tenantId);
  const members = await membersToRemind(ctx, round);
  const answered = round.participants.length - members.length;
  const counts = { sent: 0, alreadySent: 0, deferred: 0, inProgress: 0, tooLate: 0, quota: 0, failed: 0 };
  const errors: string[] = [];
  // Set inside callbacks, which TypeScript's narrowing does not follow.
  let deferUntil = null as number | null;
  const deferTo = (at: Date) => (deferUntil = Math.min(deferUntil ?? Infinity, at.getTime()));

  /** After a takeover: did the dead holder's reminder reach the member? A lookup that fails cannot tell. */
  const delivered = (memberId: string, since: Date) =>
    notifier.reminderDelivered(round, memberId, slot, since).catch((error: unknown) => {
      logger.warn({ err: error, roundId: round.id, memberId }, 'could not check for an interrupted reminder; sending it again');
      return false;
    });

  await mapLimited(members, 4, async (memberId) => {
    const timeZone = await memberTimeZone(notifier, round, memberId, settings.timeZone, logger);
    const allowedAt = nextAllowedTime(now, timeZone, settings.quietHours);
    if (!allowedAt || (usefulUntil && allowedAt.getTime() >= usefulUntil.getTime())) {
      counts.tooLate++;
      return;
    }
    if (allowedAt.getTime() > now.getTime()) {
      counts.deferred++;
      deferTo(allowedAt);
      return;
    }
    // Claims name the member by respondent key: in an anonymous round a claim must not say who had not answered.
    const respondent = respondentKey(ctx, round, memberId);
    const claim = await claimSend(ctx, reminderClaimKey(round.id, slot, respondent), run.holder, now);
    if (claim.state === 'sent') {
      counts.alreadySent++;
      return;
    }
    if (claim.state === 'in-progress') {
      counts.inProgress++;
      deferTo(claim.until);
      return;
    }
    if (claim.state === 'abandoned') {
      counts.failed++;
      errors.push(`the reminder to ${respondent} was interrupted ${maxSendTakeovers + 1} times`);
      return;
    }
    const { send } = claim;
    const quota = await claimQuota(ctx, round, respondent, send, now);
    if (!quota) {
      await releaseSend(ctx, send);
      counts.quota++;
      return;
    }
    if (send.takenOverSince && (await delivered(memberId, send.takenOverSince))) {
      await confirmSend(ctx, send, run.holder, now);
      counts.alreadySent++;
      return;
    }
    const details: ReminderDetails = { answered, participants: round.participants.length, timeZone, slot, deadline: round.deadline };
    try {
      await notifier.sendReminder(round, memberId, details);
    } catch (error) {
      await ctx.stores.claims.release(quota);
      await releaseSend(ctx, send);
      counts.failed++;
      // The job keeps the first error: in an anonymous round it must not name who was reminded.
      errors.push(round.anonymous ? errorText(error).replaceAll(memberId, respondent) : errorText(error));
      return;
    }
    counts.sent++;
    // Not released if this fails: the reminder went out, and a takeover after the lease finds it (Slack).
    await confirmSend(ctx, send, run.holder, now);
  });

  if (counts.failed > 0) {
    const attempted = counts.sent + counts.failed;
    throw new JobError(`${counts.failed} of ${attempted} reminders could not be sent: ${errors[0] ?? 'unknown error'}`, {
      result: { note: 'send-failed', counts },
    });
  }
  if (deferUntil !== null) {
    return { status: 'deferred', until: new Date(deferUntil), note: counts.inProgress > 0 ? 'send-in-progress' : 'quiet-hours', counts };
  }
  return { status: 'done', note: members.length === 0 ? 'everyone-answered' : 'sent', counts };
}

/**
 * Recurrence: queues the next occurrence first (the chain never breaks, even when this one fails), then opens
 * this occurrence's round (deterministic id: once) and announces it (send claim `round-announced:<id>`: an
 * announcement interrupted by a crash is posted again after the lease, at least once).
 */
export async function runRecurrenceJob(deps: HandlerDeps, run: JobRun): Promise<JobOutcome> {
  const { ctx } = deps;
  const { job, now } = run;
  const recurrence = job.recurrenceId ? await ctx.stores.recurrences.get(job.tenantId, job.recurrenceId) : null;
  if (!recurrence) return skipped('recurrence-deleted');
  if (recurrence.pausedAt) return skipped('recurrence-paused');
  await scheduleNextOccurrence(ctx, recurrence, new Date(Math.max(now.getTime(), job.dueAt.getTime())));
  let opened: Awaited<ReturnType<typeof openRecurringRound>>;
  try {
    opened = await openRecurringRound(ctx, recurrence, job.dueAt);
  } catch (error) {
    if (isSpiegelError(error)) throw new JobError(`the round could not be opened: ${error.message}`, { permanent: true, cause: error });
    throw error;
  }
  return announceOnce(deps, run, opened);
}

/**
 * Announces a round the scheduler opened, once (send claim `round-announced:<id>`: an announcement interrupted
 * by a crash is posted again after the lease, at least once).
 */
async function announceOnce(deps: HandlerDeps, run: JobRun, opened: { round: Round; opened: boolean }): Promise<JobOutcome> {
  const { ctx } = deps;
  const { round } = opened;
  const claim = await claimSend(ctx, `round-announced:${round.id}`, run.holder, run.now);
  if (claim.state === 'in-progress') return { status: 'deferred', until: claim.until, note: 'announcement-in-progress' };
  if (claim.state === 'abandoned') throw new JobError(`announcing round ${round.id} was interrupted too often`, { permanent: true });
  if (claim.state === 'mine') {
    try {
      const notifier = notifierFor(deps, round, `round ${round.id} was opened, but could not be announced`);
      await notifier.announceRound(round);
    } catch (error) {
      await releaseSend(ctx, claim.send);
      if (error instanceof JobError) throw error;
      throw new JobError(`round ${round.id} was opened, but announcing it failed: ${errorText(error)}`, { cause: error });
    }
    await confirmSend(ctx, claim.send, run.holder, run.now);
  }
  return { status: 'done', note: opened.opened ? 'opened' : 'already-opened', roundId: round.id };
}

/** A planned round's start: opens it under its planned id (once) and announces it in its channel. */
export async function runRoundStartJob(deps: HandlerDeps, run: JobRun): Promise<JobOutcome> {
  const opened = run.job.roundId ? await openPlannedRound(deps.ctx, run.job.tenantId, run.job.roundId) : null;
  if (!opened) return skipped('plan-missing');
  return announceOnce(deps, run, opened);
}

export function builtInHandlers(deps: HandlerDeps) {
  return {
    deadline: (run: JobRun) => runDeadlineJob(deps, run),
    reminder: (run: JobRun) => runReminderJob(deps, run),
    recurrence: (run: JobRun) => runRecurrenceJob(deps, run),
    'round-start': (run: JobRun) => runRoundStartJob(deps, run),
    ...mediationHandlers(deps),
  } satisfies JobHandlersFor<JobHandler>;
}
