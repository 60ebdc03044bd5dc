/**
 * What the charts show, as plain rows computed from a round and its summary (pure). An item with fewer than k
 * numeric answers carries no counts at all, only that it is hidden: no chart can draw what is not here.
 */
import { SINGLE_DIMENSION, scalePoints, type Framework, type Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import type { CriterionStatistics, ReportedItem, Summary } from '../../domain/summary-types.js';
import { componentTitle, criterionName } from '../round-texts.js';

export interface ScalePoint {
  value: number;
  /** `1 · Helemaal oneens`, or the number alone when the scale has no wording there. */
  label: string;
}

export interface DistributionSegment {
  point: number;
  label: string;
  count: number;
  share: number;
  /** Left and right edge on a diverging axis (share of answers, negative below the scale's middle). */
  start: number;
  end: number;
}

export type DistributionRow =
  | { component: string; item: string; hidden: false; n: number; median: number; segments: DistributionSegment[] }
  | { component: string; item: string; hidden: true };

export interface QuadrantPoint {
  item: string;
  x: number;
  y: number;
}

/** A criterion on one dimension, short: `name (practice)`, the name alone for a single rating. */
export function shortItemName(
  framework: Pick<Framework, 'criteria' | 'dimensions'>,
  criterionId: string,
  dimension: string,
  locale: Locale,
): string {
  const name = (framework.criteria.find((c) => c.id === criterionId)?.text[locale] ?? criterionId).replace(/\.$/, '');
  const label = dimension === SINGLE_DIMENSION ? '' : (framework.dimensions.find((d) => d.id === dimension)?.label[locale] ?? dimension);
  const short = label.split(':')[0] ?? '';
  return short ? `${name} (${short.toLowerCase()})` : name;
}

export function itemLabel(round: Round, stat: Pick<CriterionStatistics, 'criterionId' | 'dimension'>, locale: Locale): string {
  return shortItemName(round.framework, stat.criterionId, stat.dimension, locale);
}

export function scaleLegend(round: Round, locale: Locale): ScalePoint[] {
  const { scale } = round.framework;
  return scalePoints(scale).map((value) => {
    const wording = scale.labels[String(value)]?.[locale];
    return { value, label: wording ? `${value} · ${wording}` : String(value) };
  });
}

/** True when an item may be shown: at least k numeric answers and its counts present. */
export function isShown(stat: CriterionStatistics, k: number): stat is ReportedItem & { median: number } {
  return !stat.suppressed && stat.n >= k && stat.median !== null;
}

/** Segments laid out around the scale's middle: lower points to the left of 0, higher to the right, a middle point split. */
export function divergingSegments(distribution: Record<string, number>, legend: ScalePoint[]): DistributionSegment[] {
  const n = legend.reduce((sum, p) => sum + (distribution[String(p.value)] ?? 0), 0);
  if (n === 0) return [];
  const middle = (legend[0]!.value + legend[legend.length - 1]!.value) / 2;
  const share = (p: ScalePoint) => (distribution[String(p.value)] ?? 0) / n;
  const below = legend.filter((p) => p.value < middle).reduce((sum, p) => sum + share(p), 0);
  const centre = legend.filter((p) => p.value === middle).reduce((sum, p) => sum + share(p), 0);
  let edge = -(below + centre / 2);
  return legend.map((p) => {
    const s = share(p);
    const segment = { point: p.value, label: p.label, count: distribution[String(p.value)] ?? 0, share: s, start: edge, end: edge + s };
    edge += s;
    return segment;
  });
}

export function distributionRows(round: Round, summary: Summary, locale: Locale): DistributionRow[] {
  const k = round.settings.anonymityThreshold;
  const legend = scaleLegend(round, locale);
  const order = new Map(round.framework.components.map((c, i) => [c.id, i]));
  return [...summary.criteria]
    .sort((a, b) => (order.get(a.component) ?? 0) - (order.get(b.component) ?? 0))
    .map((stat) => {
      const component = componentTitle(round, stat.component, locale);
      const item = itemLabel(round, stat, locale);
      if (!isShown(stat, k)) return { component, item, hidden: true as const };
      return {
        component,
        item,
        hidden: false as const,
        n: stat.n,
        median: stat.median,
        segments: divergingSegments(stat.distribution, legend),
      };
    });
}

/** For a round with exactly two dimensions: each criterion's medians on both, where both have at least k answers. */
export function quadrantPoints(round: Round, summary: Summary, locale: Locale): { points: QuadrantPoint[]; hidden: number } | null {
  const [xDim, yDim] = round.framework.dimensions;
  if (round.framework.dimensions.length !== 2 || !xDim || !yDim) return null;
  const k = round.settings.anonymityThreshold;
  const byKey = new Map(summary.criteria.map((s) => [`${s.criterionId}\u0000${s.dimension}`, s]));
  const points: QuadrantPoint[] = [];
  let hidden = 0;
  for (const criterion of round.framework.criteria) {
    const x = byKey.get(`${criterion.id}\u0000${xDim.id}`);
    const y = byKey.get(`${criterion.id}\u0000${yDim.id}`);
    if (!x || !y) continue;
    if (isShown(x, k) && isShown(y, k)) points.push({ item: criterionName(round, criterion.id, locale), x: x.median, y: y.median });
    else hidden++;
  }
  return { points, hidden };
}

/** A text broken into lines of at most `width` characters at spaces, at most `lines` of them (the last one cut short with …). */
export function wrapped(text: string, width: number, lines: number): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length > lines)
    out.splice(
      lines - 1,
      out.length,
      `${out
        .slice(lines - 1)
        .join(' ')
        .slice(0, width - 1)}…`,
    );
  return out.join('\n');
}
