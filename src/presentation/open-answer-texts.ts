/** A summary's open questions as localised text: each question with its answers, or why they are not shown. */
import type { Locale } from '../domain/framework.js';
import type { Round } from '../domain/round.js';
import type { Summary } from '../domain/summary-types.js';
import { translator } from '../i18n/translator.js';
import { componentTitle } from './round-texts.js';

export interface OpenQuestionView {
  /** The question, after its component's title when it is about one. */
  title: string;
  answers: string[];
  /** Fewer than k in an anonymous round, no answers, or how many answered. */
  note: string;
}

export function openQuestionViews(round: Round, summary: Summary, locale: Locale): OpenQuestionView[] {
  const t = translator(locale);
  return (summary.openQuestions ?? []).map((entry) => {
    const question = round.framework.questions.find((q) => q.id === entry.questionId)?.text[locale] ?? entry.questionId;
    const title = entry.component ? `${componentTitle(round, entry.component, locale)}: ${question}` : question;
    const note = entry.fewerThanK
      ? t('open.summary.fewerThanK', { k: round.settings.anonymityThreshold })
      : entry.answers.length === 0
        ? t('open.summary.noAnswers')
        : t('open.summary.answered', { count: entry.answers.length });
    return { title, answers: entry.answers, note };
  });
}
