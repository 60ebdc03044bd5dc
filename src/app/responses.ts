import type { Response, Round } from '../domain/round.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { respondentKey } from './pseudonym.js';
import { getRound } from './rounds.js';

/** The caller's own answers in a round (also in anonymous rounds: only they can derive their pseudonym). */
export async function myAnswers(ctx: AppContext, actor: Actor, roundId: string): Promise<{ round: Round; responses: Response[] }> {
  const round = await getRound(ctx, actor, roundId);
  return { round, responses: await answersIn(ctx, actor, round) };
}

/** The same, for a round the caller has read already. */
export async function answersIn(ctx: AppContext, actor: Actor, round: Round): Promise<Response[]> {
  if (round.place.tenantId !== actor.tenantId) return [];
  return ctx.stores.responses.listForRespondent(actor.tenantId, round.id, respondentKey(ctx, round, actor.userId));
}
