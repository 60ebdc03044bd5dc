import { z } from 'zod';
import { localeSchema, perspectives } from '../domain/framework.js';
import type { OpenRoundInput, Place } from '../domain/round.js';

/**
 * What a "start a round" form (Slack modal or Adaptive Card) yields, once each adapter has read its own
 * payload shape into plain values. Validated here, once, for both platforms.
 */
export const startFormSchema = z.object({
  frameworkId: z.string().min(1).max(48),
  name: z.string().trim().max(150).optional(),
  criterionIds: z.array(z.string().max(48)).max(200).default([]),
  /** Only the criteria of these perspectives; empty: every perspective. */
  perspectives: z.array(z.enum(perspectives)).max(perspectives.length).default([]),
  /** Empty: every member of the channel takes part. */
  participants: z.array(z.string().min(1).max(128)).max(5000).default([]),
  /** Local date `YYYY-MM-DD` and optional time `HH:mm` in `timeZone`. */
  deadlineDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  deadlineTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
  timeZone: z.string().default('UTC'),
  anonymous: z.boolean().default(false),
  /** Absent: all of the framework's dimensions; empty: one plain rating. */
  dimensionIds: z.array(z.string().max(48)).max(3).optional(),
  locale: localeSchema,
  targetScore: z.number().min(-10).max(20).optional(),
  /** The anonymity threshold k of this round; absent: the workspace's default (anonymous rounds need k ≥ 3). */
  anonymityThreshold: z.number().int().min(2).max(50).optional(),
});

export type StartForm = z.infer<typeof startFormSchema>;

/** The UTC instant of a wall-clock time in an IANA time zone. */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const naive = new Date(`${date}T${time}:00Z`);
  const offsetAt = (instant: Date) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(instant);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return asUtc - instant.getTime();
  };
  const first = new Date(naive.getTime() - offsetAt(naive));
  return new Date(naive.getTime() - offsetAt(first));
}

export function startFormToRoundInput(form: StartForm, place: Place, channelMembers: string[]): OpenRoundInput {
  const deadline = form.deadlineDate ? zonedTimeToUtc(form.deadlineDate, form.deadlineTime ?? '17:00', form.timeZone) : null;
  return {
    place,
    frameworkId: form.frameworkId,
    ...(form.name ? { name: form.name } : {}),
    criterionIds: form.criterionIds,
    ...(form.perspectives.length > 0 ? { perspectives: form.perspectives } : {}),
    ...(form.dimensionIds ? { dimensionIds: form.dimensionIds } : {}),
    participants: form.participants.length > 0 ? form.participants : channelMembers,
    deadline,
    anonymous: form.anonymous,
    locale: form.locale,
    settings: {
      ...(form.targetScore !== undefined ? { targetScore: form.targetScore } : {}),
      ...(form.anonymityThreshold !== undefined ? { anonymityThreshold: form.anonymityThreshold } : {}),
    },
  };
}
