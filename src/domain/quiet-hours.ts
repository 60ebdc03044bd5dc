import { Cron } from 'croner';
import type { QuietHours } from './scheduling.js';
import { localTime } from './time-zones.js';

/** Minutes after midnight of an `HH:MM` string. */
export function minutesOf(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new RangeError(`not a time of day (HH:MM): ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** True when `instant` falls in the quiet hours of the time zone (the nightly window or a quiet day). */
export function isQuiet(instant: Date, timeZone: string, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const local = localTime(instant, timeZone);
  if (quiet.days.includes(local.weekday)) return true;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const minute = local.hour * 60 + local.minute;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The first instant at or after `instant` outside the quiet hours, in the given time zone; `instant` itself
 * when it is not quiet, null when every day is quiet. An allowed period starts either when the nightly window
 * ends or at midnight after a quiet day, so those are the only candidates; croner turns the local times into
 * instants, daylight saving included.
 */
export function nextAllowedTime(instant: Date, timeZone: string, quiet: QuietHours | null): Date | null {
  if (!isQuiet(instant, timeZone, quiet) || !quiet) return instant;
  const allowedDays = [0, 1, 2, 3, 4, 5, 6].filter((d) => !quiet.days.includes(d));
  if (allowedDays.length === 0) return null;
  const days = allowedDays.join(',');
  const end = minutesOf(quiet.end);
  const patterns = [`${end % 60} ${Math.floor(end / 60)} * * ${days}`, `0 0 * * ${days}`];
  const crons = patterns.map((p) => new Cron(p, { timezone: timeZone, paused: true, mode: '5-part' }));
  let from = instant;
  for (let i = 0; i < 32; i++) {
    const candidates = crons.map((c) => c.nextRun(from)).filter((d): d is Date => d !== null);
    if (candidates.length === 0) return null;
    const earliest = new Date(Math.min(...candidates.map((d) => d.getTime())));
    if (!isQuiet(earliest, timeZone, quiet)) return earliest;
    from = earliest;
  }
  return null;
}
