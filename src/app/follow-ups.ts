/**
 * Delphi follow-up rounds: a coordinator asks the items a closed round left divergent or polarised (or the ones
 * they pick) again; each member gets a private briefing with the group's answers and their own earlier answer.
 */
import { createHash } from 'node:crypto';
import { nextFollowUpLink, selectFollowUpItems, type BriefingItem, type FollowUpBriefing, type FollowUpRefusal } from '../domain/delphi.js';
import { SpiegelError } from '../domain/errors.js';
import { SINGLE_DIMENSION } from '../domain/framework.js';
import { roundDimensionIds, type FrameworkSnapshot, type Round } from '../domain/round.js';
import { isReported } from '../domain/summary-findings.js';
import { requireCoordinator, type Actor } from './actor.js';
import { computeSummary, storedSummary } from './compute-summary.js';
import type { AppContext } from './context.js';
import { respondentKey } from './pseudonym.js';
import { scheduleRoundJobs } from './round-jobs.js';
import { buildRound, getRound } from './rounds.js';
import { inputInvalid } from '../domain/input-problems.js';

const dayMs = 86_400_000;
export const DEFAULT_FOLLOW_UP_DAYS = 7;
export const MAX_FOLLOW_UP_DAYS = 60;

export interface StartFollowUpInput {
  /** The closed round to follow up: the origin, or the latest follow-up of a sequence. */
  roundId: string;
  /** The most follow-ups of the sequence (set by its first follow-up; later ones keep it). */
  maxFollowUps?: number;
  /** The criteria to ask again; by default every item classed divergent or polarised. */
  criterionIds?: string[];
  /** Days until the follow-up closes. */
  days?: number;
}

function refuse(refusal: FollowUpRefusal): never {
  throw new SpiegelError(`followUp.${refusal.reason}`, `no follow-up: ${refusal.reason}`, { ...refusal });
}

