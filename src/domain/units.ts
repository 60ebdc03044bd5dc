import type { InputIssue } from './input-problems.js';
/**
 * A workspace's structure: a tree of units (e.g. region › domain › organisation › team) whose levels the
 * workspace names. Channels and rounds belong to a unit; comparisons pool the rounds under a unit. Pure.
 */

export const defaultUnitLevels: readonly string[] = ['region', 'domain', 'organisation', 'team'];

export const UNIT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,47}$/;
export const LEVEL_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
export const MAX_UNIT_NAME_LENGTH = 100;
export const MAX_UNITS = 5000;

export interface Unit {
  id: string;
  name: string;
  /** Null for a unit at the top of the tree. */
  parentId: string | null;
  level: string;
}

/** A unit as a file row gives it, before it is checked. */
export interface UnitRow {
  line: number;
  id: string;
  name: string;
  parent: string;
  level: string;
}

/** Problems with a list of level names; empty when they are fine. */
export function levelProblems(levels: readonly string[]): InputIssue[] {
  const problems: InputIssue[] = [];
  if (levels.length < 1 || levels.length > 8) problems.push({ problem: 'levelCount' });
  for (const level of levels) if (!LEVEL_PATTERN.test(level)) problems.push({ problem: 'levelName', params: { level } });
  if (new Set(levels).size !== levels.length) problems.push({ problem: 'levelNamesDiffer' });
  return problems;
}

/**
 * Checks file rows against the levels and the units stored already, and returns the tree after the import
 * (rows replace stored units with the same id). A parent sits on a higher level than its child, so the tree
 * has no cycles. Every problem names its line.
 */
export function mergeUnitRows(
  rows: readonly UnitRow[],
  existing: readonly Unit[],
  levels: readonly string[],
): { units: Unit[]; problems: InputIssue[] } {
  const problems: InputIssue[] = [];
  const depth = new Map(levels.map((level, i) => [level, i]));
  const merged = new Map(existing.map((u) => [u.id, u]));
  const lineOf = new Map<string, number>();
  for (const row of rows) {
    const problem = (issue: InputIssue) => problems.push({ ...issue, line: row.line });
    if (!UNIT_ID_PATTERN.test(row.id)) problem({ problem: 'unitId', params: { id: row.id } });
    if (lineOf.has(row.id)) problem({ problem: 'unitIdRepeated', params: { id: row.id, earlier: lineOf.get(row.id) } });
    if (row.name.length === 0 || row.name.length > MAX_UNIT_NAME_LENGTH)
      problem({ problem: 'unitName', params: { max: MAX_UNIT_NAME_LENGTH } });
    if (!depth.has(row.level)) problem({ problem: 'unitLevel', params: { level: row.level, levels: levels.join(', ') } });
    lineOf.set(row.id, row.line);
    merged.set(row.id, { id: row.id, name: row.name, parentId: row.parent || null, level: row.level });
  }
  for (const row of rows) {
    if (!row.parent) continue;
    const parent = merged.get(row.parent);
    if (!parent) problems.push({ problem: 'unitParentMissing', params: { parent: row.parent }, line: row.line });
    else if ((depth.get(parent.level) ?? Infinity) >= (depth.get(row.level) ?? -Infinity))
      problems.push({
        problem: 'unitParentLevel',
        params: { parent: row.parent, parentLevel: parent.level, level: row.level },
        line: row.line,
      });
  }
  if (merged.size > MAX_UNITS) problems.push({ problem: 'unitCount', params: { max: MAX_UNITS } });
  return { units: sortUnits([...merged.values()], levels), problems };
}

/** Units by level (top first), then by name. */
export function sortUnits(units: Unit[], levels: readonly string[]): Unit[] {
  const depth = new Map(levels.map((level, i) => [level, i]));
  return units.sort(
    (a, b) => (depth.get(a.level) ?? 99) - (depth.get(b.level) ?? 99) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1),
  );
}

/**
 * For every unit, the unit at `level` it lies under (itself when it is on that level); units above that level,
 * or in a branch without such a unit, are absent.
 */
export function ancestorsAtLevel(units: readonly Unit[], level: string): Map<string, string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const result = new Map<string, string>();
  for (const unit of units) {
    let at: Unit | undefined = unit;
    const seen = new Set<string>();
    while (at && at.level !== level && at.parentId && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.parentId);
    }
    if (at?.level === level) result.set(unit.id, at.id);
  }
  return result;
}

/** The unit and everything under it. */
export function unitWithDescendants(units: readonly Unit[], unitId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const result = new Set<string>();
  const queue = [unitId];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (result.has(id)) continue;
    result.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return result;
}

export interface UnitStructure {
  levels: string[];
  /** Top level first, then by name. */
  units: Unit[];
}
