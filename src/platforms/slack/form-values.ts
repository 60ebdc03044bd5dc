/**
 * Reading a submitted answers form: which answers changed, and which inputs are refused (with the block
 * they belong to, as Slack's `response_action: errors` wants them). Pure: no storage, no Slack calls.
 */
import type { ResponseInput } from '../../app/responses.js';
import { normaliseComment } from '../../app/responses.js';
import { isSpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import { MAX_COMMENT_LENGTH, roundDimensionIds, type RatingValue, type Response, type Round } from '../../domain/round.js';
import { translator } from '../../i18n/translator.js';
import { parseChoice } from '../../presentation/round-texts.js';
import { formBlockIds } from './ids.js';

/** Slack's `view.state.values`: block id → action id → the element's state. */
export type FormValues = Record<
  string,
  Record<string, { selected_option?: { value: string } | null; value?: string | null } | undefined> | undefined
>;

export interface FormPlan {
  writes: ResponseInput[];
  errors: Record<string, string>;
}

/** A choice's value as a rating; anything else becomes NaN, which the core refuses as out of scale. */
export function toRating(value: string): RatingValue {
  const parsed = parseChoice(value);
  return typeof parsed === 'number' || parsed === 'na' ? parsed : Number.NaN;
}

export function planFormWrites(
  round: Round,
  criterionIds: readonly string[],
  answers: readonly Response[],
  values: FormValues,
  locale: Locale,
): FormPlan {
  const t = translator(locale);
  const dimensions = roundDimensionIds(round);
  const first = dimensions[0];
  const writes: ResponseInput[] = [];
  const errors: Record<string, string> = {};
  for (const criterionId of criterionIds) {
    const commentBlock = formBlockIds.comment(criterionId);
    let comment: string | null;
    try {
      comment = normaliseComment(values[commentBlock]?.comment?.value ?? '') ?? null;
    } catch (error) {
      if (!isSpiegelError(error, 'comment.tooLong')) throw error;
      errors[commentBlock] = t('slack.form.tooLong', { max: MAX_COMMENT_LENGTH, length: error.details.length });
      continue;
    }
    for (const dimension of dimensions) {
      const selected = values[formBlockIds.rating(criterionId, dimension)]?.rating?.selected_option?.value;
      const value = selected === undefined ? undefined : toRating(selected);
      const previous = answers.find((a) => a.criterionId === criterionId && a.dimension === dimension);
      const carriesComment = dimension === first;
      if (carriesComment && comment !== null && value === undefined && previous === undefined) {
        errors[commentBlock] = t('slack.form.commentNeedsRating');
        continue;
      }
      const valueChanged = value !== undefined && value !== previous?.value;
      const commentChanged = carriesComment && previous !== undefined && comment !== previous.comment;
      const newWithComment = carriesComment && previous === undefined && value !== undefined;
      if (!valueChanged && !commentChanged) continue;
      writes.push({
        roundId: round.id,
        criterionId,
        dimension,
        ...(value !== undefined ? { value } : {}),
        ...(commentChanged || newWithComment ? { comment } : {}),
      });
    }
  }
  return { writes, errors };
}
