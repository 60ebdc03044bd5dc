/**
 * The one way answers are stored, for a rating click and a whole form alike: the round is read and checked
 * once, every answer is checked before anything is written, refusals come back as values (one per input,
 * with a stable code and the parameters its message needs), and only a submission without refusals is
 * written: its answers concurrently, then the member's "has answered" marker.
 */
import { SpiegelError } from '../domain/errors.js';
import { MAX_COMMENT_LENGTH, roundDimensionIds, type OpenAnswer, type RatingValue, type Response, type Round } from '../domain/round.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { respondentKey } from './pseudonym.js';
import { answersIn } from './responses.js';
import { getRound, requireOpen } from './rounds.js';
import { type AnswerInput, type AnswerRefusal, type RatingRefusal } from '../domain/answers.js';
import { checkOpenAnswers, openAnswerChanges, openAnswersIn, writeOpenAnswers } from './open-answers.js';
import type { OpenAnswerInput } from '../domain/answers.js';

export interface SaveAnswersInput {
  roundId: string;
  answers: readonly AnswerInput[];
  /** Answers in words to the round's open questions; a question not named keeps its answer. */
  openAnswers?: readonly OpenAnswerInput[];
  /**
   * A whole form: compared with the member's stored answers, so unchanged ones are not written again and the
   * outcome lists all of the member's answers (the form's next part is chosen from them).
   */
  wholeForm?: boolean;
}

export type SaveAnswersOutcome =
  | {
      ok: true;
      round: Round;
      /** The answers written by this call, as stored. */
      saved: Response[];
      /** The member's answers after this call: all of them for a whole form, else those saved. */
      answers: Response[];
      /** The member's open answers after this call (read only when the call named open questions or is a whole form). */
      openAnswers: OpenAnswer[];
      /** How many open answers this call wrote or removed. */
      openChanged: number;
    }
  | { ok: false; round: Round; refusals: AnswerRefusal[] };

/** The round's answerable state for this member: open, and the member takes part. The one place this is checked. */
export function requireAnswerable(round: Round, actor: Actor): void {
  requireOpen(round);
  if (!isParticipant(round, actor)) throw new SpiegelError('round.notParticipant', `${actor.userId} is not in round ${round.id}`);
}

export function isParticipant(round: Round, actor: Pick<Actor, 'userId'>): boolean {
  return round.participants.includes(actor.userId);
}

/** The member's own answers of a round they may answer now: what a form or card is prefilled with. */
export async function answerSheet(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
): Promise<{ round: Round; answers: Response[]; openAnswers: OpenAnswer[] }> {
  const round = await getRound(ctx, actor, roundId);
  requireAnswerable(round, actor);
  const [answers, openAnswers] = await Promise.all([answersIn(ctx, actor, round), openAnswersIn(ctx, actor, round)]);
  return { round, answers, openAnswers };
}

export function validateRating(round: Round, value: unknown): RatingValue {
  const { min, max, allowNotApplicable } = round.framework.scale;
  if (value === 'na' && allowNotApplicable) return 'na';
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw new SpiegelError('rating.outOfScale', `rating ${String(value)} outside ${min}..${max}`, { min, max });
}

export function normaliseComment(comment: string | null | undefined): string | null | undefined {
  if (comment === undefined) return undefined;
  const trimmed = comment?.trim() ?? '';
  if (trimmed.length > MAX_COMMENT_LENGTH) {
    throw new SpiegelError('comment.tooLong', `comment of ${trimmed.length} characters`, {
      length: trimmed.length,
      max: MAX_COMMENT_LENGTH,
    });
  }
  return trimmed === '' ? null : trimmed;
}

interface CheckedAnswer {
  criterionId: string;
  dimension: string;
  value: RatingValue | undefined;
  comment: string | null | undefined;
}

const itemKey = (a: { criterionId: string; dimension: string }) => `${a.criterionId}|${a.dimension}`;

/** One answer per item: a rating and a comment given as separate inputs become one. */
function merge(answers: CheckedAnswer[]): CheckedAnswer[] {
  const byItem = new Map<string, CheckedAnswer>();
  for (const answer of answers) {
    const seen = byItem.get(itemKey(answer));
    byItem.set(
      itemKey(answer),
      seen ? { ...seen, value: answer.value ?? seen.value, comment: answer.comment !== undefined ? answer.comment : seen.comment } : answer,
    );
  }
  return [...byItem.values()];
}

