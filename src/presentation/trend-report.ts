/** The trend as a report figure (pure): its chart beside a table of every item's median per round. */
import type { Framework, Locale } from '../domain/framework.js';
import type { Trend } from '../domain/trend.js';
import { translator } from '../i18n/translator.js';
import { shortItemName } from './charts/chart-data.js';
import { escapeHtml, figureHtml, htmlDocument, tableHtml, type RenderedChart } from './report-html.js';
import { formatNumber } from './round-texts.js';

function trendTable(trend: Trend, framework: Pick<Framework, 'criteria' | 'dimensions'>, locale: Locale): string {
  const t = translator(locale);
  const head = [t('report.table.criterion'), ...trend.rounds.map((r, i) => `${i + 1}. ${r.name}`)];
  const rows = trend.series
    .filter((s) => s.points.some((p) => p.median !== null))
    .map((s) => {
      const mark = new Map(s.changes.filter((c) => c.flagged).map((c) => [c.toRoundId, c.medianDelta > 0 ? ' ▲' : ' ▼']));
      const cells = s.points.map((p) =>
        p.median === null
          ? `<td class="hidden">${escapeHtml(t('charts.heatmap.fewerThanK', { k: trend.anonymityThreshold }))}</td>`
          : `<td>${formatNumber(p.median, locale)}${mark.get(p.roundId) ?? ''}</td>`,
      );
      return `<tr><td>${escapeHtml(shortItemName(framework, s.criterionId, s.dimension, locale))}</td>${cells.join('')}</tr>`;
    });
  return tableHtml(head, rows);
}

export function trendFigure(
  chart: RenderedChart,
  trend: Trend,
  framework: Pick<Framework, 'criteria' | 'dimensions'>,
  locale: Locale,
): string {
  return figureHtml(chart, trendTable(trend, framework, locale));
}

/** The trend alone as a page (the command line's `report trend --format html`). */
export function trendPage(trend: Trend, framework: Framework, chart: RenderedChart | null, locale: Locale): string {
  const t = translator(locale);
  const body = chart ? trendFigure(chart, trend, framework, locale) : `<p>${escapeHtml(t('method.trend.noRounds'))}</p>`;
  return htmlDocument(locale, t('report.trendTitle', { framework: framework.title[locale] }), body);
}
