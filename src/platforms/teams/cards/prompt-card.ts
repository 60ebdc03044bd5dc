/**
 * The prompt cards of a round. The shared card, posted in the channel, holds the questions and (on the first
 * card) the public progress, never an answer. Each member's own view (a card refresh, the answer to their
 * Save, or a copy in their personal chat) shows their answers filled in, so they can revise them.
 */
import type { Locale } from '../../../domain/framework.js';
import { MAX_OPEN_ANSWER_LENGTH, roundDimensionIds, type OpenAnswer, type Response, type Round } from '../../../domain/round.js';
import { translator, type Translate } from '../../../i18n/translator.js';
import { answeredCount, progressText, type ProgressCount } from '../../../presentation/answer-texts.js';
import { componentTitle } from '../../../presentation/round-texts.js';
import { promptInputIds, verbs } from '../ids.js';
import { questionsOnPart, type PromptPart } from './card-parts.js';
import { criterionInputs, type CriterionValues } from './criterion-inputs.js';
import {
  adaptiveCard,
  attention,
  cardBytes,
  cardDateTime,
  execute,
  good,
  heading,
  MAX_CARD_BYTES,
  MAX_REFRESH_USERS,
  plain,
  subtle,
  textBlock,
  type AdaptiveCardJson,
  type CardElement,
} from './elements.js';

/** What happened on the member's last Save, shown above the questions. */
export type Notice = { kind: 'saved'; count: number } | { kind: 'unchanged' } | { kind: 'errors'; errors: string[] };

/** Values typed but not saved (after a refusal): shown again so nothing typed is lost. */
export interface Draft {
  ratings: Record<string, string>;
  comments: Record<string, string>;
  /** Open answers typed, by question id. */
  open: Record<string, string>;
}

export interface PersonalView {
  answers: readonly Response[];
  /** The member's answers to the round's open questions (none when absent). */
  openAnswers?: readonly OpenAnswer[];
  notice?: Notice;
  draft?: Draft;
  /** Refusals beside their inputs: input id → text. */
  inputErrors?: Readonly<Record<string, string>>;
}

export interface PromptCardInput {
  round: Round;
  part: PromptPart;
  locale: Locale;
  /** Public progress, shown on the first card. */
  progress: ProgressCount | null;
  /** Teams ids of the members whose view refreshes automatically (Teams allows 60). */
  refreshUserIds: readonly string[];
  /** Absent: the shared card. */
  personal?: PersonalView;
}

function introLines(t: Translate, round: Round): CardElement[] {
  return [
    textBlock(round.deadline ? t('teams.round.deadline', { deadline: cardDateTime(round.deadline) }) : t('teams.round.noDeadline')),
    subtle(round.anonymous ? t('teams.round.anonymous') : t('teams.round.private')),
  ];
}

function header(t: Translate, round: Round, part: PromptPart, locale: Locale): CardElement[] {
  const framework = round.framework.title[locale];
  const where = part.count > 1 ? `${framework} · ${t('teams.round.part', { part: part.index + 1, parts: part.count })}` : framework;
  return [heading(t('teams.round.header', { name: plain(round.name) })), subtle(where)];
}

function noticeBlock(t: Translate, notice: Notice): CardElement[] {
  switch (notice.kind) {
    case 'saved':
      return [good(t('teams.round.saved', { count: notice.count }))];
    case 'unchanged':
      return [good(t('teams.round.nothingChanged'))];
    case 'errors':
      return [
        attention(t('teams.round.notSaved')),
        ...notice.errors.map((e) => textBlock(`- ${e}`, { color: 'Attention', spacing: 'None' })),
      ];
  }
}

function valuesFor(round: Round, criterionId: string, personal: PersonalView): CriterionValues {
  const ratings: Record<string, string> = {};
  let comment: string | null = null;
  const [firstDimension] = roundDimensionIds(round);
  for (const answer of personal.answers) {
    if (answer.criterionId !== criterionId) continue;
    ratings[answer.dimension] = String(answer.value);
    if (answer.dimension === firstDimension) comment = answer.comment;
  }
  const draft = personal.draft;
  if (draft) {
    for (const dimension of roundDimensionIds(round)) {
      const value = draft.ratings[`${criterionId}|${dimension}`];
      if (value) ratings[dimension] = value;
    }
    const typed = draft.comments[criterionId];
    if (typed !== undefined) comment = typed === '' ? null : typed;
  }
  return { ratings, comment, ...(personal.inputErrors ? { errors: personal.inputErrors } : {}) };
}

/** What an open question's box starts with: what the member typed before a refusal, else their stored answer. */
function openValue(questionId: string, personal: PersonalView | undefined): string | null {
  const typed = personal?.draft?.open[questionId];
  if (typed !== undefined) return typed === '' ? null : typed;
  return personal?.openAnswers?.find((a) => a.questionId === questionId)?.text ?? null;
}

