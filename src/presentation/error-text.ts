import { isSpiegelError, roundProblems, type ErrorCode, type RoundProblem } from '../domain/errors.js';
import type { Locale } from '../domain/framework.js';
import { isMessageKey, translator } from '../i18n/translator.js';
import { type AnswerRefusal } from '../domain/answers.js';

function isRoundProblem(value: unknown): value is RoundProblem {
  return roundProblems.includes(value as RoundProblem);
}

function codeText(code: ErrorCode, params: Record<string, unknown>, locale: Locale): string {
  const t = translator(locale);
  const details: Record<string, unknown> = { detail: '', ...params };
  const stateKey = `state.${String(details.state)}`;
  if (typeof details.state === 'string' && isMessageKey(stateKey)) details.state = t(stateKey);
  if (details.id === undefined) details.id = '';
  if (code === 'round.invalid' && isRoundProblem(details.problem)) details.detail = t(`errors.roundProblem.${details.problem}`, details);
  return t(`errors.${code}`, details);
}

/** The localised answer a user gets for a refusal; anything unexpected gets a safe, general message. */
export function errorText(error: unknown, locale: Locale): string {
  if (!isSpiegelError(error)) return translator(locale)('errors.unexpected');
  return codeText(error.code, error.details, locale);
}

/** One refused answer, in the member's language, for beside its input. */
export function refusalText(refusal: AnswerRefusal, locale: Locale): string {
  return codeText(refusal.code, refusal.params, locale);
}
