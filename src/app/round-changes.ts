/**
 * What a round's coordinators change after opening: the deadline, participants, co-coordinators, reopening a
 * round closed in the last week, copying it to another channel. Every change is one revision of the round: the
 * writer of revision n first inserts the claim `round-revision:<id>:<n>` (exact on MongoDB and FerretDB, where a
 * read-modify-write is not), so two coordinators changing a round at once never overwrite each other: the one
 * who lost reads the round again and applies their change to the new revision.
 */
import { SpiegelError, roundInvalid } from '../domain/errors.js';
import type { OpenRoundInput, Place, Round } from '../domain/round.js';
import { requireCoordinator, type Actor } from './actor.js';
import type { AppContext } from './context.js';
import type { RoundChange } from './ports.js';
import { respondentKey } from './pseudonym.js';
import { cancelRoundJobs, roundJobs, scheduleRoundJobs } from './round-jobs.js';
import { getRound, openRound, requireAnonymityHolds, requireOpen } from './rounds.js';

/** A closed round may be reopened this long after it closed. */
export const REOPEN_WINDOW_MS = 7 * 24 * 3_600_000;
/** A revision claimed this long ago whose change never landed: its writer died, the next revision is free. */
const REVISION_STALE_MS = 60_000;
/** With the waits between them (40 ms doubling, jittered), about five seconds at most. */
const MAX_TRIES = 7;

