/**
 * Trend lines across rounds: small multiples, one panel per criterion, its median per round (oldest first), one line
 * per dimension. Only the criteria that moved most are drawn (changes beyond the spread first); the report page's
 * table holds them all. A round where the item has fewer than k answers breaks the line: nothing is drawn there.
 * (A Vega-Lite spec and its alt text, pure.)
 */
import type { TopLevelSpec } from 'vega-lite';
import { SINGLE_DIMENSION, type Framework, type Locale } from '../../domain/framework.js';
import type { Trend, TrendSeries } from '../../domain/trend.js';
import { translator } from '../../i18n/translator.js';
import { formatNumber } from '../round-texts.js';
import { chartConfig } from './chart-config.js';
import { shortItemName, wrapped } from './chart-data.js';
import { accent, divergingColours } from './palette.js';
import type { ChartPlan } from './chart-plan.js';

/** Panels drawn by default: four columns of three rows stay readable in chat. */
export const TREND_TOP_CRITERIA = 12;
const PANEL_WIDTH = 190;
const PANEL_HEIGHT = 90;

type Framing = Pick<Framework, 'criteria' | 'dimensions' | 'scale'>;

const shownMedians = (s: TrendSeries) => s.points.flatMap((p) => (p.median === null ? [] : [p.median]));

/** How much a series moved: each change beyond the spread counts more than any shift of the medians alone. */
function movement(s: TrendSeries): number {
  const medians = shownMedians(s);
  const drift = medians.length < 2 ? 0 : Math.abs(medians[medians.length - 1]! - medians[0]!);
  return s.changes.filter((c) => c.flagged).length * 100 + drift;
}

/** The criteria to draw, most moved first; criteria never shown in two rounds are left out. */
export function topTrendCriteria(trend: Trend, top = TREND_TOP_CRITERIA): string[] {
  const score = new Map<string, number>();
  trend.series.forEach((s) => {
    if (shownMedians(s).length < 2) return;
    score.set(s.criterionId, Math.max(score.get(s.criterionId) ?? 0, movement(s)));
  });
  const order = new Map(trend.series.map((s, i) => [s.criterionId, i]));
  return [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)! || order.get(a)! - order.get(b)!).slice(0, top);
}

function trendAltText(trend: Trend, framework: Framing, shown: number, locale: Locale): string {
  const t = translator(locale);
  const n = (v: number) => formatNumber(v, locale);
  const drifts = trend.series.flatMap((s) => {
    const medians = shownMedians(s);
    return medians.length < 2 ? [] : [{ s, from: medians[0]!, to: medians[medians.length - 1]! }];
  });
  const rise = [...drifts].sort((a, b) => b.to - b.from - (a.to - a.from))[0];
  const fall = [...drifts].sort((a, b) => a.to - a.from - (b.to - b.from))[0];
  const flagged = trend.series.reduce((sum, s) => sum + s.changes.filter((c) => c.flagged).length, 0);
  const named = (d: { s: TrendSeries; from: number; to: number }) => ({
    item: shortItemName(framework, d.s.criterionId, d.s.dimension, locale),
    from: n(d.from),
    to: n(d.to),
  });
  const parts = [t('charts.trend.altCount', { count: trend.rounds.length }), t('charts.trend.altShown', { count: shown })];
  parts.push(rise && rise.to > rise.from ? t('charts.trend.altRise', named(rise)) : t('charts.trend.altNoRise'));
  parts.push(fall && fall.to < fall.from ? t('charts.trend.altFall', named(fall)) : t('charts.trend.altNoFall'));
  parts.push(t('charts.trend.altFlagged', { count: flagged, alpha: formatNumber(trend.alpha, locale, 2) }));
  return parts.join(' ');
}

/** The trend chart, or null when fewer than two rounds show any criterion (nothing to draw a line between). */
export function trendChart(trend: Trend, framework: Framing, locale: Locale, top = TREND_TOP_CRITERIA): ChartPlan<'trend'> | null {
  const criteria = topTrendCriteria(trend, top);
  if (criteria.length === 0) return null;
  const t = translator(locale);
  const dimensionName = (id: string) => framework.dimensions.find((d) => d.id === id)?.label[locale].split(':')[0] ?? '';
  const criterionName = (id: string) => wrapped(shortItemName(framework, id, SINGLE_DIMENSION, locale), 34, 2);
  const rows = trend.series
    .filter((s) => criteria.includes(s.criterionId))
    .flatMap((s) => {
      const change = new Map(
        s.changes.filter((c) => c.flagged).map((c) => [c.toRoundId, c.medianDelta > 0 ? ('rise' as const) : ('fall' as const)]),
      );
      return s.points.map((p, i) => ({
        criterion: criterionName(s.criterionId),
        dimension: dimensionName(s.dimension),
        round: i + 1,
        median: p.median,
        change: t(`charts.trend.${change.get(p.roundId) ?? 'steady'}`),
      }));
    });
  const twoLines = framework.dimensions.length > 1;
  const colour = twoLines
    ? {
        color: {
          field: 'dimension',
          type: 'nominal' as const,
          title: null,
          scale: { range: [divergingColours(5)[0]!, accent] },
          legend: { orient: 'top' as const, labelLimit: 400 },
        },
        strokeDash: { field: 'dimension', type: 'nominal' as const, title: null, legend: null },
      }
    : {};
  const { min, max } = framework.scale;
  const x = { field: 'round', type: 'ordinal' as const, title: t('charts.trend.roundAxis'), axis: { labelAngle: 0 } };
  const y = {
    field: 'median',
    type: 'quantitative' as const,
    title: t('charts.trend.medianAxis'),
    scale: { domain: [min, max], nice: false },
    axis: { values: Array.from({ length: max - min + 1 }, (_, i) => min + i) },
  };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: t('charts.trend.title'),
      subtitle: t('charts.trend.subtitle', { count: criteria.length, rounds: trend.rounds.length }),
      anchor: 'start',
      fontSize: 15,
    },
    data: { values: rows },
    facet: {
      field: 'criterion',
      type: 'nominal',
      sort: criteria.map(criterionName),
      title: null,
      // Two lines of a panel's width each (Vega estimates text widths generously without a canvas).
      header: { labelExpr: "split(datum.value, '\\n')", labelLimit: 500, labelFontSize: 10, labelAnchor: 'start', labelOrient: 'top' },
    },
    columns: 4,
    // Lay the panels out by their plots, not by the (generously estimated) width of their two-line titles.
    bounds: 'flush',
    spacing: { column: 28, row: 48 },
    spec: {
      width: PANEL_WIDTH,
      height: PANEL_HEIGHT,
      layer: [
        { mark: { type: 'line', color: accent, strokeWidth: 2 }, encoding: { x, y, ...colour } },
        {
          mark: { type: 'point', filled: true, size: 50, color: accent },
          encoding: {
            x,
            y,
            ...(twoLines ? { color: colour.color } : {}),
            shape: {
              field: 'change',
              type: 'nominal',
              title: null,
              scale: {
                domain: [t('charts.trend.steady'), t('charts.trend.rise'), t('charts.trend.fall')],
                range: ['circle', 'triangle-up', 'triangle-down'],
              },
              legend: { orient: 'top', labelLimit: 400 },
            },
          },
        },
      ],
    },
    config: chartConfig,
  };
  return { kind: 'trend', title: t('charts.trend.heading'), alt: trendAltText(trend, framework, criteria.length, locale), spec };
}
