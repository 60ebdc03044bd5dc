import { inputInvalid } from './input-problems.js';

/**
 * The cadences a coordinator picks for a recurring round, and the cron expression each stands for.
 * Cron has no "every other week": a biweekly schedule runs the weekly expression and keeps the occurrences
 * an even number of weeks after its first one (see `keepsOccurrence`).
 */
export const cadenceKinds = ['weekly', 'biweekly', 'monthly', 'quarterly', 'cron'] as const;
export type CadenceKind = (typeof cadenceKinds)[number];

export interface CadenceChoice {
  kind: CadenceKind;
  /** 0 = Sunday … 6 = Saturday (weekly, biweekly). */
  weekday: number;
  /** 1–28, so that every month has it (monthly, quarterly). */
  dayOfMonth: number;
  /** Local `HH:MM`. */
  time: string;
  /** The expression itself, for `cron`. */
  cron?: string | undefined;
}

export function cadenceCron(choice: CadenceChoice): string {
  if (choice.kind === 'cron') {
    const expression = choice.cron?.trim().replace(/\s+/g, ' ') ?? '';
    if (!expression) throw inputInvalid('cronMissing');
    return expression;
  }
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(choice.time);
  if (!match) throw inputInvalid('timeNotHHMM', { time: choice.time });
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (choice.kind === 'weekly' || choice.kind === 'biweekly') {
    if (!Number.isInteger(choice.weekday) || choice.weekday < 0 || choice.weekday > 6) throw inputInvalid('weekdayRange');
    return `${minute} ${hour} * * ${choice.weekday}`;
  }
  if (!Number.isInteger(choice.dayOfMonth) || choice.dayOfMonth < 1 || choice.dayOfMonth > 28) throw inputInvalid('dayOfMonthRange');
  return `${minute} ${hour} ${choice.dayOfMonth} ${choice.kind === 'quarterly' ? '1,4,7,10' : '*'} *`;
}

const weekMs = 7 * 24 * 3_600_000;

/** Whether an occurrence of the cron expression belongs to the cadence, counted from the schedule's first occurrence. */
export function keepsOccurrence(kind: CadenceKind, firstOccurrence: Date, occurrence: Date): boolean {
  if (kind !== 'biweekly') return true;
  // Rounded: a daylight saving change moves local 09:00 by an hour against a whole number of weeks.
  return Math.round((occurrence.getTime() - firstOccurrence.getTime()) / weekMs) % 2 === 0;
}
