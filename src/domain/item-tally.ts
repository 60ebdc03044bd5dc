/**
 * Counts of answers per group (a unit of a comparison, a round of a trend, the one round of a summary), item
 * (criterion × dimension) and scale point, "not applicable" last. Answers are folded in as they stream from the
 * store, so memory stays at groups × items × points whatever the number of answers. Pure, no I/O.
 */
import type { Criterion } from './framework.js';
import type { FrameworkSnapshot, RatingValue } from './round.js';
import { isOnScale } from './statistics.js';

export interface TalliedItem {
  criterion: Criterion;
  dimension: string;
}

export class ItemTally {
  /** The items in framework order and, within a criterion, in the order of the dimensions. */
  readonly items: TalliedItem[] = [];
  /** Scale points, then one slot for "not applicable". */
  readonly slots: number;
  private readonly itemIndex = new Map<string, Map<string, number>>();
  private readonly counts: Uint32Array;

  constructor(
    criteria: readonly Criterion[],
    dimensionIds: readonly string[],
    readonly scale: FrameworkSnapshot['scale'],
    groups: number,
  ) {
    for (const criterion of criteria) {
      const dims = new Map<string, number>();
      for (const dimension of dimensionIds) {
        dims.set(dimension, this.items.length);
        this.items.push({ criterion, dimension });
      }
      this.itemIndex.set(criterion.id, dims);
    }
    this.slots = scale.max - scale.min + 2;
    this.counts = new Uint32Array(groups * this.items.length * this.slots);
  }

  /** The index of an item; undefined for a criterion or dimension that is not tallied. */
  itemOf(criterionId: string, dimension: string): number | undefined {
    return this.itemIndex.get(criterionId)?.get(dimension);
  }

  /** Counts one answer; false (and nothing counted) for a value that is neither a scale point nor "not applicable". */
  add(group: number, item: number, value: RatingValue): boolean {
    let slot: number;
    if (value === 'na') slot = this.slots - 1;
    else if (isOnScale(value, this.scale)) slot = value - this.scale.min;
    else return false;
    const at = (group * this.items.length + item) * this.slots + slot;
    this.counts[at] = (this.counts[at] ?? 0) + 1;
    return true;
  }

  /** Count per scale point of one group's item, "not applicable" last (a view, not a copy). */
  countsOf(group: number, item: number): Uint32Array {
    const start = (group * this.items.length + item) * this.slots;
    return this.counts.subarray(start, start + this.slots);
  }

  /** Count per scale point of one group's item, without "not applicable". */
  ratingsOf(group: number, item: number): Uint32Array {
    return this.countsOf(group, item).subarray(0, this.slots - 1);
  }

  /** The counts of one group summed over the items that `include` picks ("not applicable" last). */
  pooled(group: number, include: (item: TalliedItem) => boolean): Uint32Array {
    const sum = new Uint32Array(this.slots);
    this.items.forEach((item, i) => {
      if (!include(item)) return;
      const counts = this.countsOf(group, i);
      for (let s = 0; s < this.slots; s++) sum[s] = (sum[s] ?? 0) + (counts[s] ?? 0);
    });
    return sum;
  }
}
