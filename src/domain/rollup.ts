/**
 * Comparisons (roll-ups): the units on one level of a workspace's structure side by side, each pooling the
 * answers of the closed rounds under it on one framework. Pure, no I/O.
 *
 * Answers are tallied per unit, item (criterion × dimension) and scale point as they stream in ({@link ItemTally}),
 * so memory stays at units × items × points whatever the number of answers; each tally is described by
 * {@link describeCounts}, which gives what {@link describeRatings} gives for the same ratings in a list.
 *
 * Anonymity: a unit with fewer than k numeric answers on an item shows nothing for it (`fewerThanK`, every
 * statistic null, n included); such an item takes no part in the spread between units or in gaps.
 */
import type { Perspective } from './framework.js';
import { perspectives } from './framework.js';
import type { FrameworkSnapshot, RatingValue, SummarySettings } from './round.js';
import { ItemTally, type TalliedItem } from './item-tally.js';
import { below, describeCounts } from './statistics.js';
import type { ConsensusClass } from './summary-types.js';

export type ClassSettings = Pick<SummarySettings, 'consensusMaxIqr' | 'consensusMinRwg' | 'lowConsensus' | 'polarisedEndShare'>;

export interface RollupSettings extends ClassSettings {
  /** k: fewer numeric answers than this on an item of a unit, and the unit shows nothing for the item. */
  anonymityThreshold: number;
  /** The workspace's target: a unit's item whose median is below it is a gap. */
  targetScore: number;
}

/** The statistics a comparison reports for one group of answers; all null when the group has fewer than k. */
export interface PooledStatistics {
  fewerThanK: boolean;
  n: number | null;
  naCount: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  rwg: number | null;
  consensus: number | null;
  class: ConsensusClass | null;
  distribution: Record<string, number> | null;
}

export interface RollupItem extends PooledStatistics {
  unitId: string;
  criterionId: string;
  component: string;
  perspective: Perspective;
  dimension: string;
}

/** A unit's answers pooled over all criteria of one component or one perspective. */
export interface RollupGroup extends PooledStatistics {
  unitId: string;
  by: 'component' | 'perspective';
  group: string;
  dimension: string;
}

/** How far the units' medians lie apart on one item: the criteria on which units differ most come first. */
export interface RollupSpread {
  criterionId: string;
  dimension: string;
  /** Units that show the item (k or more answers). */
  units: number;
  lowUnitId: string;
  lowMedian: number;
  highUnitId: string;
  highMedian: number;
  range: number;
}

export interface RollupGap {
  unitId: string;
  criterionId: string;
  dimension: string;
  median: number;
  target: number;
}

export interface RollupUnit {
  unitId: string;
  name: string;
  /** Closed rounds pooled under the unit. */
  rounds: number;
}

export interface Rollup {
  frameworkId: string;
  level: string;
  units: RollupUnit[];
  items: RollupItem[];
  groups: RollupGroup[];
  spread: RollupSpread[];
  gaps: RollupGap[];
  targetScore: number;
  anonymityThreshold: number;
}

export interface RollupAnswer {
  roundId: string;
  criterionId: string;
  dimension: string;
  value: RatingValue;
}

export interface RollupPlan {
  frameworkId: string;
  level: string;
  /** The criteria, components and scale compared: the framework as it is now. */
  framework: Pick<FrameworkSnapshot, 'criteria' | 'scale'>;
  dimensionIds: string[];
  /** The units on the level, in the order to show them. */
  units: { id: string; name: string }[];
  /** For every pooled round, the unit on the level it lies under. */
  roundUnits: ReadonlyMap<string, string>;
  settings: RollupSettings;
}

export const MAX_SPREAD_ITEMS = 10;

/** In importance–practice frameworks importance says what matters, not how well it is done: it makes no gap. */
export function judgesQuality(dimension: string, dimensionIds: readonly string[]): boolean {
  return !(dimension === 'importance' && dimensionIds.includes('practice'));
}

/** Statistics of a tally (count per scale point from min, then "not applicable" last), k applied. */
export function describeTally(
  tally: ArrayLike<number>,
  scale: FrameworkSnapshot['scale'],
  settings: ClassSettings & Pick<RollupSettings, 'anonymityThreshold'>,
): PooledStatistics {
  const points = scale.max - scale.min + 1;
  const naCount = tally[points] ?? 0;
  const stats = describeCounts(tally, naCount, scale, settings);
  if (stats.n < settings.anonymityThreshold) {
    return {
      fewerThanK: true,
      n: null,
      naCount: null,
      median: null,
      q1: null,
      q3: null,
      iqr: null,
      rwg: null,
      consensus: null,
      class: null,
      distribution: null,
    };
  }
  return {
    fewerThanK: false,
    n: stats.n,
    naCount,
    median: stats.median,
    q1: stats.q1,
    q3: stats.q3,
    iqr: stats.iqr,
    rwg: stats.rwg,
    consensus: stats.consensus,
    class: stats.class,
    distribution: stats.distribution,
  };
}

