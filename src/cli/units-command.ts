import { readFile } from 'node:fs/promises';
import { importUnits, unitStructure } from '../app/units.js';
import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import type { CliSession } from './cli-context.js';
import { asJson, asLines } from './output.js';
import { type UnitStructure } from '../domain/units.js';

function structureText(structure: UnitStructure, locale: Locale): string {
  const t = translator(locale);
  if (structure.units.length === 0) return asLines([t('method.units.none', { levels: structure.levels.join(' › ') })]);
  return asLines([
    t('method.units.levels', { levels: structure.levels.join(' › ') }),
    ...structure.units.map((u) => `${u.id.padEnd(16)}  ${u.level.padEnd(14)}  ${(u.parentId ?? '-').padEnd(16)}  ${u.name}`),
  ]);
}

export async function importUnitsCommand(session: CliSession, file: string, levels: string[] | undefined, locale: Locale): Promise<string> {
  const csv = await readFile(file, 'utf8');
  const structure = await importUnits(session.ctx, session.actor, { csv, ...(levels ? { levels } : {}) });
  return structureText(structure, locale);
}

export async function listUnitsCommand(session: CliSession, format: 'text' | 'json', locale: Locale): Promise<string> {
  const structure = await unitStructure(session.ctx, session.actor);
  return format === 'json' ? asJson(structure) : structureText(structure, locale);
}
