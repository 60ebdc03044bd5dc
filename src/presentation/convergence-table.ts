/** A follow-up's convergence as the table beside its before/after chart (pure). */
import type { Convergence, ItemSpread } from '../domain/delphi.js';
import type { Locale } from '../domain/framework.js';
import type { Round } from '../domain/round.js';
import { translator } from '../i18n/translator.js';
import { itemLabel } from './charts/chart-data.js';
import { escapeHtml, tableHtml } from './report-html.js';
import { formatNumber } from './round-texts.js';

export function convergenceTable(round: Round, convergence: Convergence, locale: Locale): string {
  const t = translator(locale);
  const k = round.settings.anonymityThreshold;
  const n = (v: number | null | undefined, digits = 1) => formatNumber(v ?? null, locale, digits);
  const spread = (s: ItemSpread | null) =>
    s
      ? `<td>${n(s.median)} <span class="n">(${n(s.q1)}–${n(s.q3)}, n = ${s.n})</span></td>`
      : `<td class="hidden">${escapeHtml(t('charts.fewerThanK', { k }))}</td>`;
  const head = [
    t('report.table.criterion'),
    t('charts.convergence.before'),
    t('charts.convergence.after'),
    t('report.table.iqrChange'),
    t('report.table.moved'),
  ];
  const rows = convergence.items.map((item) => {
    const moved =
      item.movedShare === null
        ? escapeHtml(t('delphi.convergence.movedHidden', { k }))
        : escapeHtml(t('delphi.convergence.moved', { moved: item.moved, paired: item.paired, percent: Math.round(item.movedShare * 100) }));
    const change = item.iqrChange === null ? '–' : `${item.iqrChange > 0 ? '+' : ''}${n(item.iqrChange)}`;
    return `<tr><td>${escapeHtml(itemLabel(round, item, locale))}</td>${spread(item.before)}${spread(item.after)}<td>${change}</td><td>${moved}</td></tr>`;
  });
  return tableHtml(head, rows);
}