/** The follow-up's id, derived from the round it follows up: asking twice finds the first one. */
function followUpId(previous: Round): string {
  const digest = createHash('sha256').update(`follow-up\u0000${previous.place.tenantId}\u0000${previous.id}`).digest();
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return Array.from(digest.subarray(0, 12), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** The previous round's snapshot, narrowed to the chosen criteria and dimensions (the framework may have changed since). */
function narrowSnapshot(snapshot: FrameworkSnapshot, criterionIds: string[], dimensionIds: string[]): FrameworkSnapshot {
  const criteria = snapshot.criteria.filter((c) => criterionIds.includes(c.id));
  const components = new Set(criteria.map((c) => c.component));
  return {
    ...snapshot,
    criteria,
    components: snapshot.components.filter((c) => components.has(c.id)),
    dimensions: snapshot.dimensions.filter((d) => dimensionIds.includes(d.id)),
    // A follow-up asks the divergent ratings again; the open questions were answered in the round it follows.
    questions: [],
  };
}

/**
 * Opens a follow-up of a closed round with the same members, coordinators, anonymity, language and thresholds,
 * on the chosen items only. `created` is false when this round was followed up before (the existing follow-up
 * comes back, and nothing is sent again).
 */
export async function startFollowUp(ctx: AppContext, actor: Actor, input: StartFollowUpInput): Promise<{ round: Round; created: boolean }> {
  const previous = await getRound(ctx, actor, input.roundId);
  requireCoordinator(actor, previous);
  const link = nextFollowUpLink(previous, input.maxFollowUps);
  if (!link.ok) refuse(link.refusal);
  const id = followUpId(previous);
  const existing = await ctx.stores.rounds.get(actor.tenantId, id);
  if (existing) return { round: existing, created: false };
  const days = input.days ?? DEFAULT_FOLLOW_UP_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_FOLLOW_UP_DAYS) {
    throw inputInvalid('followUpDays', { max: MAX_FOLLOW_UP_DAYS });
  }
  const summary = (await storedSummary(ctx, previous)) ?? (await computeSummary(ctx, previous));
  const chosen = selectFollowUpItems(summary.criteria, input.criterionIds ?? []);
  if (!chosen.ok) refuse(chosen.refusal);
  const { criterionIds, dimensionIds } = chosen.selection;
  const dimensions = previous.framework.dimensions.length > 0 ? dimensionIds.filter((d) => d !== SINGLE_DIMENSION) : [];
  const built = buildRound(
    ctx,
    actor,
    {
      place: previous.place,
      frameworkId: previous.framework.id,
      name: `${previous.name.slice(0, 120)} · Delphi ${link.link.iteration}`,
      criterionIds,
      dimensionIds: dimensions,
      participants: previous.participants,
      coordinators: previous.coordinators,
      deadline: new Date(ctx.clock.now().getTime() + days * dayMs),
      anonymous: previous.anonymous,
      locale: previous.locale,
      settings: previous.settings,
      reminderPlan: previous.reminderPlan,
      unitId: previous.unitId,
      followUp: link.link,
    },
    // The items as the previous round asked them, whatever version of the framework the workspace uses now.
    previous.framework,
  );
  const round: Round = { ...built, id, framework: narrowSnapshot(previous.framework, criterionIds, dimensions) };
  // The claim settles a race of two coordinators: the loser gets the winner's round once it is stored.
  if (!(await ctx.stores.claims.claim(`follow-up:${previous.id}`, actor.userId, ctx.clock.now()))) {
    const theirs = await ctx.stores.rounds.get(actor.tenantId, id);
    if (theirs) return { round: theirs, created: false };
  }
  await scheduleRoundJobs(ctx, round);
  await ctx.stores.rounds.insert(round);
  return { round, created: true };
}

/**
 * A member's private briefing for a follow-up: per item the group's answers of the previous step (only what its
 * summary shows: at least k answers, anonymous comments) and the member's own earlier answer, which only they can
 * see (in anonymous rounds it is found through their pseudonym).
 */
export async function followUpBriefing(ctx: AppContext, round: Round, memberId: string): Promise<FollowUpBriefing> {
  if (!round.followUp) throw new SpiegelError('round.unknown', `round ${round.id} follows nothing up`);
  const tenantId = round.place.tenantId;
  const previous = await getRound(ctx, { tenantId }, round.followUp.previousRoundId);
  const [summary, own] = await Promise.all([
    storedSummary(ctx, previous),
    ctx.stores.responses.listForRespondent(tenantId, previous.id, respondentKey(ctx, previous, memberId)),
  ]);
  const group = new Map((summary?.criteria ?? []).filter(isReported).map((c) => [`${c.criterionId}|${c.dimension}`, c]));
  const mine = new Map(own.map((r) => [`${r.criterionId}|${r.dimension}`, r]));
  const items = round.framework.criteria.flatMap((c) =>
    roundDimensionIds(round).map((dimension): BriefingItem => {
      const answer = mine.get(`${c.id}|${dimension}`);
      return {
        criterionId: c.id,
        dimension,
        group: group.get(`${c.id}|${dimension}`) ?? null,
        own: answer ? { value: answer.value, comment: answer.comment } : null,
      };
    }),
  );
  return { round, previous, items };
}

function wholeNumber(word: string | undefined, name: string): number {
  if (!word || !/^\d{1,3}$/.test(word)) throw inputInvalid('needsNumber', { name });
  return Number(word);
}

/**
 * `followup [ROUND-ID] [max N] [days N] [CRITERION …]` from chat: the round named, else the channel's latest closed
 * round (the last step of a running sequence); by default the items it left divergent or polarised.
 */
export async function followUpFromWords(
  ctx: AppContext,
  actor: Actor,
  channelId: string,
  words: readonly string[],
): Promise<{ round: Round; created: boolean }> {
  const input: Omit<StartFollowUpInput, 'roundId'> = {};
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.toLowerCase();
    if (word === 'max') input.maxFollowUps = wholeNumber(words[++i], 'max');
    else if (word === 'days' || word === 'dagen') input.days = wholeNumber(words[++i], 'days');
    else rest.push(words[i]!);
  }
  const [first] = rest;
  const named = first && /^[0-9A-Za-z]{12}$/.test(first) ? await ctx.stores.rounds.get(actor.tenantId, first) : null;
  const criterionIds = named ? rest.slice(1) : rest;
  const previous = named ?? (await ctx.stores.rounds.list(actor.tenantId, { channelId, state: 'closed', limit: 1 }))[0];
  if (!previous) throw new SpiegelError('round.unknown', `no closed round in channel ${channelId}`);
  return startFollowUp(ctx, actor, { ...input, roundId: previous.id, ...(criterionIds.length > 0 ? { criterionIds } : {}) });
}
