/**
 * The edge of the Teams adapter: the data of an Action.Execute becomes checked values here, with zod, before
 * anything else runs. What does not fit is null: the caller refuses it.
 */
import { z } from 'zod';
import { ratingOfChoice } from '../../presentation/round-texts.js';
import type { PromptPart } from './cards/card-parts.js';
import type { Draft } from './cards/prompt-card.js';
import { promptInputIds, verbs, type Verb } from './ids.js';
import { type AnswerInput, type OpenAnswerInput } from '../../domain/answers.js';
import { MAX_OPEN_QUESTIONS } from '../../domain/framework.js';

/** Longer than any comment Spiegel accepts, so the core can say how long it was; shorter than anything harmful. */
const MAX_TEXT_INPUT = 20_000;
const MAX_CRITERIA_ON_A_CARD = 50;

export const roundIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const criterionIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/);
const partIndexSchema = z.number().int().min(0).max(1000);

/** A prompt card's reference: round and part (the refresh and "Show my answers" buttons). */
export const cardRefSchema = z.object({ r: roundIdSchema, p: partIndexSchema });
export type CardRef = z.infer<typeof cardRefSchema>;

/**
 * A prompt card's Save: the card names the criteria it shows (`c`), its place among the round's cards (`p` of
 * `n`), and the criteria whose comment box started with the member's comment (`e`): there an empty box erases
 * the comment; elsewhere a comment left empty (Teams then sends nothing) is left as it was. Open questions the
 * same way: the card names those it asks (`q`) and those whose box started with the member's answer (`o`).
 */
const inputValue = z.string().max(MAX_TEXT_INPUT);

const answerCardSchema = cardRefSchema
  .extend({
    n: z.number().int().min(1).max(1000),
    c: z.array(criterionIdSchema).min(1).max(MAX_CRITERIA_ON_A_CARD),
    e: z.array(criterionIdSchema).max(MAX_CRITERIA_ON_A_CARD).optional(),
    q: z.array(criterionIdSchema).min(1).max(MAX_OPEN_QUESTIONS).optional(),
    o: z.array(criterionIdSchema).min(1).max(MAX_OPEN_QUESTIONS).optional(),
  })
  .catchall(inputValue)
  .refine((card) => card.p < card.n);

/** Inputs only: every value a bounded string (a number or a flag is taken as such; never an object or a list). */
const inputsOnly = z.record(z.string().regex(/^[A-Za-z0-9_|-]{1,200}$/), z.union([inputValue, z.number(), z.boolean()]));

/** An intervision step card: its session and step. */
const stepRefSchema = z.object({ s: roundIdSchema, n: z.number().int().min(0).max(20) });

/** What each verb's data may hold: its card's own fields, and inputs, which are always strings. */
const verbDataSchemas: Record<Verb, z.ZodType> = {
  [verbs.answer]: answerCardSchema,
  [verbs.refresh]: cardRefSchema.catchall(inputValue),
  [verbs.startFramework]: inputsOnly,
  [verbs.startBack]: inputsOnly,
  [verbs.startSubmit]: inputsOnly,
  [verbs.forgetConfirm]: inputsOnly,
  [verbs.forgetKeep]: inputsOnly,
  [verbs.scheduleSubmit]: inputsOnly,
  [verbs.settingsSave]: inputsOnly,
  [verbs.followUp]: z.object({ r: roundIdSchema }).catchall(inputValue),
  [verbs.scheduleChange]: z.object({ a: z.enum(['pause', 'resume', 'delete']), id: roundIdSchema }).catchall(inputValue),
  [verbs.intervisionStart]: inputsOnly,
  [verbs.intervisionContribute]: stepRefSchema.catchall(inputValue),
  [verbs.intervisionNext]: stepRefSchema.catchall(inputValue),
};

/** The data of an Action.Execute if it has the shape its verb's card sends; null otherwise. */
export function checkCardData(verb: Verb, data: unknown): Record<string, unknown> | null {
  const given = data === undefined ? {} : data;
  return verbDataSchemas[verb].safeParse(given).success ? (given as Record<string, unknown>) : null;
}

/** The fields of an activity Spiegel reads, of the types Bot Framework gives them; anything else is a 400. */
const activitySchema = z.looseObject({
  type: z.string().max(64),
  text: z.string().max(28_000).optional(),
  locale: z.string().max(32).optional(),
  localTimezone: z.string().max(64).optional(),
  replyToId: z.string().max(512).optional(),
  from: z
    .looseObject({ id: z.string().max(512), name: z.string().max(512).optional(), aadObjectId: z.string().max(64).optional() })
    .optional(),
  conversation: z.looseObject({ id: z.string().max(1024), tenantId: z.string().max(64).optional() }).optional(),
  channelData: z.looseObject({}).optional(),
  value: z.looseObject({}).optional(),
});

export function isActivity(body: unknown): boolean {
  return activitySchema.safeParse(body).success;
}

export interface AnswerCard {
  roundId: string;
  part: PromptPart;
  answers: AnswerInput[];
  openAnswers: OpenAnswerInput[];
  /** What was typed, to show again after a refusal. */
  draft: Draft;
}

export function parseAnswerCard(data: Record<string, unknown>): AnswerCard | null {
  const card = answerCardSchema.safeParse(data);
  if (!card.success) return null;
  const { r: roundId, p, n, c: criterionIds, e: prefilled = [], q: questionIds = [], o: prefilledOpen = [] } = card.data;
  const answers: AnswerInput[] = [];
  const openAnswers: OpenAnswerInput[] = [];
  const draft: Draft = { ratings: {}, comments: {}, open: {} };
  for (const [key, raw] of Object.entries(data)) {
    const [kind, criterionId, dimension, ...rest] = key.split('|');
    if (kind !== 'rate' || !criterionId || !dimension || rest.length > 0 || !criterionIds.includes(criterionId)) continue;
    if (key !== promptInputIds.rating(criterionId, dimension)) continue;
    const typed = inputValue.safeParse(raw);
    if (!typed.success) return null;
    const value = ratingOfChoice(typed.data.trim());
    if (value === null) return null;
    answers.push({ criterionId, dimension, value });
    draft.ratings[`${criterionId}|${dimension}`] = typed.data.trim();
  }
  for (const criterionId of criterionIds) {
    const raw = data[promptInputIds.comment(criterionId)];
    if (raw === undefined) {
      if (prefilled.includes(criterionId)) answers.push({ criterionId, comment: null });
      continue;
    }
    const typed = inputValue.safeParse(raw);
    if (!typed.success) return null;
    answers.push({ criterionId, comment: typed.data });
    draft.comments[criterionId] = typed.data;
  }
  for (const questionId of questionIds) {
    const raw = data[promptInputIds.open(questionId)];
    if (raw === undefined) {
      if (prefilledOpen.includes(questionId)) openAnswers.push({ questionId, text: null });
      continue;
    }
    const typed = inputValue.safeParse(raw);
    if (!typed.success) return null;
    openAnswers.push({ questionId, text: typed.data });
    draft.open[questionId] = typed.data;
  }
  return { roundId, part: { index: p, count: n, criterionIds }, answers, openAnswers, draft };
}
