import { parseCompareArgs } from '../domain/compare-request.js';
import { SpiegelError } from '../domain/errors.js';
import type { Framework, Scale } from '../domain/framework.js';
import { defaultSummarySettings, roundDimensionIds, type Round } from '../domain/round.js';
import { RollupTally, type Rollup } from '../domain/rollup.js';
import { ancestorsAtLevel, sortUnits } from '../domain/units.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { frameworksOf } from './tenant-frameworks.js';
import { getWorkspaceSettings } from './workspace-settings.js';
import { inputInvalid } from '../domain/input-problems.js';

export interface CompareInput {
  frameworkId: string;
  level: string;
  /** Rounds closed on or after this moment. */
  from?: Date;
  /** Rounds closed before this moment. */
  to?: Date;
  /** The target a unit's median is held against; the workspace's target score when absent. */
  targetScore?: number;
}

/** The most rounds a comparison or trend pools. */
export const MAX_POOLED_ROUNDS = 2000;

/**
 * The target and k a comparison or trend holds its items against: the workspace's target (when it lies on the
 * framework's scale, else the default), and the largest of the workspace's k and the pooled rounds' k, so that
 * pooling never shows less protected data than a round did.
 */
export async function workspaceThresholds(
  ctx: AppContext,
  tenantId: string,
  scale: Scale,
  rounds: readonly Round[],
): Promise<{ targetScore: number; anonymityThreshold: number }> {
  const workspace = await getWorkspaceSettings(ctx, tenantId);
  const onScale = workspace.targetScore >= scale.min && workspace.targetScore <= scale.max;
  return {
    targetScore: onScale ? workspace.targetScore : defaultSummarySettings.targetScore,
    anonymityThreshold: Math.max(workspace.anonymityThreshold, ...rounds.map((r) => r.settings.anonymityThreshold)),
  };
}

/** Comparisons and trends are for admins and for those who coordinate rounds in the workspace. */
export async function requireCoordinatorSomewhere(ctx: AppContext, actor: Actor): Promise<void> {
  if (actor.isAdmin) return;
  const [coordinated] = await ctx.stores.rounds.list(actor.tenantId, { coordinator: actor.userId, limit: 1 });
  if (!coordinated) throw new SpiegelError('permission.coordinatorOnly', `${actor.userId} coordinates no round in ${actor.tenantId}`);
}

/**
 * Every unit on `level` side by side for one framework and period: each pools the answers of the closed
 * rounds that belong to it or to a unit under it. k is the largest anonymity threshold of the pooled rounds
 * (at least the default), so a comparison never shows less protected data than its rounds did.
 */
export async function compareUnits(ctx: AppContext, actor: Actor, input: CompareInput): Promise<Rollup> {
  await requireCoordinatorSomewhere(ctx, actor);
  const framework = (await frameworksOf(ctx, actor.tenantId)).get(input.frameworkId);
  const [levels, units] = await Promise.all([ctx.stores.units.levelsOf(actor.tenantId), ctx.stores.units.list(actor.tenantId)]);
  if (!levels.includes(input.level)) throw inputInvalid('comparisonLevel', { levels: levels.join(', ') });
  if (input.from && input.to && input.from.getTime() >= input.to.getTime()) throw inputInvalid('periodOrder');
  if (input.targetScore !== undefined && !(input.targetScore >= framework.scale.min && input.targetScore <= framework.scale.max))
    throw inputInvalid('targetScoreRange', { min: framework.scale.min, max: framework.scale.max });
  const atLevel = ancestorsAtLevel(units, input.level);
  const rounds = await ctx.stores.rounds.list(actor.tenantId, {
    state: 'closed',
    frameworkId: framework.id,
    unitIds: [...atLevel.keys()],
    withoutFollowUps: true,
    ...(input.from ? { closedFrom: input.from } : {}),
    ...(input.to ? { closedBefore: input.to } : {}),
    limit: MAX_POOLED_ROUNDS,
  });
  const thresholds = await workspaceThresholds(ctx, actor.tenantId, framework.scale, rounds);
  const roundUnits = new Map(rounds.flatMap((r) => (r.unitId && atLevel.has(r.unitId) ? [[r.id, atLevel.get(r.unitId)!]] : [])));
  const tally = new RollupTally({
    frameworkId: framework.id,
    level: input.level,
    framework,
    dimensionIds: roundDimensionIds({ framework }),
    units: sortUnits(
      units.filter((u) => u.level === input.level),
      levels,
    ).map((u) => ({ id: u.id, name: u.name })),
    roundUnits,
    settings: { ...defaultSummarySettings, ...thresholds, ...(input.targetScore !== undefined ? { targetScore: input.targetScore } : {}) },
  });
  for await (const answer of ctx.stores.responses.valuesForRounds(actor.tenantId, [...roundUnits.keys()])) tally.add(answer);
  return tally.result();
}

export type ChatComparison = { kind: 'rollup'; rollup: Rollup; framework: Framework; input: CompareInput } | { kind: 'noFramework' };

/**
 * `compare [LEVEL] [FRAMEWORK] [FROM] [TO]` from chat: the level defaults to the top one, the framework to that
 * of the workspace's latest closed round.
 */
export async function compareFromWords(ctx: AppContext, actor: Actor, words: readonly string[]): Promise<ChatComparison> {
  await requireCoordinatorSomewhere(ctx, actor);
  const levels = await ctx.stores.units.levelsOf(actor.tenantId);
  const frameworks = await frameworksOf(ctx, actor.tenantId);
  const frameworkIds = frameworks.list().map((f) => f.id);
  const { request, unknown } = parseCompareArgs(words, levels, frameworkIds);
  if (unknown !== null) throw inputInvalid('comparisonWord', { value: unknown, levels: levels.join(', ') });
  const frameworkId = request.frameworkId ?? (await ctx.stores.rounds.list(actor.tenantId, { state: 'closed', limit: 1 }))[0]?.framework.id;
  if (!frameworkId) return { kind: 'noFramework' };
  const input: CompareInput = {
    frameworkId,
    level: request.level ?? levels[0]!,
    ...(request.from ? { from: request.from } : {}),
    ...(request.to ? { to: request.to } : {}),
  };
  const rollup = await compareUnits(ctx, actor, input);
  return { kind: 'rollup', rollup, framework: frameworks.get(frameworkId), input };
}
