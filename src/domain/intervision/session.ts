/** An intervision session: a case a member brings, worked through a method's steps in one thread. */
import type { Locale } from '../framework.js';
import type { Place, Round } from '../round.js';
import type { IntervisionMethod } from './method.js';

export interface IntervisionSession {
  id: string;
  tenantId: string;
  place: Place;
  /** The member who brought the case. */
  presenter: string;
  /** Moves the session on (besides the workspace's admins). */
  facilitator: string;
  /** The case as the presenter wrote it, anonymised by them; emptied when the presenter is erased. */
  caseText: string;
  /** The method as it was when the session started. */
  method: IntervisionMethod;
  /** One per step, increasing. */
  deadlines: Date[];
  locale: Locale;
  createdAt: Date;
  /** Where the thread is on the platform (Slack: the root message's ts; Teams: the reply chain's conversation id). */
  threadId: string | null;
}

/** One step opened: `step` = the method's step count is the session's end. Stored once, by insert. */
export interface StepOpening {
  sessionId: string;
  step: number;
  at: Date;
  by: string;
}

export interface Contribution {
  tenantId: string;
  sessionId: string;
  step: number;
  member: string;
  text: string;
  /** The platform message it came from (Slack ts, Teams activity id): a repeated delivery stores it once. */
  sourceId: string;
  at: Date;
}

/** Members who contributed to at least `minSteps` different steps, sorted. */
export function attendees(contributions: readonly Pick<Contribution, 'member' | 'step'>[], minSteps: number): string[] {
  const steps = new Map<string, Set<number>>();
  for (const c of contributions) steps.set(c.member, (steps.get(c.member) ?? new Set()).add(c.step));
  return [...steps]
    .filter(([, s]) => s.size >= minSteps)
    .map(([member]) => member)
    .sort();
}

/** The step now open: the highest opening; the method's step count once the session ended. */
export function currentStep(openings: readonly Pick<StepOpening, 'step'>[]): number {
  return openings.reduce((max, o) => Math.max(max, o.step), -1);
}

export function hasEnded(session: IntervisionSession, step: number): boolean {
  return step >= session.method.steps.length;
}

/** What a platform posts in the session's thread: a step as it opens, or the end with attendance and the rating round. */
export type IntervisionPost = { kind: 'step'; step: number } | { kind: 'end'; attendees: string[]; minSteps: number; rating: Round | null };
