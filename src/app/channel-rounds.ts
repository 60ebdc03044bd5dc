import { SpiegelError } from '../domain/errors.js';
import type { Round } from '../domain/round.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { getRound } from './rounds.js';

/**
 * The round a channel command is about: the one named by id, else the channel's latest open round,
 * else (for summaries) its latest round of any state.
 */
export async function roundForChannel(
  ctx: AppContext,
  actor: Actor,
  channelId: string,
  roundId?: string,
  anyState = false,
): Promise<Round> {
  if (roundId) return getRound(ctx, actor, roundId);
  const [open] = await ctx.stores.rounds.list(actor.tenantId, { channelId, state: 'open', limit: 1 });
  if (open) return open;
  if (anyState) {
    const [latest] = await ctx.stores.rounds.list(actor.tenantId, { channelId, limit: 1 });
    if (latest) return latest;
  }
  throw new SpiegelError('round.unknown', `no round in channel ${channelId}`);
}