/** Checks one input against the round; a refusal per refused field. */
function check(round: Round, input: AnswerInput, refusals: AnswerRefusal[]): CheckedAnswer | null {
  const refuse = (field: RatingRefusal['field'], dimension: string | null, error: SpiegelError) =>
    refusals.push({ criterionId: input.criterionId, dimension, field, code: error.code, params: error.details });
  if (!round.framework.criteria.some((c) => c.id === input.criterionId)) {
    refuse('rating', input.dimension ?? null, new SpiegelError('criterion.unknown', `criterion not in round ${round.id}`));
    return null;
  }
  const dimensions = roundDimensionIds(round);
  const dimension = input.dimension ?? (dimensions.length === 1 || input.value === undefined ? dimensions[0] : undefined);
  if (dimension === undefined || !dimensions.includes(dimension)) {
    refuse('rating', input.dimension ?? null, new SpiegelError('dimension.unknown', `dimension not in round ${round.id}`));
    return null;
  }
  let ok = true;
  let value: RatingValue | undefined;
  let comment: string | null | undefined;
  try {
    value = input.value === undefined ? undefined : validateRating(round, input.value);
  } catch (error) {
    if (!(error instanceof SpiegelError)) throw error;
    refuse('rating', dimension, error);
    ok = false;
  }
  try {
    comment = dimension === dimensions[0] ? normaliseComment(input.comment) : undefined;
  } catch (error) {
    if (!(error instanceof SpiegelError)) throw error;
    refuse('comment', dimension, error);
    ok = false;
  }
  return ok ? { criterionId: input.criterionId, dimension, value, comment } : null;
}

/**
 * Drops what would change nothing, and refuses a comment on an item with no rating, stored or given.
 * `stored` is null when the member's answers were not read (lone ratings need no comparison).
 */
function changes(checked: CheckedAnswer[], stored: Map<string, Response> | null, refusals: AnswerRefusal[]): CheckedAnswer[] {
  const kept: CheckedAnswer[] = [];
  for (const answer of checked) {
    const before = stored?.get(itemKey(answer));
    const value = answer.value !== undefined && answer.value !== before?.value ? answer.value : undefined;
    const comment =
      answer.comment !== undefined && (stored === null || answer.comment !== (before?.comment ?? null)) ? answer.comment : undefined;
    if (value === undefined && comment === undefined) continue;
    if (value === undefined && before === undefined) {
      refusals.push({
        criterionId: answer.criterionId,
        dimension: answer.dimension,
        field: 'comment',
        code: 'comment.needsRating',
        params: {},
      });
      continue;
    }
    kept.push({ ...answer, value, comment });
  }
  return kept;
}

/**
 * Records a member's answers: all of them, or, when any input is refused, none. Throws only for the round as a
 * whole (unknown in the caller's tenant, not open, the caller does not take part); every answer is stored
 * before this resolves, so a caller may confirm it.
 */
export async function saveAnswers(ctx: AppContext, actor: Actor, input: SaveAnswersInput): Promise<SaveAnswersOutcome> {
  const round = await getRound(ctx, actor, input.roundId);
  requireAnswerable(round, actor);
  const refusals: AnswerRefusal[] = [];
  const checked = merge(input.answers.map((a) => check(round, a, refusals)).filter((a): a is CheckedAnswer => a !== null));
  const open = checkOpenAnswers(round, input.openAnswers ?? [], refusals);
  if (refusals.length > 0) return { ok: false, round, refusals };

  const respondent = respondentKey(ctx, round, actor.userId);
  const needsStored = input.wholeForm === true || checked.some((a) => a.value === undefined);
  const stored = needsStored
    ? new Map((await ctx.stores.responses.listForRespondent(actor.tenantId, round.id, respondent)).map((r) => [itemKey(r), r]))
    : null;
  const writes = changes(checked, stored, refusals);
  if (refusals.length > 0) return { ok: false, round, refusals };
  const storedOpen = input.wholeForm === true || open.length > 0 ? await openAnswersIn(ctx, actor, round) : [];
  const openWrites = openAnswerChanges(open, storedOpen);

  const at = round.anonymous ? null : ctx.clock.now();
  const saved = await Promise.all(
    writes.map((w) =>
      ctx.stores.responses.write(
        actor.tenantId,
        { roundId: round.id, criterionId: w.criterionId, dimension: w.dimension, respondent },
        { value: w.value, comment: w.comment, updatedAt: at, stored: stored?.has(itemKey(w)) },
      ),
    ),
  );
  const openAnswers = await writeOpenAnswers(ctx, actor.tenantId, { round, respondent, at }, openWrites, storedOpen);
  // The marker carries the respondent key, never the member id of an anonymous round. Open answers alone are no rating: no marker.
  if (saved.length > 0) await ctx.stores.participation.markAnswered(actor.tenantId, round, respondent, at);
  const openChanged = openWrites.length;
  if (!stored) return { ok: true, round, saved, answers: saved, openAnswers, openChanged };
  for (const response of saved) stored.set(itemKey(response), response);
  return { ok: true, round, saved, answers: [...stored.values()], openAnswers, openChanged };
}
