import { SpiegelError, type RoundProblem, roundInvalid } from '../domain/errors.js';
import type { Framework, Perspective } from '../domain/framework.js';
import {
  defaultReminderPlan,
  defaultSummarySettings,
  type FrameworkSnapshot,
  type OpenRoundInput,
  type Round,
  type SummarySettings,
} from '../domain/round.js';
import type { Summary } from '../domain/summary-types.js';
import { requireCoordinator, type Actor } from './actor.js';
import type { AppContext } from './context.js';
import type { RoundQuery } from './ports.js';
import { respondentKey } from './pseudonym.js';
import { cancelRoundJobs, scheduleRoundJobs } from './round-jobs.js';
import { claimSend, confirmSend, releaseSend } from './send-claims.js';
import { computeSummary, storedSummary } from './compute-summary.js';
import { getWorkspaceSettings } from './workspace-settings.js';
import { frameworksOf } from './tenant-frameworks.js';

function invalid(problem: RoundProblem, params: Record<string, unknown> = {}): never {
  throw roundInvalid(problem, params);
}

export function snapshotFramework(
  framework: Framework,
  criterionIds?: string[],
  dimensionIds?: string[],
  perspectives: readonly Perspective[] = [],
): FrameworkSnapshot {
  const wanted = criterionIds && criterionIds.length > 0 ? new Set(criterionIds) : null;
  if (wanted) {
    const unknown = [...wanted].filter((id) => !framework.criteria.some((c) => c.id === id));
    if (unknown.length > 0) invalid('unknownCriteria', { ids: unknown.join(', ') });
  }
  const dims = dimensionIds ?? framework.dimensions.map((d) => d.id);
  const unknownDims = dims.filter((id) => !framework.dimensions.some((d) => d.id === id));
  if (unknownDims.length > 0) invalid('unknownDimensions', { ids: unknownDims.join(', ') });
  const criteria = framework.criteria.filter(
    (c) => (!wanted || wanted.has(c.id)) && (perspectives.length === 0 || perspectives.includes(c.perspective)),
  );
  if (criteria.length === 0) invalid('noCriterionInPerspectives');
  const usedComponents = new Set(criteria.map((c) => c.component));
  return {
    id: framework.id,
    version: framework.version,
    title: framework.title,
    scale: framework.scale,
    components: framework.components.filter((c) => usedComponents.has(c.id)),
    criteria,
    dimensions: framework.dimensions.filter((d) => dims.includes(d.id)),
    questions: framework.questions.filter((q) => q.component === undefined || usedComponents.has(q.component)),
  };
}

function buildSettings(snapshot: FrameworkSnapshot, overrides: Partial<SummarySettings> = {}): SummarySettings {
  const settings = { ...defaultSummarySettings, ...overrides };
  const { min, max } = snapshot.scale;
  if (!(settings.targetScore >= min && settings.targetScore <= max)) invalid('targetOutOfScale', { min, max });
  if (!Number.isInteger(settings.anonymityThreshold) || settings.anonymityThreshold < 1) invalid('thresholdNotWhole');
  return settings;
}

/** The smallest threshold k an anonymous round may have: below it, a few answers would give each other away. */
export const MIN_ANONYMITY_THRESHOLD = 3;

/** An anonymous round needs k ≥ 3 and at least k participants; otherwise its summary would show too few answers to hide anyone. */
export function requireAnonymityHolds(k: number, participants: number): void {
  if (k < MIN_ANONYMITY_THRESHOLD) {
    throw new SpiegelError('round.thresholdTooLow', `anonymity threshold ${k} below ${MIN_ANONYMITY_THRESHOLD}`, {
      k,
      min: MIN_ANONYMITY_THRESHOLD,
    });
  }
  if (participants < k) {
    throw new SpiegelError('round.tooFewForAnonymity', `${participants} participants for anonymity threshold ${k}`, { k, participants });
  }
}

