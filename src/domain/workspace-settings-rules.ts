/** The rules every workspace setting must meet, whichever way it comes in (chat, CLI): pure. */
import { inputInvalid } from './input-problems.js';
import { minutesOf } from './quiet-hours.js';
import { retentionMonthsRange, type QuietHours, type WorkspaceSettings } from './scheduling.js';
import { isValidTimeZone } from './time-zones.js';

export type WorkspaceSettingsPatch = Partial<Omit<WorkspaceSettings, 'tenantId'>>;

export function validateQuietHours(quiet: QuietHours): QuietHours {
  try {
    minutesOf(quiet.start);
    minutesOf(quiet.end);
  } catch {
    throw inputInvalid('quietHoursTimes');
  }
  const days = [...new Set(quiet.days)].sort();
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) throw inputInvalid('quietDaysRange');
  if (days.length === 7) throw inputInvalid('quietDaysAll');
  return { start: quiet.start, end: quiet.end, days };
}

function validateRetentionMonths(months: number): number {
  const { min, max } = retentionMonthsRange;
  if (!Number.isInteger(months) || months < min || months > max) throw inputInvalid('retentionMonths', { min, max });
  return months;
}

const MAX_ADMINS = 50;
const MAX_REMINDERS = 5;

/** Every value of a patch checked (ranges, time zone, quiet hours), in the canonical form it is stored in. */
export function validateSettingsPatch(patch: WorkspaceSettingsPatch): WorkspaceSettingsPatch {
  const checked: WorkspaceSettingsPatch = { ...patch };
  if (patch.timeZone !== undefined && !isValidTimeZone(patch.timeZone)) throw inputInvalid('unknownTimeZone', { timeZone: patch.timeZone });
  if (patch.quietHours) checked.quietHours = validateQuietHours(patch.quietHours);
  if (patch.retentionMonths !== undefined) validateRetentionMonths(patch.retentionMonths);
  const k = patch.anonymityThreshold;
  if (k !== undefined && (!Number.isInteger(k) || k < 3 || k > 50)) throw inputInvalid('defaultThreshold', { min: 3, max: 50 });
  const target = patch.targetScore;
  if (target !== undefined && !(Number.isFinite(target) && target >= 0 && target <= 10))
    throw inputInvalid('targetScoreRange', { min: 0, max: 10 });
  const rate = patch.lowResponseRate;
  if (rate !== undefined && !(Number.isFinite(rate) && rate >= 0 && rate <= 1)) throw inputInvalid('lowResponsePercent');
  if (patch.reminderHours !== undefined) {
    const hours = [...new Set(patch.reminderHours)].sort((a, b) => b - a);
    if (hours.length > MAX_REMINDERS || hours.some((h) => !Number.isInteger(h) || h < 1 || h > 24 * 30))
      throw inputInvalid('reminderHours', { max: MAX_REMINDERS, hours: 24 * 30 });
    checked.reminderHours = hours;
  }
  if (patch.admins !== undefined) {
    const admins = [...new Set(patch.admins.map((a) => a.trim()).filter(Boolean))];
    if (admins.length > MAX_ADMINS || admins.some((a) => a.length > 128 || /[\s,]/.test(a)))
      throw inputInvalid('tooManyAdmins', { max: MAX_ADMINS });
    checked.admins = admins;
  }
  return checked;
}
