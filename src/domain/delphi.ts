/**
 * Delphi follow-up rounds: which items a closed round asks again, and how far the answers converged. Pure, no I/O.
 *
 * A sequence starts at a closed round (the origin); each follow-up asks again the items its previous step left
 * divergent or polarised (or the ones the coordinator picked), at most `maxIterations` times. Convergence is
 * measured per item against the previous step:
 *
 * - **before / after**: n, median, quartiles, IQR and rwg of the previous step and of this one, each only when that
 *   step shows the item (at least k numeric answers); otherwise null.
 * - **moved**: of the members who gave the item a numeric rating in both steps (`paired`), how many gave a
 *   different one; shown only when `paired` ≥ k, like every other figure.
 * - **stable**: every item with a shown share moved changed for at most {@link STABLE_MOVED_SHARE} of its members —
 *   the stability rule of Scheibe, Skutsch and Schofer (1975): further rounds would hardly change the answers.
 * - **next**: `agreed` (no item is still divergent or polarised), else `stable`, else `maximum` (the sequence used
 *   every follow-up it was allowed), else `continue`: the coordinator may start another follow-up.
 */
import type { ConsensusClass, ItemRef } from './item.js';
import type { FollowUpLink, RatingValue, Round } from './round.js';

/** What a step of the sequence shows of an item: a summary entry (a suppressed one, below k, shows nothing). */
export type StepItem = ItemRef &
  (
    | { suppressed: true }
    | {
        suppressed: false;
        n: number;
        median: number | null;
        q1: number | null;
        q3: number | null;
        iqr: number | null;
        rwg: number | null;
        class: ConsensusClass;
      }
  );

/** Share of members changing their rating at or below which the answers count as stable. */
export const STABLE_MOVED_SHARE = 0.15;

/** Follow-ups a sequence may have when the coordinator says nothing, and the most it may ever have. */
export const DEFAULT_MAX_FOLLOW_UPS = 2;
export const MAX_FOLLOW_UPS = 5;

/** The classes a follow-up asks again by default. */
export const UNSETTLED_CLASSES: readonly ConsensusClass[] = ['divergent', 'polarised'];

/** One item's spread at one step of the sequence (only when that step had at least k numeric answers). */
export interface ItemSpread {
  n: number;
  median: number;
  q1: number;
  q3: number;
  iqr: number;
  rwg: number | null;
  class: ConsensusClass;
}

export interface ItemConvergence extends ItemRef {
  before: ItemSpread | null;
  after: ItemSpread | null;
  /** after − before, when both are shown: a negative IQR change and a positive rwg change mean convergence. */
  iqrChange: number | null;
  rwgChange: number | null;
  /** Members with a numeric rating in both steps, those who changed it, and their share; null below k. */
  paired: number | null;
  moved: number | null;
  movedShare: number | null;
  /** The item is still divergent or polarised after this step. */
  unsettled: boolean;
}

export type DelphiNext = 'agreed' | 'stable' | 'maximum' | 'continue';

/** A follow-up round's convergence: what its summary reports and a before/after chart shows. */
export interface Convergence extends FollowUpLink {
  roundId: string;
  items: ItemConvergence[];
  stable: boolean;
  next: DelphiNext;
}

/** One member's numeric ratings of one item in the previous step and in this one. */
export interface RatingPair {
  criterionId: string;
  dimension: string;
  before: number;
  after: number;
}

export interface ConvergenceInput {
  roundId: string;
  link: FollowUpLink;
  /** The previous step's summary entries and this round's (only this round's items are reported). */
  before: readonly StepItem[];
  after: readonly StepItem[];
  pairs: readonly RatingPair[];
  anonymityThreshold: number;
}

const itemKey = (criterionId: string, dimension: string) => `${criterionId}\u0000${dimension}`;

function spreadOf(item: StepItem | undefined): ItemSpread | null {
  if (!item || item.suppressed || item.median === null || item.q1 === null || item.q3 === null || item.iqr === null) return null;
  return { n: item.n, median: item.median, q1: item.q1, q3: item.q3, iqr: item.iqr, rwg: item.rwg, class: item.class };
}

const difference = (after: number | null | undefined, before: number | null | undefined) =>
  after === null || after === undefined || before === null || before === undefined ? null : after - before;

