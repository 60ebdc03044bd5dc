import { randomBytes } from 'node:crypto';
import type { Framework } from '../domain/framework.js';
import type { Clock, Stores } from './ports.js';

export interface FrameworkSource {
  get(id: string): Framework;
  list(): readonly Framework[];
}

/** What every use case needs: the stores, a clock, the frameworks and the pseudonym key. */
export interface AppContext {
  stores: Stores;
  clock: Clock;
  frameworks: FrameworkSource;
  /** Key for the pseudonyms of anonymous rounds (SPIEGEL_SECRET). */
  secret: string;
  newId(): string;
}

export function newRoundId(): string {
  return randomBytes(9).toString('base64url');
}
