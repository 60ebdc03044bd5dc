/**
 * A member answering on a prompt card (Action.Execute): Save stores the card's ratings and comments, all or
 * nothing, and answers with the member's own view of the card; a refresh (automatic, or "Show my answers")
 * shows that view without storing anything. Only the member who acted sees their view; the shared card keeps
 * only progress.
 */
import { invariant } from '../../domain/invariant.js';
import type { Activity, TurnContext } from 'botbuilder';
import type { Actor } from '../../app/actor.js';
import { openAnswersIn } from '../../app/open-answers.js';
import { answersIn } from '../../app/responses.js';
import { getRound } from '../../app/rounds.js';
import { isParticipant, saveAnswers, type SaveAnswersOutcome } from '../../app/save-answers.js';
import { isRefusal, isSpiegelError, SpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import type { Round } from '../../domain/round.js';
import { refusalText } from '../../presentation/error-text.js';
import { criterionText } from '../../presentation/round-texts.js';
import { partAt, promptParts, type PromptPart } from './cards/card-parts.js';
import { renderPromptCard, renderRetiredPromptCard, type PersonalView } from './cards/prompt-card.js';
import { promptInputIds } from './ids.js';
import { cardRefSchema, parseAnswerCard } from './parse.js';
import { invokeCard, invokeMessage, invokeUnanswered, refusal } from './reply.js';
import { renderMessageCard } from './cards/reply-cards.js';
import { LATE, settle, within, type Settled } from '../deadline.js';
import { translator } from '../../i18n/translator.js';
import type { TeamsRuntime } from './runtime.js';
import { type AnswerRefusal } from '../../domain/answers.js';
import { inputInvalid } from '../../domain/input-problems.js';

export interface ActionCall {
  rt: TeamsRuntime;
  context: TurnContext;
  actor: Actor;
  locale: Locale;
  data: Record<string, unknown>;
}

function invalidCard(): SpiegelError {
  return inputInvalid('foreignCard');
}

async function personalCard(call: ActionCall, round: Round, part: PromptPart, view: PersonalView) {
  const refreshUserIds = await call.rt.rounds.refreshUserIds(round);
  const progress = part.index === 0 ? await call.rt.rounds.progressOf(round) : null;
  return renderPromptCard({ round, part, locale: call.locale, progress, refreshUserIds, personal: view });
}

function refusalsOnCard(round: Round, refusals: readonly AnswerRefusal[], locale: Locale) {
  const inputErrors: Record<string, string> = {};
  const errors: string[] = [];
  for (const r of refusals) {
    if (r.field === 'open') {
      inputErrors[promptInputIds.open(r.questionId)] = refusalText(r, locale);
      const question = round.framework.questions.find((q) => q.id === r.questionId)?.text[locale] ?? r.questionId;
      errors.push(`${question}: ${refusalText(r, locale)}`);
      continue;
    }
    const id =
      r.field === 'comment' || r.dimension === null
        ? promptInputIds.comment(r.criterionId)
        : promptInputIds.rating(r.criterionId, r.dimension);
    inputErrors[id] = refusalText(r, locale);
    errors.push(`${criterionText(round, r.criterionId, locale)}: ${refusalText(r, locale)}`);
  }
  return { inputErrors, errors };
}

/** The member's own answers, ratings and open ones, for their view of a card. */
async function ownAnswers(rt: TeamsRuntime, actor: Actor, round: Round) {
  const [answers, openAnswers] = await Promise.all([answersIn(rt.ctx, actor, round), openAnswersIn(rt.ctx, actor, round)]);
  return { answers, openAnswers };
}

/**
 * Save: one round read, every answer checked first; a refusal returns the card as typed, with each refusal beside
 * its input. Teams hears "done" (the member's card) only once the answers are stored. When storing outlasts Teams'
 * window the invoke gets an error status (Teams shows the member the Save failed), and once the write completes
 * or fails the member is told in their personal chat: saved after all, or not saved.
 */
export async function saveCardAnswers(call: ActionCall): Promise<void> {
  const { rt, actor, locale } = call;
  const card = parseAnswerCard(call.data);
  if (!card) return invokeMessage(call.context, refusal(invalidCard(), locale, rt.logger));
  const stored = settle(
    saveAnswers(rt.ctx, actor, { roundId: card.roundId, answers: card.answers, openAnswers: card.openAnswers, wholeForm: true }),
  );
  if ((await within(stored, rt.saveWindow())) === LATE) {
    // The turn context is revoked once the turn ends: the activity is kept for the message.
    const activity = call.context.activity;
    await invokeUnanswered(call.context);
    void stored.then((outcome) => tellLateOutcome(call, activity, outcome));
    return;
  }
  const settled = await stored;
  try {
    if (!settled.ok) throw settled.error;
    const outcome = settled.value;
    if (!outcome.ok) {
      const { inputErrors, errors } = refusalsOnCard(outcome.round, outcome.refusals, locale);
      const view = {
        ...(await ownAnswers(rt, actor, outcome.round)),
        notice: { kind: 'errors', errors } as const,
        draft: card.draft,
        inputErrors,
      };
      await invokeCard(call.context, await personalCard(call, outcome.round, card.part, view));
      return;
    }
    if (outcome.saved.length > 0) rt.progress.answered(actor.tenantId, outcome.round.id);
    const changed = outcome.saved.length + outcome.openChanged;
    const notice = changed > 0 ? ({ kind: 'saved', count: changed } as const) : ({ kind: 'unchanged' } as const);
    const view = { answers: outcome.answers, openAnswers: outcome.openAnswers, notice };
    await invokeCard(call.context, await personalCard(call, outcome.round, card.part, view));
  } catch (error) {
    await invokeMessage(call.context, refusal(error, locale, rt.logger));
  }
}

/** A Save that settled after Teams' window: the member hears how it ended, in their personal chat. */
async function tellLateOutcome(call: ActionCall, activity: Partial<Activity>, settled: Settled<SaveAnswersOutcome>): Promise<void> {
  const { rt, locale } = call;
  const t = translator(locale);
  let text: string;
  const outcome = settled.ok ? settled.value : null;
  if (outcome?.ok) {
    if (outcome.saved.length > 0) rt.progress.answered(call.actor.tenantId, outcome.round.id);
    text = t('inbound.cardSavedLate', { round: outcome.round.name });
  } else if (outcome) {
    text = [t('inbound.cardNotSavedLate'), ...refusalsOnCard(outcome.round, outcome.refusals, locale).errors].join(' ');
  } else {
    const error = settled.ok ? null : settled.error;
    text = isSpiegelError(error) ? refusal(error, locale, rt.logger) : t('inbound.cardNotSavedLate');
    if (!isRefusal(error)) rt.logger.error({ err: error }, 'a late Teams Save failed');
  }
  try {
    const member = await rt.directory.sender(activity);
    invariant(member, 'the Save names no member to tell');
    await rt.messenger.sendToMember(member, [renderMessageCard(text)]);
  } catch (error) {
    rt.logger.error({ err: error }, 'could not tell a member how their late Save ended');
  }
}

/** The member's own view of a card; the shared view for those who do not take part; the final state once it ended. */
export async function showOwnView(call: ActionCall): Promise<void> {
  try {
    const ref = cardRefSchema.safeParse(call.data);
    if (!ref.success) throw invalidCard();
    const round = await getRound(call.rt.ctx, call.actor, ref.data.r);
    const part = partAt(round, ref.data.p);
    if (!part) throw invalidCard();
    if (round.state !== 'open') {
      const progress = part.index === 0 ? await call.rt.rounds.progressOf(round) : null;
      await invokeCard(call.context, renderRetiredPromptCard(round, part, progress));
      return;
    }
    if (!isParticipant(round, call.actor)) {
      const progress = part.index === 0 ? await call.rt.rounds.progressOf(round) : null;
      const refreshUserIds = await call.rt.rounds.refreshUserIds(round);
      await invokeCard(call.context, renderPromptCard({ round, part, locale: round.locale, progress, refreshUserIds }));
      return;
    }
    await invokeCard(call.context, await personalCard(call, round, part, await ownAnswers(call.rt, call.actor, round)));
  } catch (error) {
    await invokeMessage(call.context, refusal(error, call.locale, call.rt.logger));
  }
}

/** A member's own cards of a round, for their personal chat (`mine`, reminders). */
export async function personalPromptCards(rt: TeamsRuntime, round: Round, actor: Actor, locale: Locale, teamsId: string) {
  const personal = await ownAnswers(rt, actor, round);
  return promptParts(round).map((part) => renderPromptCard({ round, part, locale, progress: null, refreshUserIds: [teamsId], personal }));
}
