import { isSpiegelError } from '../../src/domain/errors.js';
import { describe, expect, it } from 'vitest';
import { defaultQuietHours, type QuietHours } from '../../src/domain/scheduling.js';
import { nextCronRun, nextCronRuns, validateCron } from '../../src/domain/cron.js';
import { isQuiet, nextAllowedTime } from '../../src/domain/quiet-hours.js';
import { localTime } from '../../src/domain/time-zones.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('quiet hours (default 20:00–08:00 local and weekends)', () => {
  const q = defaultQuietHours;

  it('is quiet at night and on weekends in the member’s own time zone', () => {
    // Tuesday 2026-03-10 19:30 UTC = 20:30 in Brussels (CET, UTC+1): quiet; 14:30 in New York (EDT since 8 March): not.
    const t = new Date('2026-03-10T19:30:00Z');
    expect(isQuiet(t, 'Europe/Brussels', q)).toBe(true);
    expect(isQuiet(t, 'America/New_York', q)).toBe(false);
    // Saturday noon in Brussels.
    expect(isQuiet(new Date('2026-03-14T11:00:00Z'), 'Europe/Brussels', q)).toBe(true);
    // The window's end is not quiet, its start is.
    expect(isQuiet(new Date('2026-03-10T07:00:00Z'), 'Europe/Brussels', q)).toBe(false); // 08:00 local
    expect(isQuiet(new Date('2026-03-10T06:59:00Z'), 'Europe/Brussels', q)).toBe(true); // 07:59 local
    expect(isQuiet(new Date('2026-03-10T19:00:00Z'), 'Europe/Brussels', q)).toBe(true); // 20:00 local
  });

  it('defers to the next allowed local time: the next weekday morning', () => {
    // Tuesday 21:30 Brussels → Wednesday 08:00 Brussels (07:00 UTC).
    expect(iso(nextAllowedTime(new Date('2026-03-10T20:30:00Z'), 'Europe/Brussels', q))).toBe('2026-03-11T07:00:00.000Z');
    // Friday 22:00 Brussels → Monday 08:00 Brussels.
    expect(iso(nextAllowedTime(new Date('2026-03-13T21:00:00Z'), 'Europe/Brussels', q))).toBe('2026-03-16T07:00:00.000Z');
    // Tokyo (UTC+9): Tuesday 02:00 UTC = 11:00 local, allowed as it is.
    expect(iso(nextAllowedTime(new Date('2026-03-10T02:00:00Z'), 'Asia/Tokyo', q))).toBe('2026-03-10T02:00:00.000Z');
    // Tokyo: Friday 12:00 UTC = 21:00 local → Monday 08:00 local = Sunday 23:00 UTC.
    expect(iso(nextAllowedTime(new Date('2026-03-13T12:00:00Z'), 'Asia/Tokyo', q))).toBe('2026-03-15T23:00:00.000Z');
  });

  it('follows daylight saving: Monday 08:00 after the spring change is 06:00 UTC, not 07:00', () => {
    // Brussels moves to CEST on Sunday 2026-03-29. Saturday → Monday 30 March 08:00 CEST = 06:00 UTC.
    expect(iso(nextAllowedTime(new Date('2026-03-28T12:00:00Z'), 'Europe/Brussels', q))).toBe('2026-03-30T06:00:00.000Z');
    // And back: Sunday 25 October 2026 → Monday 26 October 08:00 CET = 07:00 UTC.
    expect(iso(nextAllowedTime(new Date('2026-10-25T12:00:00Z'), 'Europe/Brussels', q))).toBe('2026-10-26T07:00:00.000Z');
  });

  it('handles other windows: no nightly window, a window not crossing midnight, no quiet hours', () => {
    const weekendsOnly: QuietHours = { start: '00:00', end: '00:00', days: [0, 6] };
    expect(iso(nextAllowedTime(new Date('2026-03-14T11:00:00Z'), 'Europe/Brussels', weekendsOnly))).toBe('2026-03-15T23:00:00.000Z');
    const earlyMornings: QuietHours = { start: '00:00', end: '07:30', days: [] };
    expect(iso(nextAllowedTime(new Date('2026-03-14T02:00:00Z'), 'UTC', earlyMornings))).toBe('2026-03-14T07:30:00.000Z');
    expect(isQuiet(new Date('2026-03-14T23:00:00Z'), 'UTC', earlyMornings)).toBe(false);
    expect(iso(nextAllowedTime(new Date('2026-03-14T23:00:00Z'), 'UTC', null))).toBe('2026-03-14T23:00:00.000Z');
    expect(
      nextAllowedTime(new Date('2026-03-14T23:00:00Z'), 'UTC', { start: '00:00', end: '00:00', days: [0, 1, 2, 3, 4, 5, 6] }),
    ).toBeNull();
  });

  it('reads local wall-clock time in a zone', () => {
    expect(localTime(new Date('2026-03-29T01:30:00Z'), 'Europe/Brussels')).toMatchObject({ weekday: 0, hour: 3, minute: 30 });
  });
});

