/** The rules every workspace setting must meet, whichever way it comes in (chat, CLI): pure. */
import { SpiegelError } from './errors.js';
import { minutesOf } from './quiet-hours.js';
import { retentionMonthsRange, type QuietHours, type WorkspaceSettings } from './scheduling.js';
import { isValidTimeZone } from './time-zones.js';

export type WorkspaceSettingsPatch = Partial<Omit<WorkspaceSettings, 'tenantId'>>;

function invalid(detail: string): never {
  throw new SpiegelError('input.invalid', detail, { detail });
}

export function validateQuietHours(quiet: QuietHours): QuietHours {
  try {
    minutesOf(quiet.start);
    minutesOf(quiet.end);
  } catch {
    invalid('quiet hours are given as HH:MM, e.g. 20:00 and 08:00');
  }
  const days = [...new Set(quiet.days)].sort();
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) invalid('quiet days are numbered 0 (Sunday) to 6 (Saturday)');
  if (days.length === 7) invalid('at least one day of the week must allow reminders');
  return { start: quiet.start, end: quiet.end, days };
}

function validateRetentionMonths(months: number): number {
  const { min, max } = retentionMonthsRange;
  if (!Number.isInteger(months) || months < min || months > max)
    invalid(`the retention period is a whole number of months from ${min} to ${max}`);
  return months;
}

const MAX_ADMINS = 50;
const MAX_REMINDERS = 5;

/** Every value of a patch checked (ranges, time zone, quiet hours), in the canonical form it is stored in. */
export function validateSettingsPatch(patch: WorkspaceSettingsPatch): WorkspaceSettingsPatch {
  const checked: WorkspaceSettingsPatch = { ...patch };
  if (patch.timeZone !== undefined && !isValidTimeZone(patch.timeZone)) invalid(`unknown time zone “${patch.timeZone}”`);
  if (patch.quietHours) checked.quietHours = validateQuietHours(patch.quietHours);
  if (patch.retentionMonths !== undefined) validateRetentionMonths(patch.retentionMonths);
  const k = patch.anonymityThreshold;
  if (k !== undefined && (!Number.isInteger(k) || k < 3 || k > 50))
    invalid('the default anonymity threshold k is a whole number from 3 to 50');
  const target = patch.targetScore;
  if (target !== undefined && !(Number.isFinite(target) && target >= 0 && target <= 10))
    invalid('the target score is a number from 0 to 10');
  const rate = patch.lowResponseRate;
  if (rate !== undefined && !(Number.isFinite(rate) && rate >= 0 && rate <= 1))
    invalid('the low-response threshold is a percentage from 0 to 100');
  if (patch.reminderHours !== undefined) {
    const hours = [...new Set(patch.reminderHours)].sort((a, b) => b - a);
    if (hours.length > MAX_REMINDERS || hours.some((h) => !Number.isInteger(h) || h < 1 || h > 24 * 30))
      invalid(`reminders are at most ${MAX_REMINDERS} whole numbers of hours before the deadline, from 1 to 720`);
    checked.reminderHours = hours;
  }
  if (patch.admins !== undefined) {
    const admins = [...new Set(patch.admins.map((a) => a.trim()).filter(Boolean))];
    if (admins.length > MAX_ADMINS || admins.some((a) => a.length > 128 || /[\s,]/.test(a)))
      invalid(`admins are at most ${MAX_ADMINS} member ids`);
    checked.admins = admins;
  }
  return checked;
}
