/**
 * How a round's criteria are spread over prompt cards: in the framework's order, consecutive criteria per
 * card, as many as fit a size budget (measured in both languages, so every reader gets the same parts) and
 * at most MAX_CRITERIA_PER_PART. The budget leaves room for a member's own comments in their view.
 */
import { locales, type OpenQuestion } from '../../../domain/framework.js';
import type { Round } from '../../../domain/round.js';
import { criterionInputs } from './criterion-inputs.js';

export interface PromptPart {
  /** 0-based position among the round's cards. */
  index: number;
  /** How many cards the round has. */
  count: number;
  criterionIds: string[];
}

export const PART_BUDGET_BYTES = 12_000;
export const MAX_CRITERIA_PER_PART = 10;

function criterionBytes(round: Round, criterionId: string): number {
  return Math.max(...locales.map((locale) => Buffer.byteLength(JSON.stringify(criterionInputs(round, criterionId, locale)), 'utf8')));
}

export function promptParts(round: Round): PromptPart[] {
  const groups: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const criterion of round.framework.criteria) {
    const size = criterionBytes(round, criterion.id);
    if (current.length > 0 && (current.length >= MAX_CRITERIA_PER_PART || bytes + size > PART_BUDGET_BYTES)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(criterion.id);
    bytes += size;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((criterionIds, index) => ({ index, count: groups.length, criterionIds }));
}

export function partAt(round: Round, index: number): PromptPart | null {
  if (!Number.isInteger(index) || index < 0) return null;
  return promptParts(round)[index] ?? null;
}

/** The open questions a card shows: a component's on the card with its last criterion, the whole round's on the last card. */
export function questionsOnPart(round: Round, part: PromptPart): OpenQuestion[] {
  const lastOf = (componentId: string) => round.framework.criteria.filter((c) => c.component === componentId).at(-1)?.id;
  return round.framework.questions.filter((q) =>
    q.component === undefined ? part.index === part.count - 1 : part.criterionIds.includes(lastOf(q.component) ?? ''),
  );
}
