import { SpiegelError } from '../domain/errors.js';
import type { Round } from '../domain/round.js';

/** Who is asking: every use case takes the caller's tenant and identity. */
export interface Actor {
  tenantId: string;
  userId: string;
  /** A configured admin coordinates every round of the tenant. */
  isAdmin: boolean;
}

export function isCoordinator(actor: Actor, round: Round): boolean {
  return actor.isAdmin || round.createdBy === actor.userId || round.coordinators.includes(actor.userId);
}

export function requireCoordinator(actor: Actor, round: Round): void {
  if (!isCoordinator(actor, round)) {
    throw new SpiegelError('permission.coordinatorOnly', `${actor.userId} is not a coordinator of round ${round.id}`);
  }
}
