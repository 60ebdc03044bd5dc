import type { Round } from '../domain/round.js';
import { deadlineJobId, reminderJobId, type NewJob, reminderMinimumLeadMs } from '../domain/scheduling.js';
import type { AppContext } from './context.js';

const hourMs = 3_600_000;

export function reminderSlotId(hoursBeforeDeadline: number): string {
  return `${hoursBeforeDeadline}h`;
}

export interface ReminderSlot {
  slot: string;
  hoursBeforeDeadline: number;
  at: Date;
}

/** The round's scheduled reminder slots, earliest first (none without a deadline or with `max` 0). */
export function reminderSlots(round: Pick<Round, 'deadline' | 'reminderPlan'>): ReminderSlot[] {
  const { deadline, reminderPlan } = round;
  if (!deadline || reminderPlan.max <= 0) return [];
  const hours = [...new Set(reminderPlan.hoursBeforeDeadline.filter((h) => Number.isFinite(h) && h > 0))].sort((a, b) => b - a);
  return hours.map((h) => ({ slot: reminderSlotId(h), hoursBeforeDeadline: h, at: new Date(deadline.getTime() - h * hourMs) }));
}

/**
 * From when a reminder of this slot is pointless: once the next scheduled slot is due (it reminds the same
 * members), or shortly before the deadline. Null when the round has no deadline.
 */
export function slotUsefulUntil(round: Pick<Round, 'deadline' | 'reminderPlan'>, slot: string): Date | null {
  if (!round.deadline) return null;
  const lastUseful = new Date(round.deadline.getTime() - reminderMinimumLeadMs);
  const slots = reminderSlots(round);
  const index = slots.findIndex((s) => s.slot === slot);
  const next = index >= 0 ? slots[index + 1] : undefined;
  return next && next.at.getTime() < lastUseful.getTime() ? next.at : lastUseful;
}

/** Why a reminder would no longer go out: past the deadline, too close to it, or a later slot reminds the same members. */
export type ReminderSkipReason = 'deadline-passed' | 'deadline-close' | 'superseded';

/**
 * The one rule for whether a reminder of this slot still goes out at `now`: the scheduler applies it before
 * sending, and a coordinator's "remind now" is answered with it. Null: still useful.
 */
export function reminderSkipReason(round: Pick<Round, 'deadline' | 'reminderPlan'>, slot: string, now: Date): ReminderSkipReason | null {
  const usefulUntil = slotUsefulUntil(round, slot);
  if (!round.deadline || !usefulUntil || now.getTime() < usefulUntil.getTime()) return null;
  if (now.getTime() >= round.deadline.getTime()) return 'deadline-passed';
  return now.getTime() >= round.deadline.getTime() - reminderMinimumLeadMs ? 'deadline-close' : 'superseded';
}

/** The jobs an open round needs: its deadline, and one reminder job per slot still in the future. */
export function roundJobs(round: Round, now: Date): NewJob[] {
  if (round.state !== 'open' || !round.deadline) return [];
  const base = { tenantId: round.place.tenantId, roundId: round.id, recurrenceId: round.recurrenceId };
  const jobs: NewJob[] = [{ ...base, id: deadlineJobId(round.id, round.revision), kind: 'deadline', slot: null, runAt: round.deadline }];
  for (const slot of reminderSlots(round)) {
    if (slot.at.getTime() <= now.getTime()) continue;
    jobs.push({ ...base, id: reminderJobId(round.id, slot.slot, round.revision), kind: 'reminder', slot: slot.slot, runAt: slot.at });
  }
  return jobs;
}

/** Stores the round's jobs; their ids are deterministic, so scheduling twice stores them once. */
export async function scheduleRoundJobs(ctx: AppContext, round: Round): Promise<void> {
  await ctx.stores.jobs.enqueue(roundJobs(round, ctx.clock.now()), ctx.clock.now());
}

/** Settles a round's pending jobs (all, or only some kinds; never those in `keep`) as cancelled, with the reason. */
export async function cancelRoundJobs(ctx: AppContext, round: Round, reason: string, kinds?: string[], keep?: string[]): Promise<number> {
  return ctx.stores.jobs.cancelPending(
    { tenantId: round.place.tenantId, roundId: round.id, ...(kinds ? { kinds } : {}), ...(keep ? { exceptIds: keep } : {}) },
    reason,
    ctx.clock.now(),
  );
}
