/**
 * The answers form: opening it (from a prompt, the intro, the App Home or a reminder) prefilled with the
 * member's answers, and saving it, then leading on to the next part with unanswered criteria.
 */
import type { types } from '@slack/bolt';
import type { Actor } from '../../app/actor.js';
import { answerSheet, saveAnswers } from '../../app/save-answers.js';
import { SpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import { roundDimensionIds, type Response, type Round } from '../../domain/round.js';
import { translator } from '../../i18n/translator.js';
import { refusalText } from '../../presentation/error-text.js';
import { componentTitle } from '../../presentation/round-texts.js';
import { renderAnswerForm, renderNoticeView } from './blocks/answer-form.js';
import { criteriaInPart, criterionPart, formParts } from './blocks/form-parts.js';
import { formBlockIds, type FormTarget } from './ids.js';
import { readAnswerForm } from './parse.js';
import { refusal } from './reply.js';
import type { SlackRuntime } from './runtime.js';
import type { WebClient } from './web-api.js';
import { type AnswerRefusal } from '../../domain/answers.js';
import { inputInvalid } from '../../domain/input-problems.js';

export type FormRequest =
  | { kind: 'part'; target: FormTarget }
  | { kind: 'criterion'; roundId: string; criterionId: string }
  | { kind: 'continue'; roundId: string };

function isComplete(round: Round, part: FormTarget, answered: Set<string>): boolean {
  const dims = roundDimensionIds(round);
  return (criteriaInPart(round, part) ?? []).every((c) => dims.every((d) => answered.has(`${c}|${d}`)));
}

/** The first part after `after` (wrapping around, `after` itself excluded) with an unanswered criterion. */
export function nextOpenPart(round: Round, answers: readonly Response[], after?: FormTarget): FormTarget | null {
  const parts = formParts(round);
  const answered = new Set(answers.map((a) => `${a.criterionId}|${a.dimension}`));
  const same = (p: FormTarget) => after?.componentId === p.componentId && p.from === after.from;
  const start = after ? parts.findIndex(same) + 1 : 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[(start + i) % parts.length];
    if (part && !same(part) && !isComplete(round, part, answered)) return part;
  }
  return null;
}

function targetOf(round: Round, answers: readonly Response[], request: FormRequest): FormTarget {
  const fallback = formParts(round)[0];
  const target =
    request.kind === 'part'
      ? request.target
      : request.kind === 'criterion'
        ? criterionPart(round, request.criterionId)
        : (nextOpenPart(round, answers) ?? fallback);
  if (!target || !criteriaInPart(round, target)) throw new SpiegelError('criterion.unknown', 'no such part of the round');
  return target;
}

export async function openAnswerForm(
  rt: SlackRuntime,
  client: WebClient,
  triggerId: string,
  actor: Actor,
  locale: Locale,
  request: FormRequest,
): Promise<void> {
  const roundId = request.kind === 'part' ? request.target.roundId : request.roundId;
  let view: types.ModalView;
  try {
    const { round, answers, openAnswers } = await answerSheet(rt.ctx, actor, roundId);
    view = renderAnswerForm({ round, locale, target: targetOf(round, answers, request), answers, openAnswers });
  } catch (error) {
    view = renderNoticeView(locale, 'notSaved', [refusal(error, locale, rt.logger)]);
  }
  await client.views.open({ trigger_id: triggerId, view });
}

export type FormOutcome = { kind: 'errors'; errors: Record<string, string> } | { kind: 'view'; view: types.ModalView };

/** Each refusal beside its own input, as Slack's `response_action: errors` wants them (block id → text). */
function besideInputs(refusals: readonly AnswerRefusal[], locale: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const r of refusals) {
    const blockId =
      r.field === 'open'
        ? formBlockIds.open(r.questionId)
        : r.field === 'comment' || r.dimension === null
          ? formBlockIds.comment(r.criterionId)
          : formBlockIds.rating(r.criterionId, r.dimension);
    const text = refusalText(r, locale);
    errors[blockId] = errors[blockId] ? `${errors[blockId]} ${text}` : text;
  }
  return errors;
}

/** Stores a submitted form, all of it or nothing; the outcome says "saved" only once every answer is stored. */
export async function saveAnswerForm(
  rt: SlackRuntime,
  client: WebClient,
  actor: Actor,
  locale: Locale,
  target: FormTarget | null,
  values: unknown,
): Promise<FormOutcome> {
  const t = translator(locale);
  try {
    if (!target) throw inputInvalid('unknownAction');
    const form = readAnswerForm(values);
    const notUnderstood = t('errors.input.invalid', { detail: t('slack.form.notUnderstood') });
    if (form.malformed.length > 0) return { kind: 'errors', errors: Object.fromEntries(form.malformed.map((id) => [id, notUnderstood])) };
    const outcome = await saveAnswers(rt.ctx, actor, {
      roundId: target.roundId,
      answers: form.answers,
      openAnswers: form.openAnswers,
      wholeForm: true,
    });
    if (!outcome.ok) return { kind: 'errors', errors: besideInputs(outcome.refusals, locale) };
    const { round, saved, answers, openAnswers } = outcome;
    if (saved.length > 0) rt.progress.answered(round, client);
    const changed = saved.length + outcome.openChanged;
    const done = changed > 0 ? t('slack.form.saved', { count: changed }) : t('slack.form.nothingChanged');
    const next = nextOpenPart(round, answers, target);
    if (next) {
      const line = `${done} ${t('slack.form.next', { component: componentTitle(round, next.componentId, locale) })}`;
      return { kind: 'view', view: renderAnswerForm({ round, locale, target: next, answers, openAnswers, notice: line }) };
    }
    const allAnswered = !formParts(round).some(
      (p) => !isComplete(round, p, new Set(answers.map((a) => `${a.criterionId}|${a.dimension}`))),
    );
    return { kind: 'view', view: renderNoticeView(locale, 'saved', allAnswered ? [done, t('slack.form.allDone')] : [done]) };
  } catch (error) {
    return { kind: 'view', view: renderNoticeView(locale, 'notSaved', [refusal(error, locale, rt.logger)]) };
  }
}
