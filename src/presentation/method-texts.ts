/** Units and comparisons as localised lines of text, for chat replies and the command line. */
import type { Framework, Locale } from '../domain/framework.js';
import { SINGLE_DIMENSION } from '../domain/framework.js';
import type { Rollup } from '../domain/rollup.js';
import type { Trend } from '../domain/trend.js';
import type { Unit } from '../domain/units.js';
import { classText, perspectiveName } from './group-names.js';
import { translator } from '../i18n/translator.js';
import { formatNumber } from './round-texts.js';
import { type UnitStructure } from '../domain/units.js';

/** The tree of units, indented by level, with the channel's own unit when it has one. */
export function unitsLines(structure: UnitStructure, channelUnit: Unit | null | undefined, locale: Locale): string[] {
  const t = translator(locale);
  const levels = structure.levels.join(' › ');
  if (structure.units.length === 0) return [t('method.units.none', { levels })];
  const children = new Map<string | null, Unit[]>();
  for (const unit of structure.units) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  const known = new Set(structure.units.map((u) => u.id));
  const lines: string[] = [t('method.units.levels', { levels })];
  const walk = (unit: Unit, depth: number): void => {
    lines.push(t('method.units.line', { indent: '  '.repeat(depth), name: unit.name, level: unit.level, id: unit.id }));
    for (const child of children.get(unit.id) ?? []) walk(child, depth + 1);
  };
  for (const root of structure.units.filter((u) => u.parentId === null || !known.has(u.parentId))) walk(root, 0);
  if (channelUnit !== undefined)
    lines.push(channelUnit ? t('method.units.channel', { name: channelUnit.name, level: channelUnit.level }) : t('method.units.noChannel'));
  return lines;
}

/** ` (practice)` after a name, nothing for a single rating. */
function dimensionSuffix(framework: Pick<Framework, 'dimensions'>, dimension: string, locale: Locale): string {
  if (dimension === SINGLE_DIMENSION) return '';
  return ` (${(framework.dimensions.find((d) => d.id === dimension)?.label[locale] ?? dimension).toLowerCase()})`;
}

/** A criterion (and dimension) as a short name: its text without the closing full stop. */
export function itemName(
  framework: Pick<Framework, 'criteria' | 'dimensions'>,
  criterionId: string,
  dimension: string,
  locale: Locale,
): string {
  const text = (framework.criteria.find((c) => c.id === criterionId)?.text[locale] ?? criterionId).replace(/\.$/, '');
  return `${text}${dimensionSuffix(framework, dimension, locale)}`;
}

/**
 * A comparison: the units, where they differ most, each unit per perspective and per component, and the gaps; then either every
 * item per unit (`table`, for the command line) or a pointer to the command that shows them (chat).
 */
