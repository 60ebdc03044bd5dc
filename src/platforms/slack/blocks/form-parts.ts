/**
 * How a round's criteria are divided over answers forms (modals hold at most 100 blocks):
 * per component, consecutive parts of at most `criteriaPerForm(round)` criteria.
 */
import type { OpenQuestion } from '../../../domain/framework.js';
import { roundDimensionIds, type Round } from '../../../domain/round.js';
import type { FormTarget } from '../ids.js';
import { limits } from './limits.js';

/** Blocks a form spends on things other than criteria (the heading context, a notice). */
const FORM_OVERHEAD = 2;

/**
 * A criterion takes a select (labelled with the criterion) and a comment input; with several dimensions,
 * a text section, one select per dimension and the comment input.
 */
export function blocksPerFormCriterion(round: Round): number {
  const dimensions = roundDimensionIds(round).length;
  return dimensions === 1 ? 2 : dimensions + 2;
}

/** Room is left for every open question of the round (a text input each, under one heading), whichever part shows them. */
export function criteriaPerForm(round: Round): number {
  const questions = round.framework.questions.length;
  const room = limits.blocksPerView - FORM_OVERHEAD - (questions > 0 ? questions + 1 : 0);
  return Math.max(1, Math.floor(room / blocksPerFormCriterion(round)));
}

export function criteriaOf(round: Round, componentId: string): string[] {
  return round.framework.criteria.filter((c) => c.component === componentId).map((c) => c.id);
}

/** Every form of the round, in order. */
export function formParts(round: Round): FormTarget[] {
  const size = criteriaPerForm(round);
  const parts: FormTarget[] = [];
  for (const component of round.framework.components) {
    const count = criteriaOf(round, component.id).length;
    for (let from = 0; from < count; from += size) {
      parts.push({ roundId: round.id, componentId: component.id, from, to: Math.min(count, from + size) });
    }
  }
  return parts;
}

/** The form part holding the criterion at `index` of its component. */
export function partAt(round: Round, componentId: string, index: number): FormTarget {
  const size = criteriaPerForm(round);
  const count = criteriaOf(round, componentId).length;
  const from = Math.floor(index / size) * size;
  return { roundId: round.id, componentId, from, to: Math.min(count, from + size) };
}

/** The form part that shows one criterion alone (the comment button). */
export function criterionPart(round: Round, criterionId: string): FormTarget | null {
  const criterion = round.framework.criteria.find((c) => c.id === criterionId);
  if (!criterion) return null;
  const index = criteriaOf(round, criterion.component).indexOf(criterionId);
  return { roundId: round.id, componentId: criterion.component, from: index, to: index + 1 };
}

/**
 * The open questions a part shows: those of its component on the component's last part, and those of the whole
 * round on the round's last part.
 */
export function questionsInPart(round: Round, target: FormTarget): OpenQuestion[] {
  const endsComponent = target.to === criteriaOf(round, target.componentId).length;
  const last = formParts(round).at(-1);
  const endsRound = endsComponent && last?.componentId === target.componentId;
  return round.framework.questions.filter((q) =>
    q.component === undefined ? endsRound : endsComponent && q.component === target.componentId,
  );
}

/** Resolves a form target against the round; null when it does not describe criteria of the round. */
export function criteriaInPart(round: Round, target: FormTarget): string[] | null {
  const ids = criteriaOf(round, target.componentId);
  if (target.to > ids.length || target.to - target.from > criteriaPerForm(round)) return null;
  return ids.slice(target.from, target.to);
}
