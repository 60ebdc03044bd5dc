/**
 * Answers in words to a round's open questions: checked, compared and written as part of saveAnswers (the one
 * way answers are stored), kept apart from ratings so that no statistic counts them.
 */
import { SpiegelError } from '../domain/errors.js';
import { MAX_OPEN_ANSWER_LENGTH, type OpenAnswer, type Round } from '../domain/round.js';
import type { AnswerRefusal, OpenAnswerInput } from '../domain/answers.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { respondentKey } from './pseudonym.js';

/** An open answer checked against the round: the question exists, the text is trimmed, null removes it. */
export interface CheckedOpenAnswer {
  questionId: string;
  text: string | null;
}

/** Checks every open input; a refusal per refused one. The last input for a question wins. */
export function checkOpenAnswers(round: Round, inputs: readonly OpenAnswerInput[], refusals: AnswerRefusal[]): CheckedOpenAnswer[] {
  const checked = new Map<string, CheckedOpenAnswer>();
  for (const input of inputs) {
    if (!round.framework.questions.some((q) => q.id === input.questionId)) {
      const error = new SpiegelError('question.unknown', `question not in round ${round.id}`);
      refusals.push({ questionId: input.questionId, field: 'open', code: error.code, params: error.details });
      continue;
    }
    const text = input.text?.trim() ?? '';
    if (text.length > MAX_OPEN_ANSWER_LENGTH) {
      refusals.push({
        questionId: input.questionId,
        field: 'open',
        code: 'openAnswer.tooLong',
        params: { length: text.length, max: MAX_OPEN_ANSWER_LENGTH },
      });
      continue;
    }
    checked.set(input.questionId, { questionId: input.questionId, text: text === '' ? null : text });
  }
  return [...checked.values()];
}

/** What would change something: a new or different text, or the removal of an answer that exists. */
export function openAnswerChanges(checked: readonly CheckedOpenAnswer[], stored: readonly OpenAnswer[]): CheckedOpenAnswer[] {
  return checked.filter((answer) => {
    const before = stored.find((s) => s.questionId === answer.questionId);
    return answer.text === null ? before !== undefined : answer.text !== before?.text;
  });
}

/** Writes the changes and returns the member's open answers after them. */
export async function writeOpenAnswers(
  ctx: AppContext,
  tenantId: string,
  who: { round: Round; respondent: string; at: Date | null },
  changes: readonly CheckedOpenAnswer[],
  stored: readonly OpenAnswer[],
): Promise<OpenAnswer[]> {
  const byQuestion = new Map(stored.map((a) => [a.questionId, a]));
  await Promise.all(
    changes.map(async ({ questionId, text }) => {
      const key = { roundId: who.round.id, questionId, respondent: who.respondent };
      if (text === null) {
        await ctx.stores.openAnswers.remove(tenantId, key);
        byQuestion.delete(questionId);
        return;
      }
      const answer: OpenAnswer = { ...key, text, updatedAt: who.at };
      await ctx.stores.openAnswers.put(tenantId, answer);
      byQuestion.set(questionId, answer);
    }),
  );
  return [...byQuestion.values()];
}

/** The caller's own open answers in a round they read already: what a form or card is prefilled with. */
export async function openAnswersIn(ctx: AppContext, actor: Actor, round: Round): Promise<OpenAnswer[]> {
  if (round.place.tenantId !== actor.tenantId || round.framework.questions.length === 0) return [];
  return ctx.stores.openAnswers.listForRespondent(actor.tenantId, round.id, respondentKey(ctx, round, actor.userId));
}
