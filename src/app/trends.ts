import { SpiegelError } from '../domain/errors.js';
import type { Framework } from '../domain/framework.js';
import { defaultSummarySettings, roundDimensionIds } from '../domain/round.js';
import { TrendTally, type Trend } from '../domain/trend.js';
import { unitWithDescendants } from '../domain/units.js';
import type { Actor } from './actor.js';
import { MAX_POOLED_ROUNDS, requireCoordinatorSomewhere, workspaceThresholds } from './comparisons.js';
import type { AppContext } from './context.js';
import { requireUnit } from './units.js';

export interface TrendInput {
  frameworkId: string;
  /** The rounds of one channel … */
  channelId?: string;
  /** … or of a unit and the units under it. */
  unitId?: string;
}

/** Every closed round of a framework in a channel or unit, oldest first, per criterion over time. */
export async function trendOf(ctx: AppContext, actor: Actor, input: TrendInput): Promise<Trend> {
  await requireCoordinatorSomewhere(ctx, actor);
  if ((input.channelId === undefined) === (input.unitId === undefined))
    throw new SpiegelError('input.invalid', 'name a channel or a unit', { detail: 'name a channel or a unit' });
  const framework = ctx.frameworks.get(input.frameworkId);
  const unitIds = input.unitId
    ? [...unitWithDescendants(await ctx.stores.units.list(actor.tenantId), (await requireUnit(ctx, actor, input.unitId)).id)]
    : undefined;
  const rounds = (
    await ctx.stores.rounds.list(actor.tenantId, {
      state: 'closed',
      frameworkId: framework.id,
      withoutFollowUps: true,
      ...(unitIds ? { unitIds } : { channelId: input.channelId! }),
      limit: MAX_POOLED_ROUNDS,
    })
  ).sort((a, b) => (a.closedAt?.getTime() ?? 0) - (b.closedAt?.getTime() ?? 0));
  const tally = new TrendTally({
    frameworkId: framework.id,
    framework,
    dimensionIds: roundDimensionIds({ framework }),
    rounds: rounds.map((r) => ({ roundId: r.id, name: r.name, closedAt: r.closedAt! })),
    settings: { ...defaultSummarySettings, ...(await workspaceThresholds(ctx, actor.tenantId, framework.scale, rounds)) },
  });
  for await (const answer of ctx.stores.responses.valuesForRounds(
    actor.tenantId,
    rounds.map((r) => r.id),
  ))
    tally.add(answer);
  return tally.result();
}

export type ChatTrend = { kind: 'trend'; trend: Trend; framework: Framework } | { kind: 'noFramework' };

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
    else if (!frameworkId && ctx.frameworks.list().some((f) => f.id === word)) frameworkId = word;
    else
      throw new SpiegelError('input.invalid', `“${word}” is not a framework or “unit UNIT-ID”`, {
        detail: `“${word}” is not a framework or “unit UNIT-ID”`,
      });
  }
  frameworkId ??= (await ctx.stores.rounds.list(actor.tenantId, { state: 'closed', channelId, limit: 1 }))[0]?.framework.id;
  if (!frameworkId) return { kind: 'noFramework' };
  const trend = await trendOf(ctx, actor, { frameworkId, ...(unitId ? { unitId } : { channelId }) });
  return { kind: 'trend', trend, framework: ctx.frameworks.get(frameworkId) };
}
