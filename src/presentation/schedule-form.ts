import { z } from 'zod';
import { cadenceCron, cadenceKinds } from '../domain/cadence.js';
import { SpiegelError } from '../domain/errors.js';
import { localeSchema, perspectives } from '../domain/framework.js';
import { defaultReminderPlan, type Place } from '../domain/round.js';
import { type RecurrenceInput } from '../domain/recurrence.js';
import { inputInvalid } from '../domain/input-problems.js';

/**
 * What a "schedule a recurring round" form (Slack modal, Adaptive Card, CLI options) yields once each adapter
 * has read its payload into plain values. Validated here, once, for every way in.
 */
export const scheduleFormSchema = z.object({
  frameworkId: z.string().min(1).max(48),
  name: z.string().trim().max(120).optional(),
  /** Only the criteria of these perspectives; empty: every perspective. */
  perspectives: z.array(z.enum(perspectives)).max(perspectives.length).default([]),
  cadence: z.enum(cadenceKinds),
  /** 0 = Sunday … 6 = Saturday. */
  weekday: z.coerce.number().int().min(0).max(6).default(1),
  dayOfMonth: z.coerce.number().int().min(1).max(28).default(1),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .default('09:00'),
  cron: z.string().trim().max(120).optional(),
  timeZone: z.string().min(1).max(64),
  /** Days from opening to the deadline. */
  answerDays: z.coerce.number().int().min(1).max(90).default(7),
  anonymous: z.boolean().default(false),
  /** Anonymity threshold k; absent: the workspace default. */
  k: z.coerce.number().int().min(1).max(50).optional(),
  reminders: z.boolean().default(true),
  locale: localeSchema,
  /** Empty: every member of the channel when the schedule is made. */
  participants: z.array(z.string().min(1).max(128)).max(5000).default([]),
});

export type ScheduleForm = z.infer<typeof scheduleFormSchema>;

/** The form as a schedule for `place`; `channelMembers` take part when the form names nobody. */
export function scheduleFormToRecurrenceInput(form: ScheduleForm, place: Place, channelMembers: string[]): RecurrenceInput {
  const cron = cadenceCron({ kind: form.cadence, weekday: form.weekday, dayOfMonth: form.dayOfMonth, time: form.time, cron: form.cron });
  return {
    place,
    frameworkId: form.frameworkId,
    cron,
    cadence: form.cadence,
    timeZone: form.timeZone,
    ...(form.name ? { name: form.name } : {}),
    ...(form.perspectives.length > 0 ? { perspectives: form.perspectives } : {}),
    participants: form.participants.length > 0 ? form.participants : channelMembers,
    durationHours: form.answerDays * 24,
    anonymous: form.anonymous,
    locale: form.locale,
    ...(form.k !== undefined ? { settings: { anonymityThreshold: form.k } } : {}),
    reminderPlan: form.reminders ? defaultReminderPlan : { hoursBeforeDeadline: [], max: 0 },
  };
}

/** The fields a zod failure names, each once, for a `formFields` refusal. */
export function formFields(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => i.path.join('.') || 'form'))].join(', ');
}

/** A zod failure of the schedule form as one readable refusal. */
export function scheduleFormError(error: z.ZodError): SpiegelError {
  return inputInvalid('formFields', { fields: formFields(error) }, { cause: error });
}
