/**
 * Intervision sessions in a thread: a member brings a case, the session runs through its method's steps, each
 * with a deadline; contributions are collected per step; the facilitator (or an admin) moves on, or the
 * scheduler does at the step's deadline. At the end attendance goes into the licence log and participants rate
 * the session in a round on the intervision framework.
 */
import { SpiegelError } from '../domain/errors.js';
import type { Locale } from '../domain/framework.js';
import { stepDeadlines, type IntervisionMethod } from '../domain/intervision/method.js';
import { attendees, currentStep, hasEnded, type IntervisionPost, type IntervisionSession } from '../domain/intervision/session.js';

export type { IntervisionPost };
import type { LicenceEntry } from '../domain/mediation/licence.js';
import type { Place, Round } from '../domain/round.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { intervisionMethods } from './intervision-methods.js';
import { getMediationSettings, isQualityCoordinator } from './mediation-settings.js';
import { openRound } from './rounds.js';
import { claimSend, confirmSend, releaseSend } from './send-claims.js';
import { inputInvalid } from '../domain/input-problems.js';

export const MIN_CASE_TEXT = 20;
export const MAX_CASE_TEXT = 3000;
export const MAX_CONTRIBUTION = 3000;
export const RATING_FRAMEWORK = 'intervision-case';
/** Participants rate the session for this long after it ends. */
export const RATING_DAYS = 7;

export type IntervisionPoster = (session: IntervisionSession, post: IntervisionPost) => Promise<void>;

export interface StartSessionInput {
  place: Place;
  caseText: string;
  methodId: string;
  firstDeadline: Date;
  /** Who moves the session on; the presenter when absent. */
  facilitator?: string;
  locale: Locale;
}

export function stepJobId(sessionId: string, step: number): string {
  return `intervision-step:${sessionId}:${step}`;
}

/** The rating round's id follows from the session's: opening it twice stores it once. */
export function ratingRoundId(sessionId: string): string {
  return `iv-${sessionId}`;
}

export async function findMethod(methodId: string): Promise<IntervisionMethod> {
  const method = (await intervisionMethods()).find((m) => m.id === methodId);
  if (!method) throw inputInvalid('unknownIntervisionMethod', { method: methodId });
  return method;
}

async function queueStepDeadline(ctx: AppContext, session: IntervisionSession, step: number, now: Date): Promise<void> {
  const runAt = session.deadlines[step];
  if (!runAt) return;
  await ctx.stores.jobs.enqueueOnce(
    {
      id: stepJobId(session.id, step),
      kind: 'intervision-step',
      tenantId: session.tenantId,
      roundId: null,
      recurrenceId: null,
      slot: `${session.id}:${step}`,
      runAt,
    },
    now,
  );
}

/**
 * Starts a session with the caller as presenter; its first step is open at once. Refused, with nothing stored:
 * a case too short or too long, an unknown method, a first deadline in the past.
 */
export async function startSession(ctx: AppContext, actor: Actor, input: StartSessionInput): Promise<IntervisionSession> {
  if (input.place.tenantId !== actor.tenantId) throw new SpiegelError('intervision.unknown', 'place of another tenant');
  const caseText = input.caseText.trim();
  if (caseText.length < MIN_CASE_TEXT || caseText.length > MAX_CASE_TEXT)
    throw inputInvalid('caseLength', { min: MIN_CASE_TEXT, max: MAX_CASE_TEXT });
  const method = await findMethod(input.methodId);
  const now = ctx.clock.now();
  if (Number.isNaN(input.firstDeadline.getTime()) || input.firstDeadline.getTime() <= now.getTime()) {
    throw new SpiegelError('deadline.past', `deadline ${input.firstDeadline.toISOString()} is not in the future`, {
      deadline: Number.isNaN(input.firstDeadline.getTime()) ? '?' : input.firstDeadline.toISOString().slice(0, 16).replace('T', ' '),
    });
  }
  const session: IntervisionSession = {
    id: ctx.newId(),
    tenantId: actor.tenantId,
    place: input.place,
    presenter: actor.userId,
    facilitator: input.facilitator?.trim() || actor.userId,
    caseText,
    method,
    deadlines: stepDeadlines(method, input.firstDeadline),
    locale: input.locale,
    createdAt: now,
    threadId: null,
  };
  await ctx.stores.intervision.insert(session);
  await ctx.stores.intervision.openStep(actor.tenantId, { sessionId: session.id, step: 0, at: now, by: actor.userId });
  await queueStepDeadline(ctx, session, 0, now);
  return session;
}

export async function getSession(ctx: AppContext, actor: Pick<Actor, 'tenantId'>, sessionId: string): Promise<IntervisionSession> {
  const session = await ctx.stores.intervision.get(actor.tenantId, sessionId);
  if (!session) throw new SpiegelError('intervision.unknown', `session ${sessionId} not found in ${actor.tenantId}`);
  return session;
}

/** Records the thread the presenter's client posted the session in, then posts the first step there. */
export async function attachThread(
  ctx: AppContext,
  actor: Actor,
  session: IntervisionSession,
  threadId: string,
  post: IntervisionPoster,
): Promise<IntervisionSession> {
  if (session.presenter !== actor.userId || session.tenantId !== actor.tenantId)
    throw new SpiegelError('intervision.unknown', 'only the presenter places the session');
  await ctx.stores.intervision.setThread(actor.tenantId, session.id, threadId);
  const placed = { ...session, threadId };
  await announce(ctx, placed, 0, post, actor.userId);
  return placed;
}

