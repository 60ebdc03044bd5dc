/** A member's stored answers as rows (export files) and as plain text (chat), in the reader's language. Pure. */
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import { answerLabel, answerName, sortAnswers } from './answer-texts.js';
import { componentTitle, criterionText, dimensionLabel } from './round-texts.js';
import { answerCount, type MemberData, type MemberRoundData } from '../domain/member-data.js';
import type { OpenAnswer, Round } from '../domain/round.js';

export interface MemberAnswerRow {
  roundId: string;
  round: string;
  place: string;
  state: string;
  anonymous: boolean;
  openedAt: string;
  closedAt: string;
  component: string;
  criterionId: string;
  criterion: string;
  dimension: string;
  /** Empty on an open answer. */
  value: number | 'na' | '';
  comment: string;
  /** The answer in words to an open question (then `criterionId` and `criterion` are the question's). */
  openAnswer: string;
  /** When the answer was last changed; empty in anonymous rounds, which do not store it. */
  answeredAt: string;
}

export const memberAnswerColumns: readonly (keyof MemberAnswerRow)[] = [
  'roundId',
  'round',
  'place',
  'state',
  'anonymous',
  'openedAt',
  'closedAt',
  'component',
  'criterionId',
  'criterion',
  'dimension',
  'value',
  'comment',
  'openAnswer',
  'answeredAt',
];

/** The member's open answers of a round, in the framework's order of its questions. */
function sortedOpenAnswers({ round, openAnswers }: MemberRoundData): OpenAnswer[] {
  const order = round.framework.questions.map((q) => q.id);
  return [...openAnswers].sort((a, b) => order.indexOf(a.questionId) - order.indexOf(b.questionId));
}

function questionText(round: Round, questionId: string, locale: Locale): string {
  return round.framework.questions.find((q) => q.id === questionId)?.text[locale] ?? questionId;
}

export function memberAnswerRows(data: MemberData, locale: Locale): MemberAnswerRow[] {
  return data.rounds.flatMap((entry) => {
    const { round, answers } = entry;
    const about = {
      roundId: round.id,
      round: round.name,
      place: `${round.place.platform}:${round.place.channelId}`,
      state: round.state,
      anonymous: round.anonymous,
      openedAt: round.openedAt.toISOString(),
      closedAt: round.closedAt?.toISOString() ?? '',
    };
    const ratings = sortAnswers(round, answers).map((a) => ({
      ...about,
      component: componentTitle(round, round.framework.criteria.find((c) => c.id === a.criterionId)?.component ?? '', locale),
      criterionId: a.criterionId,
      criterion: criterionText(round, a.criterionId, locale),
      dimension: dimensionLabel(round, a.dimension, locale) || a.dimension,
      value: a.value,
      comment: a.comment ?? '',
      openAnswer: '',
      answeredAt: a.updatedAt?.toISOString() ?? '',
    }));
    const open = sortedOpenAnswers(entry).map((a) => {
      const component = round.framework.questions.find((q) => q.id === a.questionId)?.component;
      return {
        ...about,
        component: component ? componentTitle(round, component, locale) : '',
        criterionId: a.questionId,
        criterion: questionText(round, a.questionId, locale),
        dimension: '',
        value: '' as const,
        comment: '',
        openAnswer: a.text,
        answeredAt: a.updatedAt?.toISOString() ?? '',
      };
    });
    return [...ratings, ...open];
  });
}

export function memberDataCsv(data: MemberData, locale: Locale): string {
  return stringify(memberAnswerRows(data, locale), { header: true, columns: [...memberAnswerColumns] });
}

export function memberDataJson(data: MemberData, locale: Locale): string {
  const document = {
    tenant: data.tenantId,
    member: data.memberId,
    exportedAt: data.exportedAt.toISOString(),
    answers: memberAnswerRows(data, locale),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export interface MemberDataText {
  title: string;
  /** Per round: a heading and one line per answer (with its comment). */
  sections: { heading: string; lines: string[] }[];
  /** A note on the answers left out to fit a chat message; null when all are shown. */
  more: string | null;
  /** How anonymous rounds store answers, when the member took part in one. */
  anonymousNote: string | null;
}

/** The answers as chat text, at most `maxAnswers` of them (the export files hold all). */
export function memberDataText(data: MemberData, locale: Locale, maxAnswers: number): MemberDataText {
  const t = translator(locale);
  const total = answerCount(data);
  const sections: MemberDataText['sections'] = [];
  let shown = 0;
  for (const entry of data.rounds) {
    const { round, answers } = entry;
    if (shown >= maxAnswers) break;
    const ratingLines = sortAnswers(round, answers).map((a) => {
      const line = t('lifecycle.access.answer', { criterion: answerName(round, a, locale), answer: answerLabel(round, a.value, locale) });
      return a.comment ? t('lifecycle.access.withComment', { line, comment: a.comment }) : line;
    });
    const openLines = sortedOpenAnswers(entry).map((a) =>
      t('open.access.answer', { question: questionText(round, a.questionId, locale), answer: a.text }),
    );
    const lines = [...ratingLines, ...openLines].slice(0, maxAnswers - shown);
    shown += lines.length;
    sections.push({ heading: t('lifecycle.access.round', { name: round.name, state: t(`state.${round.state}`) }), lines });
  }
  return {
    title: total === 0 ? t('lifecycle.access.none') : t('lifecycle.access.title', { count: total, rounds: data.rounds.length }),
    sections,
    more: shown < total ? t('lifecycle.access.more', { count: total - shown }) : null,
    anonymousNote: data.rounds.some((r) => r.round.anonymous) ? t('lifecycle.access.anonymousNote') : null,
  };
}
