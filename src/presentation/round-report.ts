/** A round's charts drawn, and its report page around them. */
import type { Locale } from '../domain/framework.js';
import type { Round } from '../domain/round.js';
import type { Summary } from '../domain/summary-types.js';
import { renderSvg } from './charts/render.js';
import { roundCharts } from './charts/round-charts.js';
import { renderRoundReportPage, type RenderedChart } from './report-page.js';

export async function renderRoundCharts(round: Round, summary: Summary, locale: Locale): Promise<RenderedChart[]> {
  return Promise.all(
    roundCharts(round, summary, locale).map(async (chart) => ({
      kind: chart.kind,
      title: chart.title,
      alt: chart.alt,
      svg: await renderSvg(chart.spec),
    })),
  );
}

export async function roundReportHtml(round: Round, summary: Summary, locale: Locale, interim: boolean): Promise<string> {
  return renderRoundReportPage(round, summary, await renderRoundCharts(round, summary, locale), locale, interim);
}
