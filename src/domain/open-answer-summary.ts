/** What a summary shows of a round's open questions: the answers in words, never who wrote them, and k in anonymous rounds. */
import type { OpenAnswer, Round } from './round.js';

export interface OpenQuestionSummary {
  questionId: string;
  /** The component the question is about; null for a question about the whole round. */
  component: string | null;
  /** How many members answered; null when withheld (fewer than k in an anonymous round). */
  answered: number | null;
  /** An anonymous round's question that fewer than k members answered: nothing of it is shown. */
  fewerThanK: boolean;
  /** The answers, in alphabetical order (never in the order given, which could point to a person). */
  answers: string[];
}

/**
 * One entry per open question of the round, in the framework's order. In an anonymous round a question's answers
 * are shown only when at least k members answered it; no view ever names who wrote an answer.
 */
export function summarizeOpenAnswers(
  round: Pick<Round, 'framework' | 'anonymous' | 'settings' | 'locale'>,
  answers: readonly OpenAnswer[],
): OpenQuestionSummary[] {
  const collator = new Intl.Collator(round.locale);
  return round.framework.questions.map((question) => {
    const texts = answers.filter((a) => a.questionId === question.id).map((a) => a.text);
    const fewerThanK = round.anonymous && texts.length < round.settings.anonymityThreshold;
    return {
      questionId: question.id,
      component: question.component ?? null,
      answered: fewerThanK ? null : texts.length,
      fewerThanK,
      answers: fewerThanK ? [] : texts.sort(collator.compare),
    };
  });
}
