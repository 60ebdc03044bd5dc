/**
 * A round's report as one self-contained HTML page (pure): each chart inline as SVG with its alt text and a table
 * beside it, the comments per criterion; no script, so it reads without JavaScript, and print CSS for a clean A4.
 * An item with fewer than k answers shows only that, in the table as in the chart.
 */
import type { Locale } from '../domain/framework.js';
import type { Round } from '../domain/round.js';
import type { CriterionStatistics, Summary } from '../domain/summary-types.js';
import { translator } from '../i18n/translator.js';
import { isShown, itemLabel, quadrantPoints, scaleLegend } from './charts/chart-data.js';
import type { ChartKind } from './charts/round-charts.js';
import { componentTitle, dimensionLabel, formatNumber } from './round-texts.js';

export interface RenderedChart<K extends string = ChartKind> {
  kind: K;
  title: string;
  alt: string;
  svg: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const styles = `
  :root { color-scheme: light; font-family: "DejaVu Sans", system-ui, sans-serif; color: #222; }
  body { margin: 2rem auto; max-width: 1200px; padding: 0 1rem; line-height: 1.4; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; } h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
  .meta { color: #555; margin: 0; } .interim { color: #8a4b00; font-weight: bold; }
  figure { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 1.5rem; margin: 1rem 0; break-inside: avoid; }
  figure svg { width: 100%; height: auto; } figcaption { grid-column: 1 / -1; color: #444; font-size: .9rem; }
  table { border-collapse: collapse; font-size: .8rem; width: 100%; align-self: start; }
  th, td { border-bottom: 1px solid #ddd; padding: .2rem .35rem; text-align: right; vertical-align: top; }
  th:first-child, td:first-child { text-align: left; min-width: 14rem; } tr.component th { text-align: left; background: #f3f3f3; }
  td.hidden { color: #6b6b6b; font-style: italic; text-align: left; }
  ul.comments { margin: .25rem 0 .75rem 1.25rem; padding: 0; } .hint { color: #777; font-size: .8rem; }
  @media (max-width: 900px) { figure { grid-template-columns: 1fr; } }
  @page { size: A4; margin: 15mm 12mm; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10pt; } .hint { display: none; }
    figure { grid-template-columns: 1fr; } h2 { break-after: avoid; } tr { break-inside: avoid; }
  }`;

function quadrantTable(round: Round, summary: Summary, locale: Locale): string {
  const quadrant = quadrantPoints(round, summary, locale);
  const [xDim, yDim] = round.framework.dimensions;
  if (!quadrant || !xDim || !yDim) return '';
  const t = translator(locale);
  const label = (id: string) => dimensionLabel(round, id, locale).split(':')[0] ?? id;
  const head = [t('report.table.number'), t('report.table.criterion'), label(xDim.id), label(yDim.id)];
  const rows = quadrant.points.map(
    (p, i) =>
      `<tr><td>${i + 1}</td><td>${escapeHtml(p.item)}</td><td>${formatNumber(p.x, locale)}</td><td>${formatNumber(p.y, locale)}</td></tr>`,
  );
  const hidden =
    quadrant.hidden > 0
      ? `<tr><td></td><td class="hidden" colspan="3">${escapeHtml(t('charts.distribution.altHidden', { count: quadrant.hidden, k: round.settings.anonymityThreshold }))}</td></tr>`
      : '';
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}${hidden}</tbody></table>`;
}

function statisticsTable(round: Round, summary: Summary, locale: Locale): string {
  const t = translator(locale);
  const k = round.settings.anonymityThreshold;
  const legend = scaleLegend(round, locale);
  const n = (v: number | null) => formatNumber(v, locale);
  const head = [
    t('report.table.criterion'),
    t('report.table.n'),
    ...legend.map((p) => String(p.value)),
    t('report.table.na'),
    t('report.table.median'),
    t('report.table.iqr'),
    t('report.table.class'),
  ];
  const columns = head.length;
  const row = (stat: CriterionStatistics) => {
    const cells = [escapeHtml(itemLabel(round, stat, locale))];
    if (!isShown(stat, k))
      return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}<td class="hidden" colspan="${columns - 1}">${escapeHtml(t('charts.fewerThanK', { k }))}</td></tr>`;
    cells.push(String(stat.n), ...legend.map((p) => String(stat.distribution[String(p.value)] ?? 0)), String(stat.naCount));
    cells.push(n(stat.median), n(stat.iqr), escapeHtml(t(`class.${stat.class}`)));
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  };
  const body = round.framework.components.flatMap((component) => {
    const stats = summary.criteria.filter((s) => s.component === component.id);
    if (stats.length === 0) return [];
    const title = `<tr class="component"><th colspan="${columns}">${escapeHtml(componentTitle(round, component.id, locale))}</th></tr>`;
    return [title, ...stats.map(row)];
  });
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function commentsSection(round: Round, summary: Summary, locale: Locale): string {
  const t = translator(locale);
  const k = round.settings.anonymityThreshold;
  const withComments = summary.criteria.filter((s) => isShown(s, k)).filter((s) => s.comments.length > 0);
  if (withComments.length === 0) return `<h2>${escapeHtml(t('report.comments'))}</h2><p>${escapeHtml(t('report.noComments'))}</p>`;
  const blocks = withComments.map(
    (s) =>
      `<h3>${escapeHtml(itemLabel(round, s, locale))}</h3><ul class="comments">${s.comments.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`,
  );
  return `<h2>${escapeHtml(t('report.comments'))}</h2>${blocks.join('')}`;
}

export function renderRoundReportPage(round: Round, summary: Summary, charts: RenderedChart[], locale: Locale, interim: boolean): string {
  const t = translator(locale);
  const figures = charts.map((chart) => {
    const table = chart.kind === 'quadrant' ? quadrantTable(round, summary, locale) : statisticsTable(round, summary, locale);
    return `<h2>${escapeHtml(chart.title)}</h2><figure role="group" aria-label="${escapeHtml(chart.title)}"><div role="img" aria-label="${escapeHtml(chart.alt)}">${chart.svg}</div>${table}<figcaption>${escapeHtml(chart.alt)}</figcaption></figure>`;
  });
  const responseRate = t('summary.responseRate', {
    respondents: summary.respondents,
    participants: summary.participants,
    percent: Math.round(summary.responseRate * 100),
  });
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(t('report.title', { name: round.name }))}</title><style>${styles}</style></head>
<body>
<h1>${escapeHtml(t('report.title', { name: round.name }))}</h1>
<p class="meta">${escapeHtml(t('report.framework', { framework: round.framework.title[locale], state: t(`state.${round.state}`) }))}</p>
<p class="meta">${escapeHtml(responseRate)}</p>
${interim ? `<p class="interim">${escapeHtml(t('report.interim'))}</p>` : ''}
<p class="hint">${escapeHtml(t('report.printHint'))}</p>
${figures.join('\n')}
${commentsSection(round, summary, locale)}
</body>
</html>
`;
}
