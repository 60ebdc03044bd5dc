import type { Response, Round } from '../domain/round.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { requireSelfOrAdmin, roundsOfMember } from './erasure.js';
import { respondentKey } from './pseudonym.js';

export interface MemberRoundData {
  round: Round;
  /** The member's answers in the round, found under their respondent key (the pseudonym in anonymous rounds). */
  answers: Response[];
}

export interface MemberData {
  tenantId: string;
  memberId: string;
  exportedAt: Date;
  /** Rounds with at least one answer of the member, newest first. */
  rounds: MemberRoundData[];
}

/** Every answer the tenant stores of a member: for the member themselves, or an admin (access requests). */
export async function memberData(ctx: AppContext, actor: Actor, memberId: string): Promise<MemberData> {
  requireSelfOrAdmin(actor, memberId);
  const rounds: MemberRoundData[] = [];
  for (const round of await roundsOfMember(ctx, actor, memberId)) {
    const answers = await ctx.stores.responses.listForRespondent(actor.tenantId, round.id, respondentKey(ctx, round, memberId));
    if (answers.length > 0) rounds.push({ round, answers });
  }
  return { tenantId: actor.tenantId, memberId, exportedAt: ctx.clock.now(), rounds };
}

export function answerCount(data: MemberData): number {
  return data.rounds.reduce((sum, r) => sum + r.answers.length, 0);
}
