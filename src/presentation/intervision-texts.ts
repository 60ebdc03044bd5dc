/** Platform-neutral texts of intervision sessions: the form's input, the session's opening, each step, the end. */
import { z } from 'zod';
import type { Locale } from '../domain/framework.js';
import type { IntervisionMethod } from '../domain/intervision/method.js';
import type { IntervisionPost, IntervisionSession } from '../domain/intervision/session.js';
import { translator } from '../i18n/translator.js';
import { zonedDateTime } from './recurrence-texts.js';
import { zonedTimeToUtc } from './start-form.js';

/** What the intervision form (Slack modal or Adaptive Card) yields, read by each adapter into plain values. */
export const intervisionFormSchema = z.object({
  caseText: z.string().max(5000),
  methodId: z.string().min(1).max(48),
  facilitator: z.string().max(128).optional(),
  deadlineDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  deadlineTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .default('17:00'),
  timeZone: z.string().max(64).default('UTC'),
});
export type IntervisionForm = z.infer<typeof intervisionFormSchema>;

export function firstDeadlineOf(form: IntervisionForm): Date {
  return zonedTimeToUtc(form.deadlineDate, form.deadlineTime, form.timeZone);
}

export function methodLines(methods: readonly IntervisionMethod[], locale: Locale): string[] {
  const t = translator(locale);
  return methods.map((m) =>
    t('intervision.methodLine', { title: m.title[locale], steps: m.steps.map((s) => s.title[locale]).join(' → ') }),
  );
}

/** The thread's first message: the case and the plan, each step with its deadline. `name` writes a member for the platform. */
export function sessionIntroLines(
  session: IntervisionSession,
  locale: Locale,
  timeZone: string,
  name: (member: string) => string,
): string[] {
  const t = translator(locale);
  return [
    t('intervision.intro', {
      method: session.method.title[locale],
      presenter: name(session.presenter),
      facilitator: name(session.facilitator),
    }),
    '',
    session.caseText || t('intervision.caseErased'),
    '',
    ...session.method.steps.map((step, i) =>
      t('intervision.planLine', {
        n: i + 1,
        title: step.title[locale],
        deadline: zonedDateTime(session.deadlines[i] ?? new Date(0), timeZone, locale),
      }),
    ),
  ];
}

export function stepLines(session: IntervisionSession, step: number, locale: Locale, timeZone: string): string[] {
  const t = translator(locale);
  const current = session.method.steps[step];
  if (!current) return [];
  return [
    t('intervision.step', {
      n: step + 1,
      count: session.method.steps.length,
      title: current.title[locale],
      deadline: zonedDateTime(session.deadlines[step] ?? new Date(0), timeZone, locale),
    }),
    current.prompt[locale],
  ];
}

export function endLines(post: Extract<IntervisionPost, { kind: 'end' }>, locale: Locale, name: (member: string) => string): string[] {
  const t = translator(locale);
  return [
    t('intervision.ended'),
    post.attendees.length === 0
      ? t('intervision.noAttendees', { steps: post.minSteps })
      : t('intervision.attendees', { steps: post.minSteps, names: post.attendees.map(name).join(', ') }),
    ...(post.rating ? [t('intervision.rate', { name: post.rating.name })] : []),
  ];
}

/** A contribution as it appears in the thread when it came through the form. */
export function contributionLine(session: IntervisionSession, step: number, author: string, text: string, locale: Locale): string {
  return translator(locale)('intervision.contribution', { author, step: session.method.steps[step]?.title[locale] ?? '', text });
}
