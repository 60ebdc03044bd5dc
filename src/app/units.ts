import { readCsvBody, refuseImport } from './csv-import.js';
import { SpiegelError } from '../domain/errors.js';
import { levelProblems, mergeUnitRows, sortUnits, type Unit, type UnitRow, type UnitStructure } from '../domain/units.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';

const HEADER = ['id', 'name', 'parent', 'level'];

function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw new SpiegelError('permission.adminOnly', `${actor.userId} is not an admin`);
}

/** The workspace's levels and units; everyone in the workspace may see them. */
export async function unitStructure(ctx: AppContext, actor: Actor): Promise<UnitStructure> {
  const [levels, units] = await Promise.all([ctx.stores.units.levelsOf(actor.tenantId), ctx.stores.units.list(actor.tenantId)]);
  return { levels, units: sortUnits(units, levels) };
}

/** A unit of the caller's workspace; an unknown id (or another workspace's) is refused. */
export async function requireUnit(ctx: AppContext, actor: Pick<Actor, 'tenantId'>, unitId: string): Promise<Unit> {
  const unit = (await ctx.stores.units.list(actor.tenantId)).find((u) => u.id === unitId);
  if (!unit) throw new SpiegelError('unit.unknown', `unit ${unitId} not found in tenant ${actor.tenantId}`, { unitId });
  return unit;
}

function readRows(csv: string): UnitRow[] {
  const body = readCsvBody(csv, HEADER);
  if (body.length === 0) refuseImport([{ problem: 'noUnits' }]);
  return body.map(({ line, values }) => ({
    line,
    id: values[0] ?? '',
    name: values[1] ?? '',
    parent: values[2] ?? '',
    level: values[3] ?? '',
  }));
}

/**
 * Adds or replaces units from a CSV (`id,name,parent,level`), admins only. With `levels`, the workspace's
 * level names change too. Every row is checked first; one bad row means nothing is stored.
 */
export async function importUnits(ctx: AppContext, actor: Actor, input: { csv: string; levels?: string[] }): Promise<UnitStructure> {
  requireAdmin(actor);
  const rows = readRows(input.csv);
  const levels = input.levels ?? (await ctx.stores.units.levelsOf(actor.tenantId));
  const problems = levelProblems(levels);
  if (problems.length > 0) refuseImport(problems);
  const existing = await ctx.stores.units.list(actor.tenantId);
  const merged = mergeUnitRows(rows, existing, levels);
  if (merged.problems.length > 0) refuseImport(merged.problems);
  const now = ctx.clock.now();
  if (input.levels) await ctx.stores.units.setLevels(actor.tenantId, levels, now);
  const imported = new Set(rows.map((r) => r.id));
  await ctx.stores.units.putMany(
    actor.tenantId,
    merged.units.filter((u) => imported.has(u.id)),
    now,
  );
  return { levels, units: merged.units };
}

/** Puts a channel in a unit, admins only; rounds opened there from now on belong to it. */
export async function assignChannelToUnit(ctx: AppContext, actor: Actor, channelId: string, unitId: string): Promise<Unit> {
  requireAdmin(actor);
  const unit = await requireUnit(ctx, actor, unitId);
  await ctx.stores.units.assignChannel(actor.tenantId, channelId, unit.id, ctx.clock.now());
  return unit;
}

/** The unit a channel belongs to, if any. */
export async function unitOfChannel(ctx: AppContext, actor: Actor, channelId: string): Promise<Unit | null> {
  const unitId = await ctx.stores.units.unitOfChannel(actor.tenantId, channelId);
  return unitId ? requireUnit(ctx, actor, unitId).catch(() => null) : null;
}
