/**
 * From a prompt card's Save to the answers to store: every rating and comment of the card's criteria is
 * checked first, so one refused input stores nothing; unchanged answers are not written again. Pure.
 *
 * Teams leaves empty inputs out of the data, so an absent comment is an empty one: it removes a stored
 * comment, except for folded comments (listed in `keep`), whose box started empty.
 */
import { isSpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import { roundDimensionIds, type Response, type Round } from '../../domain/round.js';
import { normaliseComment, validateRating, type ResponseInput } from '../../app/responses.js';
import { translator } from '../../i18n/translator.js';
import { errorText } from '../../presentation/error-text.js';
import { criterionText, parseChoice } from '../../presentation/round-texts.js';
import type { PromptPart } from './cards/card-parts.js';
import type { Draft } from './cards/prompt-card.js';

export interface AnswerPlan {
  writes: ResponseInput[];
  /** Localised refusals, one per refused input; when any, nothing is written. */
  errors: string[];
  /** What was typed, to show again after a refusal. */
  draft: Draft;
}

/** The card's inputs: `rate|<criterion>|<dimension>` and `comment|<criterion>`; anything else is ignored. */
export function readDraft(data: Record<string, unknown>): Draft {
  const draft: Draft = { ratings: {}, comments: {} };
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') continue;
    const [kind, criterionId, dimension, ...rest] = key.split('|');
    if (rest.length > 0 || !criterionId) continue;
    if (kind === 'rate' && dimension) draft.ratings[`${criterionId}|${dimension}`] = value.trim();
    else if (kind === 'comment' && dimension === undefined) draft.comments[criterionId] = value;
  }
  return draft;
}

export function planAnswers(
  round: Round,
  part: PromptPart,
  draft: Draft,
  keep: ReadonlySet<string>,
  current: readonly Response[],
  locale: Locale,
): AnswerPlan {
  const t = translator(locale);
  const dimensions = roundDimensionIds(round);
  const firstDimension = dimensions[0] ?? '';
  const writes: ResponseInput[] = [];
  const errors: string[] = [];
  const refuse = (criterionId: string, error: unknown) => {
    if (!isSpiegelError(error)) throw error;
    errors.push(`${criterionText(round, criterionId, locale)}: ${errorText(error, locale)}`);
  };

  for (const criterionId of part.criterionIds) {
    const stored = (dimension: string) => current.find((a) => a.criterionId === criterionId && a.dimension === dimension);
    const ratings = new Map<string, Response['value']>();
    for (const dimension of dimensions) {
      const typed = draft.ratings[`${criterionId}|${dimension}`];
      if (!typed) continue;
      try {
        ratings.set(dimension, validateRating(round, parseChoice(typed)));
      } catch (error) {
        refuse(criterionId, error);
      }
    }

    let comment: string | null | undefined;
    const typedComment = draft.comments[criterionId] ?? '';
    if (!(keep.has(criterionId) && typedComment.trim() === '')) {
      try {
        const normalised = normaliseComment(typedComment) ?? null;
        if (normalised !== (stored(firstDimension)?.comment ?? null)) comment = normalised;
      } catch (error) {
        refuse(criterionId, error);
      }
    }
    if (comment && !ratings.has(firstDimension) && !stored(firstDimension)) {
      errors.push(`${criterionText(round, criterionId, locale)}: ${t('teams.round.commentNeedsRating')}`);
      continue;
    }

    for (const dimension of dimensions) {
      const value = ratings.get(dimension);
      const newValue = value !== undefined && value !== stored(dimension)?.value ? value : undefined;
      const newComment = dimension === firstDimension ? comment : undefined;
      if (newValue === undefined && newComment === undefined) continue;
      writes.push({
        roundId: round.id,
        criterionId,
        dimension,
        ...(newValue !== undefined ? { value: newValue } : {}),
        ...(newComment !== undefined ? { comment: newComment } : {}),
      });
    }
  }
  return { writes: errors.length > 0 ? [] : writes, errors, draft };
}
