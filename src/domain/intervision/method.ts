/** An intervision method: the steps a session goes through in its thread, as data (built-in YAML under `methods/`). */
import { z } from 'zod';
import { localizedTextSchema } from '../framework.js';

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be lower-case letters, digits and dashes (at most 48)');

export const methodStepSchema = z
  .object({
    id: idSchema,
    title: localizedTextSchema,
    prompt: localizedTextSchema,
    /** How long the step runs when the session is planned: its deadline is this long after the previous one. */
    hours: z
      .number()
      .positive()
      .max(24 * 28),
  })
  .strict();

export const intervisionMethodSchema = z
  .object({
    id: idSchema,
    version: z.string().min(1).max(20),
    title: localizedTextSchema,
    description: localizedTextSchema,
    steps: z.array(methodStepSchema).min(2).max(12),
  })
  .strict()
  .refine((m) => new Set(m.steps.map((s) => s.id)).size === m.steps.length, { error: 'step ids are unique within a method' });

export type MethodStep = z.infer<typeof methodStepSchema>;
export type IntervisionMethod = z.infer<typeof intervisionMethodSchema>;

/** Each step's deadline: the first as given, every next one its step's hours later. */
export function stepDeadlines(method: IntervisionMethod, firstDeadline: Date): Date[] {
  const deadlines: Date[] = [];
  let at = firstDeadline.getTime();
  method.steps.forEach((step, i) => {
    if (i > 0) at += step.hours * 3_600_000;
    deadlines.push(new Date(at));
  });
  return deadlines;
}
