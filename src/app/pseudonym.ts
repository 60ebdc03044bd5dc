import { createHmac } from 'node:crypto';

/** A keyed pseudonym: stable per member and round, unlinkable without the secret. */
export function pseudonymFor(secret: string, tenantId: string, roundId: string, memberId: string): string {
  const mac = createHmac('sha256', secret).update(`${tenantId}\u0000${roundId}\u0000${memberId}`).digest('base64url');
  return `p_${mac.slice(0, 27)}`;
}
