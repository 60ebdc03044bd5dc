/**
 * A comparison's report page (pure): the units on a level, the heat map beside a table of every item per unit
 * (median and n, or only "fewer than k"), where the units differ most; no script, print CSS for a clean A4.
 */
import type { Framework, Locale } from '../domain/framework.js';
import type { Rollup } from '../domain/rollup.js';
import { translator } from '../i18n/translator.js';
import { shortItemName } from './charts/chart-data.js';
import { escapeHtml, figureHtml, htmlDocument, tableHtml, type RenderedChart } from './report-html.js';
import { formatNumber } from './round-texts.js';

export interface ComparisonPeriod {
  from?: Date;
  /** The first moment no longer included. */
  to?: Date;
}

function unitTable(rollup: Rollup, framework: Pick<Framework, 'criteria' | 'dimensions'>, locale: Locale): string {
  const t = translator(locale);
  const head = [t('report.table.criterion'), ...rollup.units.map((u) => u.name)];
  const byItem = new Map<string, Rollup['items']>();
  for (const it of rollup.items) {
    const key = `${it.criterionId}\u0000${it.dimension}`;
    byItem.set(key, [...(byItem.get(key) ?? []), it]);
  }
  const rows = [...byItem.values()].map((items) => {
    const first = items[0]!;
    const cells = rollup.units.map((u) => {
      const it = items.find((x) => x.unitId === u.unitId);
      if (it?.median == null)
        return `<td class="hidden">${escapeHtml(t('charts.heatmap.fewerThanK', { k: rollup.anonymityThreshold }))}</td>`;
      return `<td>${formatNumber(it.median, locale)} <span class="n">(n = ${it.n})</span></td>`;
    });
    return `<tr><td>${escapeHtml(shortItemName(framework, first.criterionId, first.dimension, locale))}</td>${cells.join('')}</tr>`;
  });
  return tableHtml(head, rows);
}

function spreadList(rollup: Rollup, framework: Pick<Framework, 'criteria' | 'dimensions'>, locale: Locale): string {
  const t = translator(locale);
  const n = (v: number) => formatNumber(v, locale);
  const name = new Map(rollup.units.map((u) => [u.unitId, u.name]));
  const items = rollup.spread.map(
    (s) =>
      `<li>${escapeHtml(
        t('method.compare.spreadLine', {
          criterion: shortItemName(framework, s.criterionId, s.dimension, locale),
          low: name.get(s.lowUnitId),
          lowMedian: n(s.lowMedian),
          high: name.get(s.highUnitId),
          highMedian: n(s.highMedian),
        }),
      )}</li>`,
  );
  return `<h2>${escapeHtml(t('method.compare.spread'))}</h2>${items.length > 0 ? `<ul>${items.join('')}</ul>` : `<p>${escapeHtml(t('method.compare.none'))}</p>`}`;
}

function periodText(period: ComparisonPeriod, locale: Locale): string {
  const t = translator(locale);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  // `to` is exclusive; people name the last day included.
  const last = period.to ? day(new Date(period.to.getTime() - 1)) : null;
  if (period.from && last) return t('report.compare.between', { from: day(period.from), to: last });
  if (period.from) return t('report.compare.since', { from: day(period.from) });
  if (last) return t('report.compare.until', { to: last });
  return t('report.compare.always');
}

export function renderComparisonPage(
  rollup: Rollup,
  framework: Framework,
  heatmap: RenderedChart | null,
  period: ComparisonPeriod,
  locale: Locale,
): string {
  const t = translator(locale);
  const title = t('report.compare.title', { framework: framework.title[locale], level: rollup.level });
  const meta = [
    periodText(period, locale),
    t('report.compare.rules', { k: rollup.anonymityThreshold, target: formatNumber(rollup.targetScore, locale) }),
    rollup.units.length === 0
      ? t('method.compare.noUnits', { level: rollup.level })
      : rollup.units.map((u) => t('method.compare.unit', { name: u.name, count: u.rounds })).join(' · '),
  ].map((line) => `<p class="meta">${escapeHtml(line)}</p>`);
  const body = heatmap
    ? [figureHtml(heatmap, unitTable(rollup, framework, locale)), spreadList(rollup, framework, locale)]
    : [`<p>${escapeHtml(t('method.compare.noRounds'))}</p>`];
  return htmlDocument(locale, title, [...meta, `<p class="hint">${escapeHtml(t('report.printHint'))}</p>`, ...body].join('\n'));
}
