import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { requireSelfOrAdmin, roundsOfMember } from './erasure.js';
import { respondentKey } from './pseudonym.js';
import { type MemberData, type MemberRoundData } from '../domain/member-data.js';

/** Every answer the tenant stores of a member: for the member themselves, or an admin (access requests). */
export async function memberData(ctx: AppContext, actor: Actor, memberId: string): Promise<MemberData> {
  requireSelfOrAdmin(actor, memberId);
  const rounds: MemberRoundData[] = [];
  for (const round of await roundsOfMember(ctx, actor, memberId)) {
    const key = respondentKey(ctx, round, memberId);
    const [answers, openAnswers] = await Promise.all([
      ctx.stores.responses.listForRespondent(actor.tenantId, round.id, key),
      ctx.stores.openAnswers.listForRespondent(actor.tenantId, round.id, key),
    ]);
    if (answers.length > 0 || openAnswers.length > 0) rounds.push({ round, answers, openAnswers });
  }
  return { tenantId: actor.tenantId, memberId, exportedAt: ctx.clock.now(), rounds };
}
