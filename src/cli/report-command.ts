import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { compareUnits } from '../app/comparisons.js';
import { trendReport } from '../app/trends.js';
import { frameworksOf } from '../app/tenant-frameworks.js';
import type { Locale } from '../domain/framework.js';
import { comparisonLines, trendLines } from '../presentation/method-texts.js';
import { renderPng } from '../presentation/charts/render.js';
import { renderComparisonPage } from '../presentation/comparison-page.js';
import type { RenderedChart } from '../presentation/report-html.js';
import { renderHeatmap, renderTrendChart } from '../presentation/round-report.js';
import { trendPage } from '../presentation/trend-report.js';
import type { CliSession } from './cli-context.js';
import { asJson, asLines, pictureFormats, type PictureFormat } from './output.js';

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

const isPicture = (format: string): format is PictureFormat => (pictureFormats as readonly string[]).includes(format);

export interface RollupOptions {
  frameworkId: string;
  level: string;
  from?: Date;
  to?: Date;
  format: 'json' | 'csv' | 'text' | PictureFormat;
  /** The file a picture format is written to. */
  out?: string;
  locale: Locale;
}

/**
 * Writes a chart (PNG or SVG) or a whole page (HTML) to `out`; the lines to print: the file, and the chart's alt text.
 * Null when there is nothing to draw.
 */
async function writePicture(
  out: string,
  format: PictureFormat,
  chart: RenderedChart | null,
  page: (chart: RenderedChart | null) => string,
): Promise<string | null> {
  if (format === 'html') {
    await writeFile(out, page(chart));
    return asLines([out]);
  }
  if (!chart) return null;
  await writeFile(out, format === 'svg' ? chart.svg : await renderPng(chart.svg));
  return asLines([out, chart.alt]);
}

/**
 * `spiegel report rollup`: the units on a level side by side (JSON and CSV: one row per unit, criterion and dimension;
 * PNG and SVG: the heat map; HTML: the comparison's report page). Null: no heat map to draw.
 */
export async function rollupCommand(session: CliSession, options: RollupOptions): Promise<string | null> {
  const period = { ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) };
  const rollup = await compareUnits(session.ctx, session.actor, { frameworkId: options.frameworkId, level: options.level, ...period });
  const framework = (await frameworksOf(session.ctx, session.actor.tenantId)).get(options.frameworkId);
  if (isPicture(options.format)) {
    const heatmap = await renderHeatmap(rollup, framework, options.locale);
    return writePicture(options.out!, options.format, heatmap, (chart) =>
      renderComparisonPage(rollup, framework, chart, period, options.locale),
    );
  }
  if (options.format === 'json') return asJson({ from: options.from ?? null, to: options.to ?? null, ...rollup });
  if (options.format === 'csv') {
    return stringify(
      rollup.items.map((item) => ROLLUP_COLUMNS.map((column) => item[column] ?? '')),
      { header: true, columns: [...ROLLUP_COLUMNS] },
    );
  }
  return asLines(comparisonLines(rollup, framework, options.locale, true));
}

/**
 * `spiegel report trend`: every closed round of a framework in a channel or unit, per criterion over time (PNG and SVG:
 * the trend chart; HTML: a page with the chart and every item's median per round). Null: fewer than two rounds to draw.
 */
export async function trendCommand(
  session: CliSession,
  options: {
    frameworkId: string;
    unitId?: string;
    channelId?: string;
    format: 'json' | 'text' | PictureFormat;
    out?: string;
    locale: Locale;
  },
): Promise<string | null> {
  const { trend, framework } = await trendReport(session.ctx, session.actor, {
    frameworkId: options.frameworkId,
    ...(options.unitId ? { unitId: options.unitId } : {}),
    ...(options.channelId ? { channelId: options.channelId } : {}),
  });
  if (isPicture(options.format)) {
    const chart = await renderTrendChart(trend, framework, options.locale);
    return writePicture(options.out!, options.format, chart, (drawn) => trendPage(trend, framework, drawn, options.locale));
  }
  if (options.format === 'json') return asJson(trend);
  return asLines(trendLines(trend, framework, options.locale));
}
