/**
 * The answers form: opening it (from a prompt, the intro, the App Home or a reminder) prefilled with the
 * member's answers, and saving it, then leading on to the next part with unanswered criteria.
 */
import type { types } from '@slack/bolt';
import type { Actor } from '../../app/actor.js';
import { myAnswers, recordResponse } from '../../app/responses.js';
import { requireOpen } from '../../app/rounds.js';
import { SpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import { roundDimensionIds, type Response, type Round } from '../../domain/round.js';
import { translator } from '../../i18n/translator.js';
import { componentTitle } from '../../presentation/round-texts.js';
import { renderAnswerForm, renderNoticeView } from './blocks/answer-form.js';
import { criteriaInPart, criterionPart, formParts } from './blocks/form-parts.js';
import { planFormWrites, type FormValues } from './form-values.js';
import type { FormTarget } from './ids.js';
import { refusal } from './reply.js';
import type { SlackRuntime } from './runtime.js';
import type { WebClient } from './web-api.js';

export type FormRequest =
  | { kind: 'part'; target: FormTarget }
  | { kind: 'criterion'; roundId: string; criterionId: string }
  | { kind: 'continue'; roundId: string };

/** The round and the member's answers, if the member may answer it now. */
async function answerable(rt: SlackRuntime, actor: Actor, roundId: string): Promise<{ round: Round; answers: Response[] }> {
  const { round, responses } = await myAnswers(rt.ctx, actor, roundId);
  requireOpen(round);
  if (!round.participants.includes(actor.userId))
    throw new SpiegelError('round.notParticipant', `${actor.userId} is not in round ${round.id}`);
  return { round, answers: responses };
}

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
    const { round, answers } = await answerable(rt, actor, roundId);
    view = renderAnswerForm({ round, locale, target: targetOf(round, answers, request), answers });
  } catch (error) {
    view = renderNoticeView(locale, [refusal(error, locale, rt.logger)]);
  }
  await client.views.open({ trigger_id: triggerId, view });
}

export type FormOutcome = { kind: 'errors'; errors: Record<string, string> } | { kind: 'view'; view: types.ModalView };

/** Stores what changed in a submitted form; every answer is stored before the outcome says "saved". */
export async function saveAnswerForm(
  rt: SlackRuntime,
  client: WebClient,
  actor: Actor,
  locale: Locale,
  target: FormTarget | null,
  values: FormValues,
): Promise<FormOutcome> {
  const t = translator(locale);
  const notice = (lines: string[]): FormOutcome => ({ kind: 'view', view: renderNoticeView(locale, lines) });
  try {
    if (!target) throw new SpiegelError('input.invalid', 'bad form metadata', { detail: 'form' });
    const { round, answers } = await answerable(rt, actor, target.roundId);
    const criterionIds = criteriaInPart(round, target);
    if (!criterionIds) throw new SpiegelError('criterion.unknown', 'no such part of the round');
    const plan = planFormWrites(round, criterionIds, answers, values, locale);
    if (Object.keys(plan.errors).length > 0) return { kind: 'errors', errors: plan.errors };
    const stored = await Promise.all(plan.writes.map(async (input) => (await recordResponse(rt.ctx, actor, input)).response));
    if (stored.length > 0) rt.progress.answered(round, client);
    const merged = [
      ...answers.filter((a) => !stored.some((s) => s.criterionId === a.criterionId && s.dimension === a.dimension)),
      ...stored,
    ];
    const saved = stored.length > 0 ? t('slack.form.saved', { count: stored.length }) : t('slack.form.nothingChanged');
    const next = nextOpenPart(round, merged, target);
    if (next) {
      const line = `${saved} ${t('slack.form.next', { component: componentTitle(round, next.componentId, locale) })}`;
      return { kind: 'view', view: renderAnswerForm({ round, locale, target: next, answers: merged, notice: line }) };
    }
    const allAnswered = !formParts(round).some((p) => !isComplete(round, p, new Set(merged.map((a) => `${a.criterionId}|${a.dimension}`))));
    return notice(allAnswered ? [saved, t('slack.form.allDone')] : [saved]);
  } catch (error) {
    return notice([refusal(error, locale, rt.logger)]);
  }
}
