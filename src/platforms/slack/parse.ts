/**
 * The edge of the Slack adapter: raw payload fields (button values, view state, private_metadata) become
 * checked values here, with zod, before anything else runs. What does not fit is null: the caller refuses it.
 */
import { z } from 'zod';
import { ratingOfChoice } from '../../presentation/round-texts.js';
import { actionIds, callbackIds, decodeCriterionRef, decodeFormTarget, decodeRate, formBlockIds, rateActionPattern } from './ids.js';
import { type AnswerInput, type OpenAnswerInput } from '../../domain/answers.js';

/** Longer than any comment Spiegel accepts, so the core can say how long it was; shorter than anything harmful. */
const MAX_TEXT_INPUT = 20_000;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const selectState = z.object({ selected_option: z.object({ value: z.string().max(64) }).nullish() });
/** Slack sends `value: null` for an empty box: a state without `value` (`{ $ne: null }`) is not a box Spiegel sent. */
const textState = z.object({ value: z.string().max(MAX_TEXT_INPUT).nullable() });

export interface FormRefusal {
  blockId: string;
}

/**
 * The answers in a submitted answers form, from its block ids (`rating|<criterion>|<dimension>`,
 * `comment|<criterion>`, `open|<question>`): ratings chosen, comments and open answers (empty = removed). An
 * input missing from the state is left unchanged. Inputs whose state has the wrong shape are returned apart, by block id.
 */
export function readAnswerForm(values: unknown): { answers: AnswerInput[]; openAnswers: OpenAnswerInput[]; malformed: string[] } {
  const state = z.record(z.string(), z.record(z.string(), z.unknown())).safeParse(values);
  const answers = new Map<string, AnswerInput>();
  const openAnswers: OpenAnswerInput[] = [];
  const malformed: string[] = [];
  if (!state.success) return { answers: [], openAnswers, malformed };
  const item = (criterionId: string, dimension?: string) => {
    const key = `${criterionId}|${dimension ?? ''}`;
    const existing = answers.get(key);
    if (existing) return existing;
    const created: AnswerInput = { criterionId, ...(dimension ? { dimension } : {}) };
    answers.set(key, created);
    return created;
  };
  for (const [blockId, actions] of Object.entries(state.data)) {
    const [kind, criterionId, dimension, ...rest] = blockId.split('|');
    if (!criterionId || !ID.test(criterionId) || rest.length > 0) continue;
    if (kind === 'rating' && dimension && ID.test(dimension) && blockId === formBlockIds.rating(criterionId, dimension)) {
      const parsed = selectState.safeParse(actions.rating);
      const chosen = parsed.success ? parsed.data.selected_option?.value : undefined;
      if (!parsed.success || (chosen !== undefined && ratingOfChoice(chosen) === null)) malformed.push(blockId);
      else if (chosen !== undefined) item(criterionId, dimension).value = ratingOfChoice(chosen)!;
    } else if (kind === 'comment' && dimension === undefined) {
      const parsed = textState.safeParse(actions.comment);
      if (!parsed.success) malformed.push(blockId);
      else item(criterionId).comment = parsed.data.value ?? null;
    } else if (kind === 'open' && dimension === undefined) {
      const parsed = textState.safeParse(actions.open);
      if (!parsed.success) malformed.push(blockId);
      else openAnswers.push({ questionId: criterionId, text: parsed.data.value ?? null });
    }
  }
  return { answers: [...answers.values()], openAnswers, malformed };
}

const roundIdText = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const idText = z.string().regex(ID);
const buttonValue = z.string().max(300);
const selected = z.object({ selected_option: z.object({ value: z.string().max(64) }) });
const button = (value: z.ZodType<string>) => z.object({ value });
const optionalValue = z.object({ value: buttonValue.optional() });

const rateValue = buttonValue.refine((v) => {
  const rate = decodeRate(v);
  return (
    rate !== null &&
    roundIdText.safeParse(rate.roundId).success &&
    idText.safeParse(rate.criterionId).success &&
    idText.safeParse(rate.dimension).success &&
    ratingOfChoice(rate.value) !== null
  );
});
const formValue = buttonValue.refine((v) => {
  const target = decodeFormTarget(v);
  return target !== null && roundIdText.safeParse(target.roundId).success && idText.safeParse(target.componentId).success;
});
const criterionRefValue = buttonValue.refine((v) => {
  const ref = decodeCriterionRef(v);
  return ref !== null && roundIdText.safeParse(ref.roundId).success && idText.safeParse(ref.criterionId).success;
});

/** An intervision step: `<sessionId>:<step>`. */
const stepValue = buttonValue.regex(/^[A-Za-z0-9_-]{1,64}:\d{1,2}$/);

/** What each of Spiegel's action ids carries: a button's value of the expected shape, or a select's choice. */
const actionSchemas: Record<string, z.ZodType> = {
  [actionIds.form]: button(formValue),
  [actionIds.comment]: button(criterionRefValue),
  [actionIds.mine]: button(roundIdText),
  [actionIds.continue]: button(roundIdText),
  [actionIds.workspaceLocale]: selected,
  [actionIds.forgetConfirm]: optionalValue,
  [actionIds.forgetKeep]: optionalValue,
  [actionIds.startFramework]: selected,
  [actionIds.recurrence]: button(buttonValue.regex(/^[a-z]{1,16}\|[A-Za-z0-9_-]{1,64}$/)),
  [actionIds.settings]: optionalValue,
  [actionIds.intervisionContribute]: button(stepValue),
  [actionIds.intervisionNext]: button(stepValue),
  [actionIds.followUp]: button(roundIdText),
};

