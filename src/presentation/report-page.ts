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
import type { ChartKind } from './charts/chart-plan.js';
import { convergenceTable } from './convergence-table.js';
import { escapeHtml, figureHtml, htmlDocument, type RenderedChart } from './report-html.js';
import { openQuestionViews } from './open-answer-texts.js';
import { componentTitle, dimensionLabel, formatNumber } from './round-texts.js';

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

/** Each open question with its answers (or why they are not shown); nothing when the round asked none. */
function openQuestionsSection(round: Round, summary: Summary, locale: Locale): string {
  const questions = openQuestionViews(round, summary, locale);
  if (questions.length === 0) return '';
  const blocks = questions.map(
    (q) =>
      `<h3>${escapeHtml(q.title)}</h3><p class="meta">${escapeHtml(q.note)}</p>` +
      (q.answers.length > 0 ? `<ul class="comments">${q.answers.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>` : ''),
  );
  return `<h2>${escapeHtml(translator(locale)('open.summary.heading'))}</h2>${blocks.join('')}`;
}

/** `more`: further figures (the trend of the round's place, a follow-up's convergence), ready HTML. */
export function renderRoundReportPage(
  round: Round,
  summary: Summary,
  charts: RenderedChart<ChartKind>[],
  locale: Locale,
  interim: boolean,
  more: readonly string[] = [],
): string {
  const t = translator(locale);
  const tableFor: Record<ChartKind, () => string> = {
    distribution: () => statisticsTable(round, summary, locale),
    quadrant: () => quadrantTable(round, summary, locale),
    convergence: () => (summary.convergence ? convergenceTable(round, summary.convergence, locale) : ''),
  };
  const figures = charts.map((chart) => figureHtml(chart, tableFor[chart.kind]()));
  const responseRate = t('summary.responseRate', {
    respondents: summary.respondents,
    participants: summary.participants,
    percent: Math.round(summary.responseRate * 100),
  });
  const meta = [
    `<p class="meta">${escapeHtml(t('report.framework', { framework: round.framework.title[locale], state: t(`state.${round.state}`) }))}</p>`,
    `<p class="meta">${escapeHtml(responseRate)}</p>`,
    interim ? `<p class="interim">${escapeHtml(t('report.interim'))}</p>` : '',
    `<p class="hint">${escapeHtml(t('report.printHint'))}</p>`,
  ];
  const body = [...meta, ...figures, ...more, commentsSection(round, summary, locale), openQuestionsSection(round, summary, locale)];
  return htmlDocument(locale, t('report.title', { name: round.name }), body.filter(Boolean).join('\n'));
}
