/** A member's own answers as plain, localised text: what every platform shows back to the member. Pure. */
import type { Locale } from '../domain/framework.js';
import type { RatingValue, Response, Round } from '../domain/round.js';
import { translator, type Translate } from '../i18n/translator.js';
import { criterionText, dimensionLabel, pointLabel } from './round-texts.js';

export interface ProgressCount {
  answered: number;
  participants: number;
}

/** "7 of 12 answered" in the reader's language. */
export function progressText(t: Translate, progress: ProgressCount): string {
  return t('progress', { count: progress.participants, answered: progress.answered });
}

/** The label of an answer as the member chose it: "4 · Agree", or "Not applicable". */
export function answerLabel(round: Round, value: RatingValue, locale: Locale): string {
  return value === 'na' ? translator(locale)('scale.notApplicableLong') : pointLabel(round, value, locale);
}

/** "criterion (dimension)", or the criterion alone in a round with one plain rating. */
export function answerName(round: Round, answer: Pick<Response, 'criterionId' | 'dimension'>, locale: Locale): string {
  const dimension = dimensionLabel(round, answer.dimension, locale);
  const criterion = criterionText(round, answer.criterionId, locale);
  return dimension ? `${criterion} (${dimension.toLowerCase()})` : criterion;
}

/** Answers in the framework's order of criteria, then by dimension. */
export function sortAnswers<T extends Pick<Response, 'criterionId' | 'dimension'>>(round: Round, answers: readonly T[]): T[] {
  const order = new Map(round.framework.criteria.map((c, i) => [c.id, i]));
  return [...answers].sort(
    (a, b) => (order.get(a.criterionId) ?? 0) - (order.get(b.criterionId) ?? 0) || a.dimension.localeCompare(b.dimension),
  );
}

/** How many of the round's questions (criterion × dimension) the member rated. */
export function answeredCount(
  round: Round,
  answers: readonly Pick<Response, 'criterionId' | 'dimension'>[],
): { answered: number; total: number } {
  const dimensions = round.framework.dimensions.length > 0 ? round.framework.dimensions.length : 1;
  const criteria = new Set(round.framework.criteria.map((c) => c.id));
  return { answered: answers.filter((a) => criteria.has(a.criterionId)).length, total: round.framework.criteria.length * dimensions };
}
