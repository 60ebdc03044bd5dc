import { randomInt } from 'node:crypto';
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

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 12 random letters and digits (71 bits): safe in Slack action values, URLs and command lines (no leading dash). */
export function newRoundId(): string {
  return Array.from({ length: 12 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
}
