/** A workspace structure and paper rounds for the reflection-method tests (units, comparisons, trends). */
import type { Actor } from '../../src/app/actor.js';
import type { AppContext } from '../../src/app/context.js';
import { importRound } from '../../src/app/import-round.js';
import { importUnits } from '../../src/app/units.js';
import type { Place } from '../../src/domain/round.js';

export const UNITS_CSV = [
  'id,name,parent,level',
  'north,North,,region',
  'south,South,,region',
  'oa,Org A,north,organisation',
  'ob,Org B,north,organisation',
  'oc,Org C,south,organisation',
].join('\n');

/** One closed paper round on team-health's `go-clear` and `wl-means`, belonging to `unitId`. */
export async function importUnitRound(
  ctx: AppContext,
  admin: Actor,
  place: Place,
  unitId: string | undefined,
  answers: { goClear: Array<number | 'na'>; wlMeans?: Array<number | 'na'> },
): Promise<string> {
  const rows = ['member,criterion,dimension,value,comment'];
  answers.goClear.forEach((v, i) => rows.push(`m${i},go-clear,,${v},`));
  (answers.wlMeans ?? []).forEach((v, i) => rows.push(`m${i},wl-means,,${v},`));
  const { round } = await importRound(ctx, admin, {
    place,
    frameworkId: 'team-health',
    locale: 'en',
    csv: rows.join('\n'),
    ...(unitId ? { unitId } : {}),
  });
  return round.id;
}

/** The structure above and one round per organisation (Org B with only two answers on `go-clear`). */
export async function seedComparison(ctx: AppContext, admin: Actor, place: Place): Promise<void> {
  await importUnits(ctx, admin, { csv: UNITS_CSV });
  await importUnitRound(ctx, admin, place, 'oa', { goClear: [4, 4, 5] });
  await importUnitRound(ctx, admin, place, 'ob', { goClear: [2, 2] });
  await importUnitRound(ctx, admin, place, 'oc', { goClear: [5, 5, 4, 4] });
}
