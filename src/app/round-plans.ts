/**
 * Rounds planned to open later: the round is checked and built when the coordinator plans it (so a mistake is
 * told at once), stored whole, and opened by the scheduler's `round-start:<id>` job under the id it was planned
 * with, so a retried or doubled job opens it once.
 */
import { SpiegelError, roundInvalid } from '../domain/errors.js';
import type { OpenRoundInput, Round } from '../domain/round.js';
import { roundStartJobId } from '../domain/scheduling.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { prepareRound, storeOpenedRound } from './rounds.js';

/** At most this far ahead. */
export const MAX_PLAN_DAYS = 366;

/** Plans a round to open at `startAt`; its deadline (if any) must lie after that. */
export async function planRound(ctx: AppContext, actor: Actor, input: OpenRoundInput, startAt: Date): Promise<Round> {
  const now = ctx.clock.now();
  if (startAt.getTime() <= now.getTime()) {
    throw new SpiegelError('deadline.past', `start ${startAt.toISOString()} is not in the future`, { deadline: startAt.toISOString() });
  }
  if (startAt.getTime() - now.getTime() > MAX_PLAN_DAYS * 24 * 3_600_000) {
    throw roundInvalid('startTooFarAhead', { days: MAX_PLAN_DAYS });
  }
  if (input.deadline && input.deadline.getTime() <= startAt.getTime()) {
    throw roundInvalid('deadlineBeforeStart');
  }
  const round = { ...(await prepareRound(ctx, actor, input)), openedAt: startAt };
  // The job first: a crash in between leaves a job that finds no plan (skipped), never a plan that never opens.
  const job = {
    id: roundStartJobId(round.id),
    kind: 'round-start',
    tenantId: actor.tenantId,
    roundId: round.id,
    recurrenceId: null,
    slot: null,
  };
  await ctx.stores.jobs.enqueue([{ ...job, runAt: startAt }], now);
  await ctx.stores.plannedRounds.insert({ round, startAt });
  return round;
}

/**
 * Opens a planned round (the scheduler's start job), once: a second run finds the round stored. Started late
 * (the bot was down), its deadline moves by the delay, so members keep the time to answer it was planned with.
 */
export async function openPlannedRound(
  ctx: AppContext,
  tenantId: string,
  roundId: string,
): Promise<{ round: Round; opened: boolean } | null> {
  const existing = await ctx.stores.rounds.get(tenantId, roundId);
  if (existing) return { round: existing, opened: false };
  const plan = await ctx.stores.plannedRounds.get(tenantId, roundId);
  if (!plan) return null;
  const now = ctx.clock.now();
  const delay = Math.max(0, now.getTime() - plan.startAt.getTime());
  const deadline = plan.round.deadline && new Date(plan.round.deadline.getTime() + delay);
  try {
    return { round: await storeOpenedRound(ctx, { ...plan.round, openedAt: now, deadline }), opened: true };
  } catch (error) {
    const raced = await ctx.stores.rounds.get(tenantId, roundId);
    if (raced) return { round: raced, opened: false };
    throw error;
  }
}