describe('cron schedules (croner, day-of-month AND day-of-week)', () => {
  it('“0 9 1-7 1,4,7,10 1” is the first Monday of each quarter at 09:00 Brussels time', () => {
    const runs = nextCronRuns('0 9 1-7 1,4,7,10 1', 'Europe/Brussels', new Date('2026-01-01T00:00:00Z'), 5).map(iso);
    expect(runs).toEqual([
      '2026-01-05T08:00:00.000Z', // Monday 5 January, CET
      '2026-04-06T07:00:00.000Z', // Monday 6 April, CEST
      '2026-07-06T07:00:00.000Z',
      '2026-10-05T07:00:00.000Z',
      '2027-01-04T08:00:00.000Z',
    ]);
    // The same with croner's nth-weekday syntax.
    expect(nextCronRuns('0 9 * 1,4,7,10 MON#1', 'Europe/Brussels', new Date('2026-01-01T00:00:00Z'), 5).map(iso)).toEqual(runs);
  });

  it('computes the next run right across a daylight-saving change', () => {
    // Weekly Monday 09:00 Brussels: 23 March (CET, 08:00 UTC), then 30 March (CEST, 07:00 UTC).
    expect(iso(nextCronRun('0 9 * * 1', 'Europe/Brussels', new Date('2026-03-23T08:00:00Z')))).toBe('2026-03-30T07:00:00.000Z');
    // Back in autumn: Monday 26 October 09:00 CET = 08:00 UTC.
    expect(iso(nextCronRun('0 9 * * 1', 'Europe/Brussels', new Date('2026-10-19T07:00:00Z')))).toBe('2026-10-26T08:00:00.000Z');
    // A time in the spring gap (02:30 on 29 March does not exist) runs at the first valid time after it, 03:00 CEST.
    expect(iso(nextCronRun('30 2 * * *', 'Europe/Brussels', new Date('2026-03-28T12:00:00Z')))).toBe('2026-03-29T01:00:00.000Z');
    // A time that occurs twice (02:30 on 25 October) runs once, at its first occurrence (CEST).
    const autumn = nextCronRuns('30 2 * * *', 'Europe/Brussels', new Date('2026-10-24T12:00:00Z'), 2).map(iso);
    expect(autumn).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    // New York changes on another date (8 March 2026): 09:00 EST = 14:00 UTC, then 09:00 EDT = 13:00 UTC.
    expect(nextCronRuns('0 9 * * *', 'America/New_York', new Date('2026-03-07T15:00:00Z'), 2).map(iso)).toEqual([
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('refuses invalid expressions and time zones with a reason', () => {
    const problemOf = (cron: string, timeZone: string) => {
      try {
        validateCron(cron, timeZone, new Date());
        return null;
      } catch (error) {
        return isSpiegelError(error, 'input.invalid') ? error.details.problem : error;
      }
    };
    expect(problemOf('every monday', 'Europe/Brussels')).toBe('cronInvalid');
    expect(problemOf('0 0 9 * * 1', 'Europe/Brussels')).toBe('cronInvalid'); // seconds field
    expect(problemOf('0 9 * * 1', 'Mars/Olympus')).toBe('unknownTimeZone');
    expect(problemOf('0 9 31 2 *', 'UTC')).toBe('cronNeverRuns');
    expect(problemOf('0 9 * * 1', 'Europe/Brussels')).toBeNull();
  });
});