/** Validates the input and builds a new open round with its snapshot of `framework` (the tenant's, see frameworksOf); stores nothing. */
export function buildRound(ctx: AppContext, actor: Actor, input: OpenRoundInput, framework: Framework): Round {
  if (input.place.tenantId !== actor.tenantId) throw new SpiegelError('round.unknown', 'place belongs to another tenant');
  if (framework.id !== input.frameworkId)
    throw new SpiegelError('framework.unknown', `not framework ${input.frameworkId}`, { id: input.frameworkId });
  const snapshot = snapshotFramework(framework, input.criterionIds, input.dimensionIds, input.perspectives);
  const now = ctx.clock.now();
  if (input.deadline && input.deadline.getTime() <= now.getTime()) invalid('deadlineNotFuture');
  const participants = [...new Set(input.participants)];
  if (participants.length === 0) invalid('noParticipants');
  const anonymous = input.anonymous ?? false;
  const settings = buildSettings(snapshot, input.settings);
  if (anonymous) requireAnonymityHolds(settings.anonymityThreshold, participants.length);
  const name = input.name?.trim() || `${framework.title[input.locale]} · ${now.toISOString().slice(0, 10)}`;
  if (name.length > 150) invalid('nameTooLong', { max: 150 });
  return {
    id: ctx.newId(),
    place: input.place,
    name,
    framework: snapshot,
    state: 'open',
    anonymous,
    locale: input.locale,
    participants,
    createdBy: actor.userId,
    coordinators: [...new Set([actor.userId, ...(input.coordinators ?? [])])],
    openedAt: now,
    deadline: input.deadline ?? null,
    closedAt: null,
    settings,
    reminderPlan: input.reminderPlan ?? defaultReminderPlan,
    recurrenceId: input.recurrenceId ?? null,
    caseId: input.caseId ?? null,
    unitId: input.unitId ?? null,
    followUp: input.followUp ?? null,
    platformRefs: {},
    revision: 0,
    reopenings: 0,
  };
}

/** The workspace's defaults for what the input leaves open: k, target score (when on the scale), low-response rate, reminders. */
async function withWorkspaceDefaults(ctx: AppContext, input: OpenRoundInput, framework: Framework): Promise<OpenRoundInput> {
  const workspace = await getWorkspaceSettings(ctx, input.place.tenantId);
  const scale = framework.scale;
  const target = workspace.targetScore >= scale.min && workspace.targetScore <= scale.max ? { targetScore: workspace.targetScore } : {};
  return {
    ...input,
    settings: {
      anonymityThreshold: workspace.anonymityThreshold,
      lowResponseRate: workspace.lowResponseRate,
      ...target,
      ...input.settings,
    },
    reminderPlan: input.reminderPlan ?? {
      ...defaultReminderPlan,
      hoursBeforeDeadline: workspace.reminderHours,
      max: workspace.reminderHours.length,
    },
  };
}

/** A new round with the workspace's defaults and the unit of its channel at this moment (unless the input names one); stores nothing. */
export async function prepareRound(ctx: AppContext, actor: Actor, input: OpenRoundInput): Promise<Round> {
  const unitId =
    input.unitId === undefined ? await ctx.stores.units.unitOfChannel(input.place.tenantId, input.place.channelId) : input.unitId;
  // The framework's current version in this workspace: a round opened after a new upload asks the new criteria.
  const framework = (await frameworksOf(ctx, actor.tenantId)).get(input.frameworkId);
  return buildRound(ctx, actor, await withWorkspaceDefaults(ctx, { ...input, unitId }, framework), framework);
}

/** Stores a prepared round with its jobs. */
export async function storeOpenedRound(ctx: AppContext, round: Round): Promise<Round> {
  // Jobs first: a crash in between leaves jobs for a round that does not exist (they are skipped),
  // never an open round without its deadline.
  await scheduleRoundJobs(ctx, round);
  await ctx.stores.rounds.insert(round);
  return round;
}

