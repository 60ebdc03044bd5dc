/** Diverging stacked bars of the rating distribution per criterion, one panel per component (a Vega-Lite spec, pure). */
import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import type { Summary } from '../../domain/summary-types.js';
import { translator } from '../../i18n/translator.js';
import { distributionRows, scaleLegend } from './chart-data.js';
import { chartConfig } from './chart-config.js';
import { divergingColours, muted } from './palette.js';

const ROW_HEIGHT = 20;
const PLOT_WIDTH = 320;
/** Row labels: this wide at most, where Vega's estimate of text width cuts at about this many characters. */
const LABEL_WIDTH = 420;
const LABEL_CHARS = 46;

/**
 * A Vega expression that shortens a long row label by its criterion name, so that a dimension at its end, as in
 * `Criterion 1: … (practice)`, stays readable: cut at its end, a criterion's rows on two dimensions would read the same.
 */
function shortenedRowLabel(): string {
  const label = 'datum.label';
  const open = `lastindexof(${label}, ' (')`;
  const suffix = `length(${label}) - ${open}`;
  const hasDimension = `${open} > 0 && ${suffix} <= 20 && substring(${label}, length(${label}) - 1) == ')'`;
  const cutName = `substring(${label}, 0, ${LABEL_CHARS - 1} - (${suffix})) + '…' + substring(${label}, ${open})`;
  const cut = `substring(${label}, 0, ${LABEL_CHARS - 1}) + '…'`;
  return `length(${label}) <= ${LABEL_CHARS} ? ${label} : (${hasDimension} ? ${cutName} : ${cut})`;
}

/**
 * One faceted spec, not a panel per component: Vega-Lite then compiles and Vega parses the panel once, which halves the
 * drawing time of a 60-criterion round. Each panel keeps its own rows (independent y) and its own x axis.
 */
export function distributionChartSpec(round: Round, summary: Summary, locale: Locale): TopLevelSpec {
  const t = translator(locale);
  const legend = scaleLegend(round, locale);
  const k = round.settings.anonymityThreshold;
  const values = distributionRows(round, summary, locale).flatMap((row, order) => {
    const base = { component: row.component, item: row.item, order };
    if (row.hidden) return [{ ...base, hidden: true }];
    return row.segments.filter((s) => s.count > 0).map((s) => ({ ...base, hidden: false, label: s.label, start: s.start, end: s.end }));
  });
  const y = {
    field: 'item',
    type: 'nominal' as const,
    sort: { field: 'order', op: 'min' as const },
    title: null,
    axis: { labelLimit: LABEL_WIDTH, labelExpr: shortenedRowLabel() },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: t('charts.distribution.title'), subtitle: t('charts.distribution.axis'), anchor: 'start', fontSize: 15 },
    data: { values },
    facet: {
      row: {
        field: 'component',
        type: 'nominal',
        sort: { field: 'order', op: 'min' },
        title: null,
        header: {
          labelAngle: 0,
          labelOrient: 'top',
          labelAnchor: 'start',
          labelFontSize: 13,
          labelFontWeight: 'bold',
          labelColor: '#222222',
          labelPadding: 6,
          labelBaseline: 'bottom',
        },
      },
    },
    spacing: 24,
    spec: {
      width: PLOT_WIDTH,
      height: { step: ROW_HEIGHT },
      layer: [
        {
          transform: [{ filter: '!datum.hidden' }],
          mark: { type: 'bar', stroke: '#9a9a9a', strokeWidth: 0.5 },
          encoding: {
            y,
            x: {
              field: 'start',
              type: 'quantitative',
              scale: { domain: [-1, 1] },
              title: null,
              axis: { format: '.0%', values: [-1, -0.5, 0, 0.5, 1], labelExpr: "replace(datum.label, '−', '')" },
            },
            x2: { field: 'end' },
            color: {
              field: 'label',
              type: 'nominal',
              title: t('charts.distribution.legend'),
              scale: { domain: legend.map((p) => p.label), range: divergingColours(legend.length) },
              legend: { orient: 'bottom', direction: 'horizontal', columns: Math.min(legend.length, 3), labelLimit: 220 },
            },
          },
        },
        {
          transform: [{ filter: 'datum.hidden' }],
          mark: { type: 'text', color: muted, fontStyle: 'italic' },
          encoding: { y, x: { datum: 0 }, text: { value: t('charts.fewerThanK', { k }) } },
        },
        { mark: { type: 'rule', color: '#444444' }, encoding: { x: { datum: 0 } } },
      ],
    },
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
    config: chartConfig,
  };
}
