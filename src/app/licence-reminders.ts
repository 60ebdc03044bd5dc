/** When members falling short of their licence requirements are reminded: a set number of weeks before renewal. */
import { licenceYearOf, type MediationSettings } from '../domain/mediation/settings.js';
import type { NewJob } from '../domain/scheduling.js';
import type { AppContext } from './context.js';

const dayMs = 86_400_000;

export interface LicenceReminderSlot {
  /** The renewal date (ISO): the start of the next licence year. */
  renewal: string;
  jobId: string;
  runAt: Date;
}

/** The slot of the renewal after `now` under the current settings; null when reminders are off. */
export function licenceReminderSlot(settings: MediationSettings, now: Date): LicenceReminderSlot | null {
  if (settings.reminderWeeks <= 0) return null;
  const renewal = licenceYearOf(now.toISOString().slice(0, 10), settings.licenceYearStart).end;
  return {
    renewal,
    // The weeks are part of the id: changing them makes a new slot, and the old job skips itself as superseded.
    jobId: `licence-reminders:${settings.tenantId}:${renewal}:${settings.reminderWeeks}w`,
    runAt: new Date(new Date(`${renewal}T09:00:00Z`).getTime() - settings.reminderWeeks * 7 * dayMs),
  };
}

/** Queues the reminder job of the coming renewal (once: its id is deterministic). */
export async function scheduleLicenceReminders(ctx: AppContext, settings: MediationSettings, now = ctx.clock.now()): Promise<void> {
  const slot = licenceReminderSlot(settings, now);
  if (!slot) return;
  const job: NewJob = {
    id: slot.jobId,
    kind: 'licence-reminders',
    tenantId: settings.tenantId,
    roundId: null,
    recurrenceId: null,
    slot: slot.renewal,
    runAt: slot.runAt,
  };
  await ctx.stores.jobs.enqueueOnce(job, ctx.clock.now());
}