/** The session a thread holds, or null for any other thread. */
export async function sessionOfThread(
  ctx: AppContext,
  actor: Actor,
  channelId: string,
  threadId: string,
): Promise<IntervisionSession | null> {
  return ctx.stores.intervision.findByThread(actor.tenantId, channelId, threadId);
}

export async function stepOf(ctx: AppContext, session: IntervisionSession): Promise<number> {
  return currentStep(await ctx.stores.intervision.openings(session.tenantId, session.id));
}

/** Stores a contribution to the step now open; refused once the session ended, or for an empty or oversized text. */
export async function contribute(
  ctx: AppContext,
  actor: Actor,
  session: IntervisionSession,
  text: string,
  sourceId: string,
): Promise<{ step: number }> {
  if (session.tenantId !== actor.tenantId) throw new SpiegelError('intervision.unknown', 'session of another tenant');
  const trimmed = text.trim();
  if (trimmed.length === 0) throw inputInvalid('emptyContribution');
  if (trimmed.length > MAX_CONTRIBUTION) throw new SpiegelError('comment.tooLong', 'contribution too long', { max: MAX_CONTRIBUTION });
  const step = await stepOf(ctx, session);
  if (hasEnded(session, step)) throw new SpiegelError('intervision.closed', `session ${session.id} has ended`);
  await ctx.stores.intervision.addContribution({
    tenantId: session.tenantId,
    sessionId: session.id,
    step,
    member: actor.userId,
    text: trimmed,
    sourceId,
    at: ctx.clock.now(),
  });
  return { step };
}

export type MoveOnResult = { moved: true; step: number } | { moved: false; step: number };

/**
 * Opens the step after `fromStep` (or ends the session after the last), once however many callers race: the
 * opening is the insert of `<session>:<step>`. The facilitator, the workspace's admins and the scheduler may.
 * A caller that finds the next step opened already makes sure it was posted (its opener may have died).
 */
export async function moveOn(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
  fromStep: number,
  post: IntervisionPoster,
): Promise<MoveOnResult> {
  const session = await getSession(ctx, actor, sessionId);
  if (actor.userId !== session.facilitator && !(await isQualityCoordinator(ctx, actor))) {
    throw new SpiegelError('intervision.facilitatorOnly', `${actor.userId} does not facilitate session ${sessionId}`);
  }
  const now = ctx.clock.now();
  const step = await stepOf(ctx, session);
  if (step !== fromStep) {
    if (step === fromStep + 1) await announce(ctx, session, step, post, actor.userId);
    return { moved: false, step };
  }
  if (hasEnded(session, step)) throw new SpiegelError('intervision.closed', `session ${sessionId} has ended`);
  const next = fromStep + 1;
  const won = await ctx.stores.intervision.openStep(session.tenantId, { sessionId, step: next, at: now, by: actor.userId });
  if (!hasEnded(session, next)) await queueStepDeadline(ctx, session, next, now);
  await announce(ctx, session, next, post, actor.userId);
  return { moved: won, step: next };
}

/**
 * Posts a step once (a send claim per step, taken over when its holder died); for the end, first records
 * attendance in the licence log and opens the rating round, both idempotent.
 */
async function announce(
  ctx: AppContext,
  session: IntervisionSession,
  step: number,
  post: IntervisionPoster,
  holder: string,
): Promise<void> {
  if (!session.threadId) return;
  const now = ctx.clock.now();
  const claim = await claimSend(ctx, `intervision-post:${session.id}:${step}`, holder, now);
  if (claim.state !== 'mine') return;
  try {
    await post(session, hasEnded(session, step) ? await finish(ctx, session, now) : { kind: 'step', step });
  } catch (error) {
    await releaseSend(ctx, claim.send);
    throw error;
  }
  await confirmSend(ctx, claim.send, holder, now);
}

async function finish(ctx: AppContext, session: IntervisionSession, now: Date): Promise<IntervisionPost> {
  const [settings, contributions] = await Promise.all([
    getMediationSettings(ctx, session.tenantId),
    ctx.stores.intervision.contributions(session.tenantId, session.id),
  ]);
  const present = attendees(contributions, settings.intervisionMinSteps);
  const date = now.toISOString().slice(0, 10);
  const entries: LicenceEntry[] = present.map((member) => ({
    id: `intervision:${session.id}:${member}`,
    tenantId: session.tenantId,
    member,
    kind: 'intervision',
    date,
    amount: 1,
    note: `${session.method.title[session.locale]} (${session.id})`,
    createdBy: 'spiegel:intervision',
    createdAt: now,
  }));
  await ctx.stores.licenceEntries.insertOnce(entries);
  const participants = [...new Set([session.presenter, ...contributions.map((c) => c.member)])];
  return {
    kind: 'end',
    attendees: present,
    minSteps: settings.intervisionMinSteps,
    rating: await ratingRound(ctx, session, participants, now),
  };
}

/** The round in which participants rate the session on the intervision framework, opened once. */
async function ratingRound(ctx: AppContext, session: IntervisionSession, participants: string[], now: Date): Promise<Round> {
  const id = ratingRoundId(session.id);
  const existing = await ctx.stores.rounds.get(session.tenantId, id);
  if (existing) return existing;
  const opener: Actor = { tenantId: session.tenantId, userId: session.facilitator, isAdmin: false };
  return openRound({ ...ctx, newId: () => id }, opener, {
    place: session.place,
    frameworkId: RATING_FRAMEWORK,
    name: `${session.method.title[session.locale]} · ${now.toISOString().slice(0, 10)}`,
    participants,
    locale: session.locale,
    caseId: session.id,
    deadline: new Date(now.getTime() + RATING_DAYS * 86_400_000),
  });
}