export function comparisonLines(rollup: Rollup, framework: Framework, locale: Locale, table = false): string[] {
  const t = translator(locale);
  const n = (v: number | null) => formatNumber(v, locale);
  const nameOf = new Map(rollup.units.map((u) => [u.unitId, u.name]));
  const lines = [
    t('method.compare.title', {
      framework: framework.title[locale],
      level: rollup.level,
      k: rollup.anonymityThreshold,
      target: n(rollup.targetScore),
    }),
  ];
  if (rollup.units.length === 0) return [...lines, t('method.compare.noUnits', { level: rollup.level })];
  lines.push(rollup.units.map((u) => t('method.compare.unit', { name: u.name, count: u.rounds })).join(' · '));
  if (rollup.units.every((u) => u.rounds === 0)) return [...lines, t('method.compare.noRounds')];

  lines.push('', t('method.compare.spread'));
  if (rollup.spread.length === 0) lines.push(`  ${t('method.compare.none')}`);
  for (const s of rollup.spread) {
    lines.push(
      `  ${t('method.compare.spreadLine', {
        criterion: itemName(framework, s.criterionId, s.dimension, locale),
        low: nameOf.get(s.lowUnitId),
        lowMedian: n(s.lowMedian),
        high: nameOf.get(s.highUnitId),
        highMedian: n(s.highMedian),
      })}`,
    );
  }

  for (const by of ['perspective', 'component'] as const) {
    lines.push('', t(by === 'perspective' ? 'method.compare.perspectives' : 'method.compare.components'));
    for (const unit of rollup.units) {
      lines.push(unit.name);
      for (const g of rollup.groups.filter((x) => x.unitId === unit.unitId && x.by === by)) {
        const name =
          by === 'perspective'
            ? perspectiveName(t, g.group)
            : (framework.components.find((c) => c.id === g.group)?.title[locale] ?? g.group);
        const group = `${name}${dimensionSuffix(framework, g.dimension, locale)}`;
        lines.push(
          g.fewerThanK
            ? `  ${t('method.compare.fewerThanK', { group, k: rollup.anonymityThreshold })}`
            : `  ${t('method.compare.groupLine', { group, median: n(g.median), class: classText(t, g.class), n: g.n })}`,
        );
      }
    }
  }

  lines.push('', t('method.compare.gaps', { target: n(rollup.targetScore) }));
  if (rollup.gaps.length === 0) lines.push(`  ${t('method.compare.none')}`);
  for (const g of rollup.gaps) {
    lines.push(
      `  ${t('method.compare.gapLine', { unit: nameOf.get(g.unitId), criterion: itemName(framework, g.criterionId, g.dimension, locale), median: n(g.median) })}`,
    );
  }
  if (!table) return [...lines, '', t('method.compare.full', { framework: framework.id, level: rollup.level })];
  lines.push('', t('method.compare.items'));
  for (const unit of rollup.units) {
    lines.push(unit.name);
    for (const it of rollup.items.filter((x) => x.unitId === unit.unitId)) {
      const group = itemName(framework, it.criterionId, it.dimension, locale);
      lines.push(
        it.fewerThanK
          ? `  ${t('method.compare.fewerThanK', { group, k: rollup.anonymityThreshold })}`
          : `  ${t('method.compare.itemLine', { group, median: n(it.median), q1: n(it.q1), q3: n(it.q3), rwg: formatNumber(it.rwg, locale, 2), class: classText(t, it.class), n: it.n })}`,
      );
    }
  }
  return lines;
}

/** A trend: the rounds, then per criterion its median in every round, changes beyond the spread marked ▲ or ▼. */
export function trendLines(trend: Trend, framework: Framework, locale: Locale): string[] {
  const t = translator(locale);
  const n = (v: number | null) => formatNumber(v, locale);
  const lines = [
    t('method.trend.title', {
      framework: framework.title[locale],
      count: trend.rounds.length,
      alpha: n(trend.alpha),
      k: trend.anonymityThreshold,
    }),
  ];
  if (trend.rounds.length === 0) return [...lines, t('method.trend.noRounds')];
  trend.rounds.forEach((r, i) =>
    lines.push(
      `  ${t('method.trend.round', { index: i + 1, name: r.name, date: r.closedAt.toISOString().slice(0, 10), version: r.version })}`,
    ),
  );
  const flagged: string[] = [];
  lines.push('');
  for (const s of trend.series) {
    if (s.points.every((p) => p.median === null)) continue;
    const criterion = itemName(framework, s.criterionId, s.dimension, locale);
    const mark = new Map(s.changes.filter((c) => c.flagged).map((c) => [c.toRoundId, c.medianDelta > 0 ? '▲' : '▼']));
    const values = s.points
      .map((p) => (!p.asked ? '·' : p.median === null ? '–' : `${n(p.median)}${p.belowTarget ? '°' : ''}${mark.get(p.roundId) ?? ''}`))
      .join(' → ');
    lines.push(t('method.trend.line', { criterion, values }));
    for (const c of s.changes.filter((x) => x.flagged)) {
      const index = trend.rounds.findIndex((r) => r.roundId === c.toRoundId) + 1;
      const to = s.points[index - 1]?.median ?? null;
      flagged.push(
        `  ${t('method.trend.change', { criterion, from: n(to === null ? null : to - c.medianDelta), to: n(to), index, p: formatNumber(c.p, locale, 3) })}`,
      );
    }
  }
  return [
    ...lines,
    t('method.trend.belowTarget', { target: n(trend.targetScore) }),
    '',
    t('method.trend.flagged'),
    ...(flagged.length > 0 ? flagged : [`  ${t('method.trend.none')}`]),
  ];
}
