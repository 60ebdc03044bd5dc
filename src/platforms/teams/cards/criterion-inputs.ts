/** One criterion on a prompt card: its text, a choice per dimension, and a comment box. Pure. */
import type { Locale } from '../../../domain/framework.js';
import { MAX_COMMENT_LENGTH, roundDimensionIds, type Round } from '../../../domain/round.js';
import { translator } from '../../../i18n/translator.js';
import { criterionText, dimensionLabel, scaleChoices } from '../../../presentation/round-texts.js';
import { promptInputIds } from '../ids.js';
import { container, plain, subtle, textBlock, truncate, type CardElement } from './elements.js';

/** What the inputs show: ratings per dimension (`"4"`, `"na"`), and the comment or, when folded, a preview of it. */
export interface CriterionValues {
  ratings: Record<string, string>;
  comment: string | null;
  /** The stored comment is too long to show in the card: the box starts empty and leaving it empty keeps it. */
  foldedComment?: boolean;
  /** Refusals shown beside their inputs: input id → text. */
  errors?: Readonly<Record<string, string>>;
}

function refusalBeside(values: CriterionValues | undefined, inputId: string): CardElement[] {
  const text = values?.errors?.[inputId];
  return text ? [textBlock(text, { color: 'Attention', spacing: 'None', size: 'Small' })] : [];
}

const PREVIEW_CHARS = 160;

export function criterionInputs(round: Round, criterionId: string, locale: Locale, values?: CriterionValues): CardElement {
  const t = translator(locale);
  const criterion = round.framework.criteria.find((c) => c.id === criterionId);
  const text = criterionText(round, criterionId, locale);
  const dimensions = roundDimensionIds(round);
  const choices = scaleChoices(round, locale).map((c) => ({ title: c.label, value: c.value }));
  const items: CardElement[] = [];
  if (dimensions.length > 1) items.push(textBlock(text, { weight: 'Bolder' }));
  const help = criterion?.help?.[locale];
  if (help) items.push(subtle(help));
  for (const dimension of dimensions) {
    const value = values?.ratings[dimension];
    items.push({
      type: 'Input.ChoiceSet',
      id: promptInputIds.rating(criterionId, dimension),
      label: dimensions.length > 1 ? dimensionLabel(round, dimension, locale) : text,
      style: 'compact',
      placeholder: t('teams.round.choose'),
      choices,
      ...(value ? { value } : {}),
    });
    items.push(...refusalBeside(values, promptInputIds.rating(criterionId, dimension)));
  }
  const firstDimension = dimensions[0] ?? '';
  if (values?.foldedComment && values.comment) {
    items.push(subtle(t('teams.round.keptComment', { preview: plain(truncate(values.comment, PREVIEW_CHARS)) })));
  }
  items.push({
    type: 'Input.Text',
    id: promptInputIds.comment(criterionId),
    label:
      dimensions.length > 1
        ? t('teams.round.commentWithDimension', { dimension: dimensionLabel(round, firstDimension, locale).toLowerCase() })
        : t('teams.round.comment'),
    isMultiline: true,
    maxLength: MAX_COMMENT_LENGTH,
    ...(values?.foldedComment ? { placeholder: t('teams.round.replaceComment') } : {}),
    ...(values?.comment && !values.foldedComment ? { value: values.comment } : {}),
  });
  items.push(...refusalBeside(values, promptInputIds.comment(criterionId)));
  return container(items, { separator: true, spacing: 'Medium' });
}
