import { isSpiegelError, roundProblems, type ErrorCode, type RoundProblem } from '../domain/errors.js';
import type { Locale } from '../domain/framework.js';
import { inputProblems, type InputIssue, type InputProblem } from '../domain/input-problems.js';
import { isMessageKey, translator } from '../i18n/translator.js';
import { type AnswerRefusal } from '../domain/answers.js';

function isRoundProblem(value: unknown): value is RoundProblem {
  return roundProblems.includes(value as RoundProblem);
}

function isInputProblem(value: unknown): value is InputProblem {
  return inputProblems.includes(value as InputProblem);
}

function isInputIssue(value: unknown): value is InputIssue {
  return typeof value === 'object' && value !== null && isInputProblem((value as InputIssue).problem);
}

/** One input problem in the reader's language; a setting's problem is prefixed with its key, an imported line's with its number. */
export function inputIssueText(issue: InputIssue, locale: Locale): string {
  const t = translator(locale);
  const params = issue.params ?? {};
  const text = t(`errors.inputProblem.${issue.problem}`, params);
  const named = typeof params.setting === 'string' ? `${params.setting}: ${text}` : text;
  return issue.line === undefined ? named : t('errors.atLine', { line: issue.line, detail: named });
}

/** The problems of an `import.invalid` refusal, one per line: worded issues, or the texts a file's reader gave. */
export function importProblemLines(details: Record<string, unknown>, locale: Locale): string[] | null {
  if (!Array.isArray(details.problems)) return null;
  return details.problems.map((p: unknown) => (isInputIssue(p) ? inputIssueText(p, locale) : String(p)));
}

function codeText(code: ErrorCode, params: Record<string, unknown>, locale: Locale): string {
  const t = translator(locale);
  const details: Record<string, unknown> = { detail: '', ...params };
  const stateKey = `state.${String(details.state)}`;
  if (typeof details.state === 'string' && isMessageKey(stateKey)) details.state = t(stateKey);
  if (details.id === undefined) details.id = '';
  if (code === 'round.invalid' && isRoundProblem(details.problem)) details.detail = t(`errors.roundProblem.${details.problem}`, details);
  if (code === 'input.invalid' && isInputProblem(details.problem))
    details.detail = inputIssueText({ problem: details.problem, params }, locale);
  if (code === 'import.invalid') details.detail = importProblemLines(details, locale)?.join('; ') ?? details.detail;
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
