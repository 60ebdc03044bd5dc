import { describe, expect, it } from 'vitest';
import { summarizeOpenAnswers } from '../../src/domain/open-answer-summary.js';
import { defaultSummarySettings, type OpenAnswer, type Round } from '../../src/domain/round.js';

const text = (en: string) => ({ en, nl: en });
const round = (anonymous: boolean): Pick<Round, 'framework' | 'anonymous' | 'settings' | 'locale'> => ({
  anonymous,
  locale: 'en',
  settings: { ...defaultSummarySettings, anonymityThreshold: 3 },
  framework: {
    id: 'f',
    version: '1',
    title: text('F'),
    scale: { min: 1, max: 5, labels: {}, allowNotApplicable: true },
    components: [{ id: 'intake', title: text('Intake') }],
    criteria: [{ id: 'c', component: 'intake', perspective: 'process', text: text('C') }],
    dimensions: [],
    questions: [
      { id: 'missing', component: 'intake', text: text('What is missing?') },
      { id: 'best', text: text('What went best?') },
    ],
  },
});
const answer = (questionId: string, respondent: string, value: string): OpenAnswer => ({
  roundId: 'r',
  questionId,
  respondent,
  text: value,
  updatedAt: null,
});
const answers = [
  answer('missing', 'a', 'zebra'),
  answer('missing', 'b', 'Apple'),
  answer('best', 'a', 'x'),
  answer('best', 'b', 'y'),
  answer('best', 'c', 'b'),
];

describe('summarizeOpenAnswers', () => {
  it('lists every question in the framework’s order, its answers alphabetically and without respondents', () => {
    expect(summarizeOpenAnswers(round(false), answers)).toEqual([
      { questionId: 'missing', component: 'intake', answered: 2, fewerThanK: false, answers: ['Apple', 'zebra'] },
      { questionId: 'best', component: null, answered: 3, fewerThanK: false, answers: ['b', 'x', 'y'] },
    ]);
  });

  it('withholds, in an anonymous round, a question fewer than k members answered: no answers, no count', () => {
    expect(summarizeOpenAnswers(round(true), answers)).toEqual([
      { questionId: 'missing', component: 'intake', answered: null, fewerThanK: true, answers: [] },
      { questionId: 'best', component: null, answered: 3, fewerThanK: false, answers: ['b', 'x', 'y'] },
    ]);
  });
});
