/** Storage port of intervision sessions: the session, its step openings (exactly once, by insert) and contributions. */
import type { Contribution, IntervisionSession, StepOpening } from '../domain/intervision/session.js';

export interface IntervisionStore {
  insert(session: IntervisionSession): Promise<void>;
  get(tenantId: string, sessionId: string): Promise<IntervisionSession | null>;
  /** The session whose thread this is, in the channel. */
  findByThread(tenantId: string, channelId: string, threadId: string): Promise<IntervisionSession | null>;
  /** Records where the session's thread is (set once, by the member who started it). */
  setThread(tenantId: string, sessionId: string, threadId: string): Promise<void>;
  /** Inserts the opening of a step; false when that step was opened already (someone else moved on first). */
  openStep(tenantId: string, opening: StepOpening): Promise<boolean>;
  openings(tenantId: string, sessionId: string): Promise<StepOpening[]>;
  /** Stores a contribution once per (session, step, member, source). */
  addContribution(contribution: Contribution): Promise<void>;
  contributions(tenantId: string, sessionId: string): Promise<Contribution[]>;
  /** Erasure: deletes the member's contributions; empties the case and replaces the member in sessions they led. */
  eraseMember(tenantId: string, memberId: string, standIn: string): Promise<{ contributions: number; sessions: number }>;
}