/** Tallies answers as they stream in, then computes the comparison. */
export class RollupTally {
  private readonly unitIndex: Map<string, number>;
  private readonly tally: ItemTally;
  private readonly roundsPerUnit: Uint32Array;

  constructor(private readonly plan: RollupPlan) {
    this.unitIndex = new Map(plan.units.map((u, i) => [u.id, i]));
    this.tally = new ItemTally(plan.framework.criteria, plan.dimensionIds, plan.framework.scale, plan.units.length);
    this.roundsPerUnit = new Uint32Array(plan.units.length);
    for (const unitId of plan.roundUnits.values()) {
      const u = this.unitIndex.get(unitId);
      if (u !== undefined) this.roundsPerUnit[u] = (this.roundsPerUnit[u] ?? 0) + 1;
    }
  }

  /** Counts one answer; answers of other rounds, criteria or dimensions, and values off the scale, are ignored. */
  add(answer: RollupAnswer): void {
    const unitId = this.plan.roundUnits.get(answer.roundId);
    const u = unitId === undefined ? undefined : this.unitIndex.get(unitId);
    const i = this.tally.itemOf(answer.criterionId, answer.dimension);
    if (u !== undefined && i !== undefined) this.tally.add(u, i, answer.value);
  }

  result(): Rollup {
    const { plan, tally } = this;
    const { scale } = plan.framework;
    const items: RollupItem[] = [];
    const groups: RollupGroup[] = [];
    plan.units.forEach((unit, u) => {
      tally.items.forEach(({ criterion, dimension }, i) => {
        items.push({
          unitId: unit.id,
          criterionId: criterion.id,
          component: criterion.component,
          perspective: criterion.perspective,
          dimension,
          ...describeTally(tally.countsOf(u, i), scale, plan.settings),
        });
      });
      for (const by of ['component', 'perspective'] as const) {
        const names =
          by === 'perspective'
            ? perspectives.filter((p) => plan.framework.criteria.some((c) => c.perspective === p))
            : unique(plan.framework.criteria.map((c) => c.component));
        for (const group of names) {
          for (const dimension of plan.dimensionIds) {
            const pooled = tally.pooled(u, (item) => item.dimension === dimension && item.criterion[by] === group);
            groups.push({ unitId: unit.id, by, group, dimension, ...describeTally(pooled, scale, plan.settings) });
          }
        }
      }
    });
    return {
      frameworkId: plan.frameworkId,
      level: plan.level,
      units: plan.units.map((unit, u) => ({ unitId: unit.id, name: unit.name, rounds: this.roundsPerUnit[u] ?? 0 })),
      items,
      groups,
      spread: spreadBetweenUnits(items, tally.items),
      gaps: items
        .filter((it) => judgesQuality(it.dimension, plan.dimensionIds) && it.median !== null && below(it.median, plan.settings.targetScore))
        .map((it) => ({
          unitId: it.unitId,
          criterionId: it.criterionId,
          dimension: it.dimension,
          median: it.median!,
          target: plan.settings.targetScore,
        })),
      targetScore: plan.settings.targetScore,
      anonymityThreshold: plan.settings.anonymityThreshold,
    };
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Per item, the lowest and highest unit median among the units that show it; items shown by < 2 units are left out. */
function spreadBetweenUnits(items: readonly RollupItem[], order: readonly TalliedItem[]): RollupSpread[] {
  const spread: (RollupSpread & { index: number })[] = [];
  order.forEach(({ criterion, dimension }, index) => {
    const shown = items.filter((it) => it.criterionId === criterion.id && it.dimension === dimension && it.median !== null);
    if (shown.length < 2) return;
    let low = shown[0]!;
    let high = low;
    for (const it of shown) {
      if (it.median! < low.median!) low = it;
      if (it.median! > high.median!) high = it;
    }
    const range = high.median! - low.median!;
    spread.push({
      index,
      criterionId: criterion.id,
      dimension,
      units: shown.length,
      lowUnitId: low.unitId,
      lowMedian: low.median!,
      highUnitId: high.unitId,
      highMedian: high.median!,
      range,
    });
  });
  return spread
    .filter((s) => s.range > 0)
    .sort((a, b) => b.range - a.range || a.index - b.index)
    .slice(0, MAX_SPREAD_ITEMS)
    .map(({ index: _index, ...s }) => s);
}
