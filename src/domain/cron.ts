import { Cron } from 'croner';
import { inputInvalid } from './input-problems.js';
import { isValidTimeZone } from './time-zones.js';

/**
 * Cron schedules through croner: five fields (minute hour day-of-month month day-of-week) in an IANA time
 * zone. Day-of-month and day-of-week combine with AND (croner's `domAndDow`, the inverse of its deprecated
 * `legacyMode`), so `0 9 1-7 1,4,7,10 1` is "09:00 on the first Monday of each quarter"; `MON#1` works too.
 * Daylight saving follows croner (Vixie cron): a fixed time that falls in a spring-forward gap runs at the
 * first valid time after the gap, and a time that occurs twice runs once, at its first occurrence.
 */
export function cronSchedule(expression: string, timeZone: string): Cron {
  if (!isValidTimeZone(timeZone)) throw inputInvalid('unknownTimeZone', { timeZone });
  try {
    return new Cron(expression.trim(), { timezone: timeZone, domAndDow: true, mode: '5-part', paused: true });
  } catch (error) {
    throw inputInvalid('cronInvalid', { cron: expression }, { cause: error });
  }
}

/** The first run strictly after `after`, or null when the expression never runs again. */
export function nextCronRun(expression: string, timeZone: string, after: Date): Date | null {
  return cronSchedule(expression, timeZone).nextRun(after);
}

export function nextCronRuns(expression: string, timeZone: string, after: Date, count: number): Date[] {
  return cronSchedule(expression, timeZone).nextRuns(count, after);
}

/** Refuses (`input.invalid`) when the expression or the time zone is not valid or never runs. */
export function validateCron(expression: string, timeZone: string, now: Date): Date {
  const next = nextCronRun(expression, timeZone, now);
  if (!next) throw inputInvalid('cronNeverRuns', { cron: expression });
  return next;
}