const revisionKey = (roundId: string, revision: number) => `round-revision:${roundId}:${revision}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The next revision nobody holds; null while another coordinator's change of the next one is under way. */
async function freeRevision(ctx: AppContext, round: Round, now: Date): Promise<number | null> {
  for (let revision = round.revision + 1; ; revision++) {
    const [held] = await ctx.stores.claims.find([revisionKey(round.id, revision)]);
    if (!held) return revision;
    if (now.getTime() - held.at.getTime() < REVISION_STALE_MS) return null;
  }
}

type Patch = Omit<RoundChange, 'revision'>;

/**
 * Applies `change` (which validates against the round as read, and throws a SpiegelError to refuse) as the next
 * revision. A change of the deadline or state reschedules the round's jobs: the new revision's jobs are stored
 * before the round changes (never a deadline without its job), the older ones are cancelled after it.
 */
async function changeRound(ctx: AppContext, actor: Actor, roundId: string, change: (round: Round, now: Date) => Patch): Promise<Round> {
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const round = await getRound(ctx, actor, roundId);
    requireCoordinator(actor, round);
    const now = ctx.clock.now();
    const patch = change(round, now);
    const revision = await freeRevision(ctx, round, now);
    if (revision !== null && (await ctx.stores.claims.claim(revisionKey(round.id, revision), actor.userId, now))) {
      const after: Round = { ...round, ...patch, revision };
      const reschedule = 'deadline' in patch || 'state' in patch;
      if (reschedule) await scheduleRoundJobs(ctx, after);
      if (!(await ctx.stores.rounds.applyChange(round.place.tenantId, round.id, { ...patch, revision }))) continue;
      if (reschedule) await cancelSupersededJobs(ctx, after, now);
      return after;
    }
    await pause(40 * 2 ** tries * (0.5 + Math.random()));
  }
  throw new SpiegelError('round.busy', `round ${roundId} is being changed by someone else`);
}

/** Cancels the deadline and reminder jobs of earlier revisions; a coordinator's pending "remind now" stays. */
async function cancelSupersededJobs(ctx: AppContext, round: Round, now: Date): Promise<void> {
  const pending = await ctx.stores.jobs.list({ tenantId: round.place.tenantId, roundId: round.id, kinds: ['reminder'], status: 'pending' });
  const keep = [...roundJobs(round, now).map((j) => j.id), ...pending.filter((j) => j.slot?.startsWith('now-')).map((j) => j.id)];
  await cancelRoundJobs(ctx, round, 'round-rescheduled', ['deadline', 'reminder'], keep);
}

function requireFuture(deadline: Date, now: Date): void {
  if (deadline.getTime() <= now.getTime()) {
    throw new SpiegelError('deadline.past', `deadline ${deadline.toISOString()} is not in the future`, {
      deadline: deadline.toISOString(),
    });
  }
}

/** Extends or shortens an open round's deadline; its reminders move along with it. */
export async function changeDeadline(ctx: AppContext, actor: Actor, roundId: string, deadline: Date): Promise<Round> {
  return changeRound(ctx, actor, roundId, (round, now) => {
    requireOpen(round);
    requireFuture(deadline, now);
    return { deadline };
  });
}

export interface PeopleChange {
  add?: string[];
  remove?: string[];
}

const changed = (list: string[], { add = [], remove = [] }: PeopleChange) => [
  ...new Set([...list.filter((id) => !remove.includes(id)), ...add]),
];

/**
 * Adds or removes participants of an open round. A removed participant's answers stay in the round (in an
 * anonymous round nobody can tell them apart), but no longer count toward its progress. An anonymous round
 * keeps at least k participants.
 */
export async function changeParticipants(ctx: AppContext, actor: Actor, roundId: string, change: PeopleChange): Promise<Round> {
  const round = await changeRound(ctx, actor, roundId, (current) => {
    requireOpen(current);
    const participants = changed(current.participants, change);
    if (participants.length === 0) {
      throw roundInvalid('noParticipants');
    }
    if (current.anonymous) requireAnonymityHolds(current.settings.anonymityThreshold, participants.length);
    return { participants };
  });
  const removed = (change.remove ?? []).filter((id) => !round.participants.includes(id));
  // A new erasure mark first, as for an erasure: no process goes on taking a removed marker as existing.
  if (removed.length > 0) await ctx.stores.rounds.markErasure(round.place.tenantId, round.id, ctx.newId());
  for (const member of removed) await ctx.stores.participation.unmark(round.place.tenantId, round.id, respondentKey(ctx, round, member));
  return round;
}

/** Names (or removes) co-coordinators; the round's opener always stays one. */
export async function changeCoordinators(ctx: AppContext, actor: Actor, roundId: string, change: PeopleChange): Promise<Round> {
  return changeRound(ctx, actor, roundId, (round) => ({
    coordinators: changed(round.coordinators, { ...change, remove: (change.remove ?? []).filter((id) => id !== round.createdBy) }),
  }));
}

/**
 * Reopens a round closed in the last seven days, until `deadline` (or until closed by hand). Its next closing
 * posts the summary again, marked as updated (closeRound's claim of that closing).
 */
export async function reopenRound(ctx: AppContext, actor: Actor, roundId: string, deadline: Date | null): Promise<Round> {
  return changeRound(ctx, actor, roundId, (round, now) => {
    if (round.state !== 'closed' || !round.closedAt) {
      throw new SpiegelError('round.notClosed', `round ${round.id} is ${round.state}`, { name: round.name, state: round.state });
    }
    if (now.getTime() - round.closedAt.getTime() > REOPEN_WINDOW_MS) {
      throw new SpiegelError('round.reopenTooLate', `round ${round.id} closed more than 7 days ago`, { name: round.name, days: 7 });
    }
    if (deadline) requireFuture(deadline, now);
    return { state: 'open', closedAt: null, deadline, reopenings: round.reopenings + 1 };
  });
}

/**
 * A new round in another channel (or chat) with the same framework, criteria, dimensions, anonymity, language,
 * settings and reminders; it runs as long as the original did (from now), for the members of that place.
 */
export async function copyRound(ctx: AppContext, actor: Actor, roundId: string, place: Place, participants: string[]): Promise<Round> {
  const source = await getRound(ctx, actor, roundId);
  requireCoordinator(actor, source);
  if (place.channelId === source.place.channelId) throw new SpiegelError('round.samePlace', `round ${roundId} lives here already`);
  const now = ctx.clock.now();
  const input: OpenRoundInput = {
    place,
    frameworkId: source.framework.id,
    name: source.name,
    criterionIds: source.framework.criteria.map((c) => c.id),
    dimensionIds: source.framework.dimensions.map((d) => d.id),
    participants,
    coordinators: source.coordinators,
    deadline: source.deadline && new Date(now.getTime() + source.deadline.getTime() - source.openedAt.getTime()),
    anonymous: source.anonymous,
    locale: source.locale,
    settings: source.settings,
    reminderPlan: source.reminderPlan,
    caseId: source.caseId,
  };
  return openRound(ctx, actor, input);
}