/** Opens a round with the workspace's defaults (see prepareRound). */
export async function openRound(ctx: AppContext, actor: Actor, input: OpenRoundInput): Promise<Round> {
  return storeOpenedRound(ctx, await prepareRound(ctx, actor, input));
}

/** A round of the tenant, or null: for adapters refreshing their own messages of a round (progress, retired prompts). */
export async function findRound(ctx: AppContext, tenantId: string, roundId: string): Promise<Round | null> {
  return ctx.stores.rounds.get(tenantId, roundId);
}

/** Keeps the adapter's references to a round's messages (e.g. Slack timestamps) on the round, for later updates. */
export async function rememberPlatformRefs(ctx: AppContext, round: Round, refs: Record<string, string>): Promise<Round> {
  for (const [key, value] of Object.entries(refs)) await ctx.stores.rounds.setPlatformRef(round.place.tenantId, round.id, key, value);
  return { ...round, platformRefs: { ...round.platformRefs, ...refs } };
}

/** Reads a round of the caller's tenant; another tenant's round is indistinguishable from an unknown one. */
export async function getRound(ctx: AppContext, actor: Pick<Actor, 'tenantId'>, roundId: string): Promise<Round> {
  const round = await findRound(ctx, actor.tenantId, roundId);
  if (!round) throw new SpiegelError('round.unknown', `round ${roundId} not found in tenant ${actor.tenantId}`, { roundId });
  return round;
}

export function requireOpen(round: Round): void {
  if (round.state !== 'open') throw new SpiegelError('round.closed', `round ${round.id} is ${round.state}`, { state: round.state });
}

/**
 * Moves an open round to `state`. When this caller's update wins, the round is known without reading it
 * again; otherwise it reads what the other caller left, and refuses when that is the other end state
 * (closing a cancelled round, cancelling a closed one).
 */
async function endRound(ctx: AppContext, round: Round, state: 'closed' | 'cancelled', now: Date): Promise<Round> {
  const tenantId = round.place.tenantId;
  if (round.state === 'open' && (await ctx.stores.rounds.end(tenantId, round.id, state, now))) return { ...round, state, closedAt: now };
  const after = round.state === 'open' ? ((await ctx.stores.rounds.get(tenantId, round.id)) ?? round) : round;
  if (after.state !== state) {
    throw new SpiegelError('round.ended', `round ${round.id} is ${after.state}`, { name: after.name, state: after.state });
  }
  return after;
}

/** Each closing of a round posts its summary once: the first closing `round-closed:<id>`, after a reopening `…:<n>`. */
export function closingClaimKey(round: Pick<Round, 'id' | 'reopenings'>): string {
  return round.reopenings > 0 ? `round-closed:${round.id}:${round.reopenings}` : `round-closed:${round.id}`;
}

/**
 * The summary of the round's latest closing: the stored one, or computed and stored now. After a reopening the
 * summary of the earlier closing is replaced, and marked as updated (`closing`).
 */
async function summaryOfThisClosing(ctx: AppContext, round: Round): Promise<Summary> {
  const stored = await storedSummary(ctx, round);
  if (stored && (stored.closing ?? 0) >= round.reopenings) return stored;
  const summary = await computeSummary(ctx, round);
  if (!stored) {
    await ctx.stores.summaries.save(round.place.tenantId, summary);
    return summary;
  }
  const updated = { ...summary, closing: round.reopenings };
  await ctx.stores.summaries.replace(round.place.tenantId, updated);
  return updated;
}

/** Posts a round's final summary on its platform: the caller's way (a channel message, a card in a thread). */
export type SummaryPoster = (round: Round, summary: Summary) => Promise<void>;

