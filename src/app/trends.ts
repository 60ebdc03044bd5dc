import type { Framework } from '../domain/framework.js';
import { defaultSummarySettings, roundDimensionIds, type Round } from '../domain/round.js';
import { criteriaAcrossVersions, TrendTally, type Trend } from '../domain/trend.js';
import { unitWithDescendants } from '../domain/units.js';
import type { Actor } from './actor.js';
import { MAX_POOLED_ROUNDS, requireCoordinatorSomewhere, workspaceThresholds } from './comparisons.js';
import type { AppContext } from './context.js';
import { requireUnit } from './units.js';
import { frameworksOf } from './tenant-frameworks.js';
import { inputInvalid } from '../domain/input-problems.js';

export interface TrendInput {
  frameworkId: string;
  /** The rounds of one channel … */
  channelId?: string;
  /** … or of a unit and the units under it. */
  unitId?: string;
}

/** A trend and the framework it follows: the current version, with the criteria earlier versions asked added. */
export interface TrendReport {
  trend: Trend;
  framework: Framework;
}

/**
 * The trend across the framework's versions: each round counts with the snapshot it took, and criteria are
 * aligned by id, so a reworded criterion stays one series and one that a version added or removed shows where it was asked.
 */
export async function trendReport(ctx: AppContext, actor: Actor, input: TrendInput): Promise<TrendReport> {
  await requireCoordinatorSomewhere(ctx, actor);
  if ((input.channelId === undefined) === (input.unitId === undefined)) throw inputInvalid('channelOrUnit');
  const current = (await frameworksOf(ctx, actor.tenantId)).get(input.frameworkId);
  const unitIds = input.unitId
    ? [...unitWithDescendants(await ctx.stores.units.list(actor.tenantId), (await requireUnit(ctx, actor, input.unitId)).id)]
    : undefined;
  const rounds = (
    await ctx.stores.rounds.list(actor.tenantId, {
      state: 'closed',
      frameworkId: current.id,
      withoutFollowUps: true,
      ...(unitIds ? { unitIds } : { channelId: input.channelId! }),
      limit: MAX_POOLED_ROUNDS,
    })
  ).sort((a, b) => (a.closedAt?.getTime() ?? 0) - (b.closedAt?.getTime() ?? 0));
  const criteria = criteriaAcrossVersions(current.criteria, rounds.map((r) => r.framework.criteria).reverse());
  const framework: Framework = { ...current, criteria };
  const tally = new TrendTally({
    frameworkId: framework.id,
    framework,
    dimensionIds: roundDimensionIds({ framework }),
    rounds: rounds.map((r) => ({
      roundId: r.id,
      name: r.name,
      closedAt: r.closedAt!,
      version: r.framework.version,
      criterionIds: r.framework.criteria.map((c) => c.id),
    })),
    settings: { ...defaultSummarySettings, ...(await workspaceThresholds(ctx, actor.tenantId, framework.scale, rounds)) },
  });
  for await (const answer of ctx.stores.responses.valuesForRounds(
    actor.tenantId,
    rounds.map((r) => r.id),
  ))
    tally.add(answer);
  return { trend: tally.result(), framework };
}

export type ChatTrend = { kind: 'trend'; trend: Trend; framework: Framework; input: TrendInput } | { kind: 'noFramework' };

/**
 * `trend [FRAMEWORK] [unit UNIT-ID]` from chat, in a channel: this channel's rounds, or a unit's. The framework
 * defaults to that of the latest closed round here.
 */
export async function trendFromWords(ctx: AppContext, actor: Actor, channelId: string, words: readonly string[]): Promise<ChatTrend> {
  await requireCoordinatorSomewhere(ctx, actor);
  let frameworkId: string | undefined;
  let unitId: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.toLowerCase() === 'unit' && words[i + 1] && !unitId) unitId = words[++i];
    else if (!frameworkId && (await frameworksOf(ctx, actor.tenantId)).has(word)) frameworkId = word;
    else throw inputInvalid('trendWord', { value: word });
  }
  frameworkId ??= (await ctx.stores.rounds.list(actor.tenantId, { state: 'closed', channelId, limit: 1 }))[0]?.framework.id;
  if (!frameworkId) return { kind: 'noFramework' };
  const input: TrendInput = { frameworkId, ...(unitId ? { unitId } : { channelId }) };
  return { kind: 'trend', ...(await trendReport(ctx, actor, input)), input };
}

/**
 * The trend of a round's place (its channel) on its framework, for the round's report page: null when the framework
 * is no longer offered or fewer than two closed rounds lie there.
 */
export async function trendOfRoundPlace(
  ctx: AppContext,
  actor: Actor,
  round: Pick<Round, 'framework' | 'place'>,
): Promise<TrendReport | null> {
  const offered = (await frameworksOf(ctx, actor.tenantId)).list().some((f) => f.id === round.framework.id);
  if (!offered) return null;
  const report = await trendReport(ctx, actor, { frameworkId: round.framework.id, channelId: round.place.channelId });
  return report.trend.rounds.length >= 2 ? report : null;
}
