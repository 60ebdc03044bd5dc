import { type CadenceKind } from './cadence.js';
import { type JobView, type Recurrence } from './scheduling.js';
import { type Locale, type Perspective } from './framework.js';
import { type Place, type ReminderPlan, type SummarySettings } from './round.js';
export interface RecurrenceInput {
  place: Place;
  frameworkId: string;
  /** Five cron fields in `timeZone`; day-of-month AND day-of-week, e.g. `0 9 1-7 1,4,7,10 1` (first Monday of each quarter, 09:00). */
  cron: string;
  /** The cadence picked (default `cron`); `biweekly` keeps every other week of a weekly `cron`. */
  cadence?: CadenceKind;
  /** IANA name, e.g. `Europe/Brussels`. */
  timeZone: string;
  name?: string | null;
  criterionIds?: string[];
  /** Only the criteria of these perspectives (e.g. only process); empty or absent: every perspective. */
  perspectives?: Perspective[];
  dimensionIds?: string[] | null;
  participants: string[];
  coordinators?: string[];
  /** Hours from opening to the deadline; null or absent: no deadline. */
  durationHours?: number | null;
  anonymous?: boolean;
  locale: Locale;
  settings?: Partial<SummarySettings>;
  reminderPlan?: ReminderPlan | null;
}

export interface RecurrenceView {
  recurrence: Recurrence;
  /** The next occurrence after now, by the cadence; null while paused. */
  nextRunAt: Date | null;
  /** Queued occurrence jobs and the latest settled ones, most recent last. */
  jobs: JobView[];
}

export const recurrenceActions = ['pause', 'resume', 'delete'] as const;

export type RecurrenceAction = (typeof recurrenceActions)[number];

export interface RecurrenceActionResult {
  action: RecurrenceAction;
  recurrence: Recurrence;
  /** After resume: the next occurrence. */
  nextRunAt: Date | null;
}
