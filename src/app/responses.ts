import { SpiegelError } from '../domain/errors.js';
import { MAX_COMMENT_LENGTH, roundDimensionIds, type RatingValue, type Response, type Round } from '../domain/round.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { respondentKey } from './pseudonym.js';
import { getRound, requireOpen } from './rounds.js';

export interface ResponseInput {
  roundId: string;
  criterionId: string;
  /** Defaults to the round's only dimension. */
  dimension?: string;
  /** Required for a first answer; absent keeps the stored rating when only the comment changes. */
  value?: RatingValue;
  /** Absent keeps the stored comment; null or empty removes it. */
  comment?: string | null;
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

function checkTarget(round: Round, criterionId: string, dimension: string | undefined): string {
  if (!round.framework.criteria.some((c) => c.id === criterionId)) {
    throw new SpiegelError('criterion.unknown', `criterion ${criterionId} not in round ${round.id}`);
  }
  const dims = roundDimensionIds(round);
  const dim = dimension ?? (dims.length === 1 ? dims[0] : undefined);
  if (dim === undefined || !dims.includes(dim))
    throw new SpiegelError('dimension.unknown', `dimension ${String(dimension)} not in round ${round.id}`);
  return dim;
}

/**
 * Records or revises one member's answer. The answer is stored before this resolves, so a caller may
 * confirm it; the member is marked as having answered, apart from what they answered.
 */
export async function recordResponse(ctx: AppContext, actor: Actor, input: ResponseInput): Promise<{ round: Round; response: Response }> {
  const round = await getRound(ctx, actor, input.roundId);
  requireOpen(round);
  if (!round.participants.includes(actor.userId)) {
    throw new SpiegelError('round.notParticipant', `${actor.userId} is not in round ${round.id}`);
  }
  const dimension = checkTarget(round, input.criterionId, input.dimension);
  const value = input.value === undefined ? undefined : validateRating(round, input.value);
  const comment = normaliseComment(input.comment);
  if (value === undefined && comment === undefined)
    throw new SpiegelError('input.invalid', 'nothing to record', { detail: 'empty answer' });
  const at = round.anonymous ? null : ctx.clock.now();
  const respondent = respondentKey(ctx, round, actor.userId);
  const key = { roundId: round.id, criterionId: input.criterionId, dimension, respondent };
  const { response, created } = await ctx.stores.responses.write(actor.tenantId, key, { value, comment, updatedAt: at });
  // A revision means the member was marked with their first answer of this item: one write less per click.
  // The marker carries the respondent key, never the member id of an anonymous round.
  if (created) await ctx.stores.participation.markAnswered(actor.tenantId, round.id, respondent, at);
  return { round, response };
}

/** The caller's own answers in a round (also in anonymous rounds: only they can derive their pseudonym). */
export async function myAnswers(ctx: AppContext, actor: Actor, roundId: string): Promise<{ round: Round; responses: Response[] }> {
  const round = await getRound(ctx, actor, roundId);
  const responses = await ctx.stores.responses.listForRespondent(actor.tenantId, round.id, respondentKey(ctx, round, actor.userId));
  return { round, responses };
}