export function convergenceOf(input: ConvergenceInput): Convergence {
  const k = input.anonymityThreshold;
  const before = new Map(input.before.map((item) => [itemKey(item.criterionId, item.dimension), item]));
  const moves = new Map<string, { paired: number; moved: number }>();
  for (const pair of input.pairs) {
    const key = itemKey(pair.criterionId, pair.dimension);
    const tally = moves.get(key) ?? { paired: 0, moved: 0 };
    tally.paired += 1;
    if (pair.after !== pair.before) tally.moved += 1;
    moves.set(key, tally);
  }
  const items = input.after.map((item): ItemConvergence => {
    const key = itemKey(item.criterionId, item.dimension);
    const was = spreadOf(before.get(key));
    const now = spreadOf(item);
    const tally = moves.get(key);
    const shown = tally !== undefined && tally.paired >= k;
    return {
      criterionId: item.criterionId,
      component: item.component,
      dimension: item.dimension,
      before: was,
      after: now,
      iqrChange: difference(now?.iqr, was?.iqr),
      rwgChange: difference(now?.rwg, was?.rwg),
      paired: shown ? tally.paired : null,
      moved: shown ? tally.moved : null,
      movedShare: shown ? tally.moved / tally.paired : null,
      unsettled: now !== null && UNSETTLED_CLASSES.includes(now.class),
    };
  });
  const measured = items.filter((item) => item.movedShare !== null);
  const stable = measured.length > 0 && measured.every((item) => item.movedShare! <= STABLE_MOVED_SHARE + 1e-9);
  const next: DelphiNext = !items.some((item) => item.unsettled)
    ? 'agreed'
    : stable
      ? 'stable'
      : input.link.iteration >= input.link.maxIterations
        ? 'maximum'
        : 'continue';
  return { ...input.link, roundId: input.roundId, items, stable, next };
}

/** What a follow-up asks: the criteria and dimensions of the chosen items, in the previous round's order. */
export interface FollowUpSelection {
  criterionIds: string[];
  dimensionIds: string[];
  items: ItemRef[];
}

export type FollowUpRefusal =
  | { reason: 'notClosed' }
  | { reason: 'maximum'; maxIterations: number }
  | { reason: 'badMaximum'; max: number }
  | { reason: 'unknownItems'; criterionIds: string[] }
  | { reason: 'nothingUnsettled' };

/**
 * The items of a closed round's summary a follow-up asks again: the picked criteria (every shown dimension of
 * them), or else every shown item classed divergent or polarised. Items below k have no class and are never
 * chosen by default; a picked one below k is asked again all the same (its distribution is not shown).
 */
export function selectFollowUpItems(
  criteria: readonly StepItem[],
  picked: readonly string[],
): { ok: true; selection: FollowUpSelection } | { ok: false; refusal: FollowUpRefusal } {
  const known = new Set(criteria.map((c) => c.criterionId));
  const unknown = picked.filter((id) => !known.has(id));
  if (unknown.length > 0) return { ok: false, refusal: { reason: 'unknownItems', criterionIds: unknown } };
  const items = criteria.filter((c) =>
    picked.length > 0 ? picked.includes(c.criterionId) : !c.suppressed && UNSETTLED_CLASSES.includes(c.class),
  );
  if (items.length === 0) return { ok: false, refusal: { reason: 'nothingUnsettled' } };
  const refs = items.map(({ criterionId, component, dimension }) => ({ criterionId, component, dimension }));
  return {
    ok: true,
    selection: {
      criterionIds: [...new Set(refs.map((i) => i.criterionId))],
      dimensionIds: [...new Set(refs.map((i) => i.dimension))],
      items: refs,
    },
  };
}

/**
 * The link of a follow-up to the round it repeats: the first follow-up of a sequence sets the maximum (the
 * coordinator's, else the default), later ones keep it; none may pass it, and only a closed round is followed up.
 */
export function nextFollowUpLink(
  previous: { id: string; state: string; followUp: FollowUpLink | null },
  requestedMax: number | undefined,
): { ok: true; link: FollowUpLink } | { ok: false; refusal: FollowUpRefusal } {
  if (previous.state !== 'closed') return { ok: false, refusal: { reason: 'notClosed' } };
  const max = previous.followUp?.maxIterations ?? requestedMax ?? DEFAULT_MAX_FOLLOW_UPS;
  if (!Number.isInteger(max) || max < 1 || max > MAX_FOLLOW_UPS) return { ok: false, refusal: { reason: 'badMaximum', max } };
  const iteration = (previous.followUp?.iteration ?? 0) + 1;
  if (iteration > max) return { ok: false, refusal: { reason: 'maximum', maxIterations: max } };
  return {
    ok: true,
    link: { previousRoundId: previous.id, originRoundId: previous.followUp?.originRoundId ?? previous.id, iteration, maxIterations: max },
  };
}

/** What a summary shows of an item with at least k answers (a summary's reported entry has all of it). */
export interface GroupAnswers {
  n: number;
  median: number | null;
  iqr: number | null;
  /** Count per scale point. */
  distribution: Record<string, number>;
  /** Anonymous, sorted by text. */
  comments: string[];
}

/** What a member sees of one item before answering it again. */
export interface BriefingItem {
  criterionId: string;
  dimension: string;
  /** The previous step's statistics, distribution and comments: null when it had fewer than k answers. */
  group: GroupAnswers | null;
  /** The member's own earlier rating and comment (null when they gave none). */
  own: { value: RatingValue; comment: string | null } | null;
}

export interface FollowUpBriefing {
  round: Round;
  previous: Round;
  items: BriefingItem[];
}
