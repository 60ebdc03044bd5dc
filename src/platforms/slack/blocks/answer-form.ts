/**
 * The answers form (a modal): the criteria of one part of a component, each with a select per
 * dimension and a comment box, prefilled with the member's current answers.
 */
import type { types } from '@slack/bolt';
import type { Locale } from '../../../domain/framework.js';
import {
  MAX_COMMENT_LENGTH,
  MAX_OPEN_ANSWER_LENGTH,
  roundDimensionIds,
  type OpenAnswer,
  type Response,
  type Round,
} from '../../../domain/round.js';
import { translator } from '../../../i18n/translator.js';
import { componentTitle, criterionText, scaleChoices } from '../../../presentation/round-texts.js';
import { callbackIds, encodeFormTarget, formBlockIds, type FormTarget } from '../ids.js';
import { criteriaInPart, criteriaOf, criteriaPerForm, questionsInPart } from './form-parts.js';
import { context, escapeMrkdwn, limits, option, plain, section } from './limits.js';
import { dimensionText } from './round-format.js';

export interface AnswerFormInput {
  round: Round;
  locale: Locale;
  target: FormTarget;
  /** The member's own answers in the round. */
  answers: readonly Response[];
  /** The member's own answers to the round's open questions (none when absent). */
  openAnswers?: readonly OpenAnswer[];
  /** A line above the criteria, e.g. "Saved 4 answers. Next: Intake." */
  notice?: string;
}

/** The open questions of a part: a multiline text box each, with the member's answer in it. */
function openQuestionInputs(round: Round, target: FormTarget, locale: Locale, openAnswers: readonly OpenAnswer[]): types.KnownBlock[] {
  const questions = questionsInPart(round, target);
  if (questions.length === 0) return [];
  const t = translator(locale);
  return [
    context(`*${escapeMrkdwn(t('open.form.heading'))}* · ${escapeMrkdwn(t('open.form.hint'))}`),
    ...questions.map((q): types.KnownBlock => {
      const answer = openAnswers.find((a) => a.questionId === q.id)?.text;
      return {
        type: 'input',
        block_id: formBlockIds.open(q.id),
        optional: true,
        label: plain(q.text[locale], limits.inputLabel),
        element: {
          type: 'plain_text_input',
          action_id: 'open',
          multiline: true,
          max_length: MAX_OPEN_ANSWER_LENGTH,
          ...(answer ? { initial_value: answer } : {}),
        },
      };
    }),
  ];
}

export function renderAnswerForm({ round, locale, target, answers, openAnswers = [], notice }: AnswerFormInput): types.ModalView {
  const t = translator(locale);
  const ids = criteriaInPart(round, target) ?? [];
  const dimensions = roundDimensionIds(round);
  const choices = scaleChoices(round, locale).map((c) => option(c.label, c.value));
  const total = criteriaOf(round, target.componentId).length;
  const parts = Math.ceil(total / criteriaPerForm(round));
  const part = Math.floor(target.from / criteriaPerForm(round)) + 1;
  const title = componentTitle(round, target.componentId, locale);

  const blocks: types.KnownBlock[] = [];
  if (notice) blocks.push(context(escapeMrkdwn(notice)));
  blocks.push(
    context(`*${escapeMrkdwn(parts > 1 ? t('slack.form.part', { component: title, part, parts }) : title)}* · ${escapeMrkdwn(round.name)}`),
  );

  for (const criterionId of ids) {
    const text = criterionText(round, criterionId, locale);
    if (dimensions.length > 1) blocks.push(section(`*${escapeMrkdwn(text)}*`, `text|${criterionId}`));
    for (const dimension of dimensions) {
      const current = answers.find((a) => a.criterionId === criterionId && a.dimension === dimension);
      const initial = current ? choices.find((c) => c.value === String(current.value)) : undefined;
      blocks.push({
        type: 'input',
        block_id: formBlockIds.rating(criterionId, dimension),
        optional: true,
        label: plain(dimensions.length > 1 ? dimensionText(round, dimension, locale) : text, limits.inputLabel),
        element: {
          type: 'static_select',
          action_id: 'rating',
          placeholder: plain(t('slack.form.choose'), limits.placeholder),
          options: choices,
          ...(initial ? { initial_option: initial } : {}),
        },
      });
    }
    const firstDimension = dimensions[0] ?? '';
    const comment = answers.find((a) => a.criterionId === criterionId && a.dimension === firstDimension)?.comment;
    blocks.push({
      type: 'input',
      block_id: formBlockIds.comment(criterionId),
      optional: true,
      label: plain(
        dimensions.length > 1
          ? t('slack.form.commentWithDimension', { dimension: dimensionText(round, firstDimension, locale).toLowerCase() })
          : t('slack.form.comment'),
        limits.inputLabel,
      ),
      element: {
        type: 'plain_text_input',
        action_id: 'comment',
        multiline: true,
        max_length: MAX_COMMENT_LENGTH,
        ...(comment ? { initial_value: comment } : {}),
      },
    });
  }

  blocks.push(...openQuestionInputs(round, target, locale, openAnswers));

  return {
    type: 'modal',
    callback_id: callbackIds.answers,
    private_metadata: encodeFormTarget(target),
    title: plain(t('slack.form.title'), limits.viewTitle),
    submit: plain(t('slack.form.submit'), limits.viewSubmit),
    close: plain(t('slack.form.close'), limits.viewSubmit),
    blocks: blocks.slice(0, limits.blocksPerView),
  };
}

const noticeTitles = { saved: 'slack.form.savedTitle', saving: 'slack.form.savingTitle', notSaved: 'slack.form.notSavedTitle' } as const;

/** Shown after saving (titled "Saved" only when everything was), while a slow save completes, or for a refusal. */
export function renderNoticeView(locale: Locale, title: keyof typeof noticeTitles, lines: string[]): types.ModalView {
  const t = translator(locale);
  return {
    type: 'modal',
    callback_id: callbackIds.saved,
    title: plain(t(noticeTitles[title]), limits.viewTitle),
    close: plain(t('slack.form.close'), limits.viewSubmit),
    blocks: [section(lines.map(escapeMrkdwn).join('\n'))],
  };
}
