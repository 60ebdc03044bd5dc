import { createHmac } from 'node:crypto';
import type { Round } from '../domain/round.js';
import type { AppContext } from './context.js';

/** A keyed pseudonym: stable per member and round, unlinkable without the secret. */
export function pseudonymFor(secret: string, tenantId: string, roundId: string, memberId: string): string {
  const mac = createHmac('sha256', secret).update(`${tenantId}\u0000${roundId}\u0000${memberId}`).digest('base64url');
  return `p_${mac.slice(0, 27)}`;
}

/**
 * The key under which everything about a member's part in a round is stored (answers, the answered marker,
 * reminder claims): the member id, or a keyed pseudonym in anonymous rounds, so that no document of an
 * anonymous round names a member outside its participant list.
 */
export function respondentKey(ctx: Pick<AppContext, 'secret'>, round: Pick<Round, 'anonymous' | 'place' | 'id'>, memberId: string): string {
  return round.anonymous ? pseudonymFor(ctx.secret, round.place.tenantId, round.id, memberId) : memberId;
}