/** Built once: a zod object schema compiles itself on its first parse, and a rating click is the hot path. */
const rateAction = button(rateValue);

function actionSchema(actionId: string): z.ZodType | null {
  if (rateActionPattern.test(actionId)) return rateAction;
  return Object.hasOwn(actionSchemas, actionId) ? actionSchemas[actionId]! : null;
}

const responseUrl = z.url({ protocol: /^https?$/ }).max(1000);
const stateValues = z.record(z.string().max(255), z.record(z.string().max(255), z.looseObject({})));
const startMetadata = z
  .string()
  .max(3000)
  .refine((text) => {
    try {
      return z.object({ channelId: idText, responseUrl, timeZone: z.string().max(64) }).safeParse(JSON.parse(text)).success;
    } catch {
      return false;
    }
  });
const metadataSchemas: Record<string, z.ZodType> = {
  [callbackIds.answers]: formValue,
  [callbackIds.start]: startMetadata,
  [callbackIds.schedule]: startMetadata,
  [callbackIds.saved]: z.string().max(3000),
  [callbackIds.settings]: z.string().max(3000),
  [callbackIds.intervision]: startMetadata,
  [callbackIds.intervisionContribution]: stepValue,
};

const person = z.object({ id: idText });
const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user: person,
  actions: z.array(z.looseObject({ action_id: z.string().max(255) })).length(1),
  response_url: responseUrl.optional(),
  view: z.looseObject({ id: z.string().max(64), hash: z.string().max(255), private_metadata: z.string().max(3000) }).optional(),
});
const viewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  user: person,
  view: z.looseObject({
    id: z.string().max(64),
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000),
    state: z.object({ values: stateValues }),
  }),
});
const slashCommand = z.looseObject({
  command: z.string().max(64),
  text: z.string().max(4000),
  user_id: idText,
  channel_id: idText,
  response_url: responseUrl,
  trigger_id: z.string().max(255),
});
const eventCallback = z.looseObject({ type: z.literal('event_callback'), event: z.looseObject({ type: z.string().max(64) }) });
const otherInteraction = z.looseObject({ type: z.enum(['view_closed', 'url_verification', 'ssl_check']) });

/**
 * Why a request is refused before anything runs: `unknown` (an action or form Spiegel never sent), `invalid`
 * (a field of the wrong type or shape), or null when every field Spiegel reads is of the expected shape.
 */
export function checkPayload(body: unknown): 'unknown' | 'invalid' | null {
  const action = blockActions.safeParse(body);
  if (action.success) {
    const [first] = action.data.actions;
    const schema = actionSchema(first!.action_id);
    if (!schema) return 'unknown';
    return schema.safeParse(first).success ? null : 'invalid';
  }
  const view = viewSubmission.safeParse(body);
  if (view.success) {
    const { callback_id: callbackId, private_metadata: metadata } = view.data.view;
    if (!Object.hasOwn(metadataSchemas, callbackId)) return 'unknown';
    return metadataSchemas[callbackId]!.safeParse(metadata).success ? null : 'invalid';
  }
  if (slashCommand.safeParse(body).success || eventCallback.safeParse(body).success || otherInteraction.safeParse(body).success)
    return null;
  return 'invalid';
}

/** True when the request carries a response_url of the expected shape, so a refusal can be told through it. */
export function hasResponseUrl(body: unknown): boolean {
  return responseUrl.safeParse((body as { response_url?: unknown } | null)?.response_url).success;
}

/** The body as Bolt will read it: a form's `payload` (JSON) or its fields, or JSON; undefined when unreadable. */
function bodyOf(raw: string, contentType: string): unknown {
  try {
    if (!contentType.includes('application/x-www-form-urlencoded')) return JSON.parse(raw) as unknown;
    const params = new URLSearchParams(raw);
    const payload = params.get('payload');
    return payload === null ? Object.fromEntries(params) : (JSON.parse(payload) as unknown);
  } catch {
    return undefined;
  }
}

/** The one shape Spiegel's rating buttons send: a message button with a rating value, in a workspace (not an org-wide install). */
const ratingClickPayload = z.object({
  type: z.literal('block_actions'),
  user: person,
  team: z.object({ id: idText }),
  response_url: responseUrl,
  actions: z.tuple([z.object({ action_id: z.string().max(255).regex(rateActionPattern), value: rateValue })]),
});

export interface RatingClickPayload {
  teamId: string;
  userId: string;
  value: string;
  responseUrl: string;
}

/** A rating click read from a raw request body, or null for every other request (those go the general way, through Bolt). */
export function ratingClickOf(raw: string, contentType: string): RatingClickPayload | null {
  const click = ratingClickPayload.safeParse(bodyOf(raw, contentType));
  if (!click.success) return null;
  const { user, team, response_url: responseUrl, actions } = click.data;
  return { teamId: team.id, userId: user.id, value: actions[0].value, responseUrl };
}

const routable = z.union([
  z.looseObject({ actions: z.array(z.looseObject({})).min(1) }),
  z.looseObject({ view: z.looseObject({}) }),
  z.looseObject({ command: z.string() }),
  z.looseObject({ event: z.looseObject({}) }),
  z.looseObject({ ssl_check: z.string() }),
  z.looseObject({ type: z.string() }),
]);

/**
 * False for a body Bolt could not route to any listener (null, a list, a string, no Slack fields): such a
 * request gets a 400 at once, instead of a 500 or an unanswered request.
 */
export function isRoutablePayload(raw: string, contentType: string): boolean {
  return routable.safeParse(bodyOf(raw, contentType)).success;
}