export interface CloseResult {
  round: Round;
  summary: Summary;
  /** True for exactly one caller per round, however many close it at once. */
  firstClose: boolean;
  /**
   * `posted`: this call posted the summary: it closed first, or it found the post of an earlier closer
   * unconfirmed after that closer's lease (it died mid-post). `earlier`: the summary was posted before.
   * `in-progress`: another caller is posting it; if it dies, a call after `until` posts it.
   */
  summaryPost: { state: 'posted' | 'earlier' } | { state: 'in-progress'; until: Date };
}

/**
 * Closes a round, stores its final summary and posts it, once. Safe to repeat and to race: the state change
 * and the summary are idempotent, and the send claim `round-closed:<id>` decides who posts (see claimSend);
 * it is confirmed only once `post` returned, and released when `post` failed, so that the next caller posts.
 */
export async function closeRound(ctx: AppContext, actor: Actor, roundId: string, post: SummaryPoster): Promise<CloseResult> {
  const round = await getRound(ctx, actor, roundId);
  requireCoordinator(actor, round);
  const now = ctx.clock.now();
  const closed = await endRound(ctx, round, 'closed', now);
  const summary = await summaryOfThisClosing(ctx, closed);
  const claim = await claimSend(ctx, closingClaimKey(closed), actor.userId, now);
  const firstClose = claim.state === 'mine' && !claim.send.takenOverSince;
  if (firstClose) await cancelRoundJobs(ctx, closed, 'round-closed', ['reminder']);
  const result = { round: closed, summary, firstClose };
  if (claim.state === 'in-progress') return { ...result, summaryPost: { state: 'in-progress', until: claim.until } };
  if (claim.state === 'sent') return { ...result, summaryPost: { state: 'earlier' } };
  if (claim.state === 'abandoned')
    throw new SpiegelError('send.abandoned', `posting the summary of round ${roundId} was interrupted too often`);
  try {
    await post(closed, summary);
  } catch (error) {
    await releaseSend(ctx, claim.send);
    throw error;
  }
  await confirmSend(ctx, claim.send, actor.userId, now);
  return { ...result, summaryPost: { state: 'posted' } };
}

/** Cancels a round; safe to repeat and to race: `firstCancel` is true for exactly one caller. */
export async function cancelRound(ctx: AppContext, actor: Actor, roundId: string): Promise<{ round: Round; firstCancel: boolean }> {
  const round = await getRound(ctx, actor, roundId);
  requireCoordinator(actor, round);
  const after = await endRound(ctx, round, 'cancelled', ctx.clock.now());
  const firstCancel = await ctx.stores.claims.claim(`round-cancelled:${roundId}`, actor.userId, ctx.clock.now());
  if (firstCancel) await cancelRoundJobs(ctx, after, 'round-cancelled');
  return { round: after, firstCancel };
}

export async function listRounds(ctx: AppContext, actor: Actor, query: RoundQuery = {}): Promise<Round[]> {
  return ctx.stores.rounds.list(actor.tenantId, query);
}

export interface Progress {
  answered: number;
  participants: number;
}

/** How many of a round's participants answered: the number of markers (one per respondent). */
export async function progressOf(ctx: AppContext, round: Round): Promise<Progress> {
  const answered = await ctx.stores.participation.countAnswered(round.place.tenantId, round.id);
  return { answered, participants: round.participants.length };
}

/** Progress is public within the tenant: how many answered, never who chose what. */
export async function roundProgress(ctx: AppContext, actor: Actor, roundId: string): Promise<{ round: Round; progress: Progress }> {
  const round = await getRound(ctx, actor, roundId);
  return { round, progress: await progressOf(ctx, round) };
}

/**
 * Participants who have not answered yet: the only ones a reminder goes to. Markers hold respondent keys, so
 * each participant's key is derived (the app holds the pseudonym secret) and looked up among them.
 */
export async function membersToRemind(ctx: AppContext, round: Round): Promise<string[]> {
  const answered = new Set(await ctx.stores.participation.listAnswered(round.place.tenantId, round.id));
  return round.participants.filter((m) => !answered.has(respondentKey(ctx, round, m)));
}
