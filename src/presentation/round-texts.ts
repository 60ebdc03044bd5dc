import { SINGLE_DIMENSION, scalePoints, type Locale } from '../domain/framework.js';
import type { RatingValue, Round } from '../domain/round.js';
import { translator } from '../i18n/translator.js';

export function criterionText(round: Round, criterionId: string, locale: Locale): string {
  return round.framework.criteria.find((c) => c.id === criterionId)?.text[locale] ?? criterionId;
}

/** A criterion as a name inside a sentence: without its closing full stop. */
export function criterionName(round: Round, criterionId: string, locale: Locale): string {
  return criterionText(round, criterionId, locale).replace(/\.$/, '');
}

/** "criterion (dimension)" inside a sentence, or the criterion alone in a round with one plain rating. */
export function itemName(round: Round, criterionId: string, dimension: string, locale: Locale): string {
  const dim = dimensionLabel(round, dimension, locale);
  const text = criterionName(round, criterionId, locale);
  return dim ? `${text} (${dim.toLowerCase()})` : text;
}

export function componentTitle(round: Round, componentId: string, locale: Locale): string {
  return round.framework.components.find((c) => c.id === componentId)?.title[locale] ?? componentId;
}

export function dimensionLabel(round: Round, dimensionId: string, locale: Locale): string {
  if (dimensionId === SINGLE_DIMENSION) return '';
  return round.framework.dimensions.find((d) => d.id === dimensionId)?.label[locale] ?? dimensionId;
}

export interface ScaleChoice {
  /** `1`…`5` or `na`: what a button or choice carries. */
  value: string;
  /** Short label for buttons: the number, or n.a. */
  short: string;
  /** Long label: number and the scale's wording when it has one. */
  label: string;
}

/** A point of a round's scale as members see it: the number with its wording, when the scale has one. */
export function pointLabel(round: Round, point: number, locale: Locale): string {
  const wording = round.framework.scale.labels[String(point)]?.[locale];
  return wording ? `${point} · ${wording}` : String(point);
}

/** The answer choices of a round's scale, in order, with "not applicable" last when allowed. */
export function scaleChoices(round: Round, locale: Locale): ScaleChoice[] {
  const t = translator(locale);
  const { scale } = round.framework;
  const choices: ScaleChoice[] = scalePoints(scale).map((point) => ({
    value: String(point),
    short: String(point),
    label: pointLabel(round, point, locale),
  }));
  if (scale.allowNotApplicable) {
    choices.push({ value: 'na', short: t('scale.notApplicable'), label: t('scale.notApplicableLong') });
  }
  return choices;
}

/** A choice's value back as a rating (`na` or a whole number; the core checks the scale); null for anything else. */
export function ratingOfChoice(value: string): RatingValue | null {
  if (value === 'na') return 'na';
  return /^-?\d{1,6}$/.test(value) ? Number(value) : null;
}

export function formatNumber(value: number | null, locale: Locale, digits = 1): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', { maximumFractionDigits: digits }).format(value);
}