function openQuestionInputs(round: Round, part: PromptPart, locale: Locale, personal: PersonalView | undefined): CardElement[] {
  const questions = questionsOnPart(round, part);
  if (questions.length === 0) return [];
  const t = translator(locale);
  const items: CardElement[] = [
    textBlock(t('open.form.heading'), { size: 'Medium', weight: 'Bolder', color: 'Accent', spacing: 'Large' }),
    subtle(t('open.form.hint')),
  ];
  for (const q of questions) {
    const value = openValue(q.id, personal);
    const id = promptInputIds.open(q.id);
    items.push({
      type: 'Input.Text',
      id,
      label: q.text[locale],
      isMultiline: true,
      maxLength: MAX_OPEN_ANSWER_LENGTH,
      ...(value ? { value } : {}),
    });
    const refused = personal?.inputErrors?.[id];
    if (refused) items.push(textBlock(refused, { color: 'Attention', spacing: 'None', size: 'Small' }));
  }
  return items;
}

function componentHeading(round: Round, componentId: string, locale: Locale): CardElement {
  return textBlock(componentTitle(round, componentId, locale), { size: 'Medium', weight: 'Bolder', color: 'Accent', spacing: 'Large' });
}

function refreshOf(round: Round, part: PromptPart, userIds: readonly string[]): Partial<AdaptiveCardJson> {
  if (round.state !== 'open' || userIds.length === 0) return {};
  return {
    refresh: {
      action: { type: 'Action.Execute', verb: verbs.refresh, data: { r: round.id, p: part.index } },
      userIds: userIds.slice(0, MAX_REFRESH_USERS),
    },
  };
}

function build(input: PromptCardInput, folded: ReadonlySet<string>): AdaptiveCardJson {
  const { round, part, locale, personal } = input;
  const t = translator(locale);
  const body: CardElement[] = header(t, round, part, locale);
  if (part.index === 0) body.push(...introLines(t, round));
  if (input.progress) body.push(textBlock(progressText(t, input.progress), { weight: 'Bolder' }));
  if (personal) {
    if (personal.notice) body.push(...noticeBlock(t, personal.notice));
    body.push(subtle(t('teams.round.yourProgress', answeredCount(round, personal.answers))));
  } else if (part.index === 0) {
    body.push(subtle(t('teams.round.howTo')));
  }
  let component: string | null = null;
  for (const criterionId of part.criterionIds) {
    const criterion = round.framework.criteria.find((c) => c.id === criterionId);
    if (!criterion) continue;
    if (criterion.component !== component) {
      component = criterion.component;
      body.push(componentHeading(round, component, locale));
    }
    const values = personal ? valuesFor(round, criterionId, personal) : undefined;
    body.push(criterionInputs(round, criterionId, locale, values && folded.has(criterionId) ? { ...values, foldedComment: true } : values));
  }
  body.push(...openQuestionInputs(round, part, locale, personal));
  // The card names its criteria and open questions, and the boxes that start with the member's text (see parse.ts).
  const prefilled = personal ? part.criterionIds.filter((id) => !folded.has(id) && valuesFor(round, id, personal).comment) : [];
  const questions = questionsOnPart(round, part).map((q) => q.id);
  const prefilledOpen = questions.filter((id) => openValue(id, personal) !== null);
  const data = {
    r: round.id,
    p: part.index,
    n: part.count,
    c: part.criterionIds,
    ...(prefilled.length > 0 ? { e: prefilled } : {}),
    ...(questions.length > 0 ? { q: questions } : {}),
    ...(prefilledOpen.length > 0 ? { o: prefilledOpen } : {}),
  };
  const actions = [execute(t('teams.round.save'), verbs.answer, data, { style: 'positive' })];
  if (!personal)
    actions.push(execute(t('teams.round.showMine'), verbs.refresh, { r: round.id, p: part.index }, { associatedInputs: 'none' }));
  return adaptiveCard(body, actions, refreshOf(round, part, input.refreshUserIds));
}

/**
 * A prompt card. In a member's view, comments too long to fit the card under Teams' size limit are folded
 * (longest first): their box starts empty with a preview beside it, and leaving it empty keeps the comment.
 */
export function renderPromptCard(input: PromptCardInput): AdaptiveCardJson {
  const folded = new Set<string>();
  let card = build(input, folded);
  if (!input.personal) return card;
  const byLength = input.part.criterionIds
    .map((id) => ({ id, length: valuesFor(input.round, id, input.personal!).comment?.length ?? 0 }))
    .filter((c) => c.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const { id } of byLength) {
    if (cardBytes(card) <= MAX_CARD_BYTES) break;
    folded.add(id);
    card = build(input, folded);
  }
  return card;
}

/** A prompt card after the round ended: no questions, no buttons; the first card keeps the final progress. */
export function renderRetiredPromptCard(round: Round, part: PromptPart, progress: ProgressCount | null): AdaptiveCardJson {
  const t = translator(round.locale);
  const body = header(t, round, part, round.locale);
  if (progress) body.push(textBlock(progressText(t, progress), { weight: 'Bolder' }));
  body.push(textBlock(round.state === 'cancelled' ? t('teams.round.cancelled') : t('teams.round.closed')));
  return adaptiveCard(body);
}
