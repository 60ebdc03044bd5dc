import { writeFile } from 'node:fs/promises';
import { roundSummary } from '../app/summaries.js';
import type { Locale } from '../domain/framework.js';
import { renderPng } from '../presentation/charts/render.js';
import type { ChartKind } from '../presentation/charts/chart-plan.js';
import { renderRoundChart, roundReportHtml } from '../presentation/round-report.js';
import type { CliSession } from './cli-context.js';
import { asLines } from './output.js';

/**
 * `report round ID --format png|svg|html --out FILE [--chart distribution|quadrant]`: writes the file and returns the
 * lines to print (its path, and a chart's alt text), or null when the round has no such chart (a quadrant needs two dimensions).
 */
export async function reportRoundCommand(
  session: CliSession,
  options: { roundId: string; format: 'png' | 'svg' | 'html'; out: string; chart: ChartKind; locale: Locale },
): Promise<string | null> {
  const { round, summary, interim } = await roundSummary(session.ctx, session.actor, options.roundId);
  if (options.format === 'html') {
    await writeFile(options.out, await roundReportHtml(round, summary, options.locale, interim));
    return asLines([options.out]);
  }
  const chart = await renderRoundChart(round, summary, options.locale, options.chart);
  if (!chart) return null;
  await writeFile(options.out, options.format === 'svg' ? chart.svg : await renderPng(chart.svg));
  return asLines([options.out, chart.alt]);
}
