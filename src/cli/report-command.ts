import { stringify } from 'csv-stringify/sync';
import { compareUnits } from '../app/comparisons.js';
import { trendReport } from '../app/trends.js';
import { frameworksOf } from '../app/tenant-frameworks.js';
import type { Locale } from '../domain/framework.js';
import { comparisonLines, trendLines } from '../presentation/method-texts.js';
import type { CliSession } from './cli-context.js';
import { asJson, asLines } from './output.js';

const ROLLUP_COLUMNS = [
  'unitId',
  'criterionId',
  'component',
  'perspective',
  'dimension',
  'fewerThanK',
  'n',
  'naCount',
  'median',
  'q1',
  'q3',
  'iqr',
  'rwg',
  'consensus',
  'class',
] as const;

export interface RollupOptions {
  frameworkId: string;
  level: string;
  from?: Date;
  to?: Date;
  format: 'json' | 'csv' | 'text';
  locale: Locale;
}

/** `spiegel report rollup`: the units on a level side by side (JSON and CSV: one row per unit, criterion and dimension). */
export async function rollupCommand(session: CliSession, options: RollupOptions): Promise<string> {
  const rollup = await compareUnits(session.ctx, session.actor, {
    frameworkId: options.frameworkId,
    level: options.level,
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  });
  if (options.format === 'json') return asJson({ from: options.from ?? null, to: options.to ?? null, ...rollup });
  if (options.format === 'csv') {
    return stringify(
      rollup.items.map((item) => ROLLUP_COLUMNS.map((column) => item[column] ?? '')),
      { header: true, columns: [...ROLLUP_COLUMNS] },
    );
  }
  const framework = (await frameworksOf(session.ctx, session.actor.tenantId)).get(options.frameworkId);
  return asLines(comparisonLines(rollup, framework, options.locale, true));
}

/** `spiegel report trend`: every closed round of a framework in a channel or unit, per criterion over time. */
export async function trendCommand(
  session: CliSession,
  options: { frameworkId: string; unitId?: string; channelId?: string; format: 'json' | 'text'; locale: Locale },
): Promise<string> {
  const { trend, framework } = await trendReport(session.ctx, session.actor, {
    frameworkId: options.frameworkId,
    ...(options.unitId ? { unitId: options.unitId } : {}),
    ...(options.channelId ? { channelId: options.channelId } : {}),
  });
  if (options.format === 'json') return asJson(trend);
  return asLines(trendLines(trend, framework, options.locale));
}
