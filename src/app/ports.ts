import type { Place, RatingValue, Response, Round, RoundState } from '../domain/round.js';
import type { Summary } from '../domain/summary-types.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface RoundQuery {
  state?: RoundState;
  channelId?: string;
  /** Rounds this member takes part in. */
  participant?: string;
  /** Rounds this member coordinates. */
  coordinator?: string;
  limit?: number;
}

export interface RoundStore {
  insert(round: Round): Promise<void>;
  get(tenantId: string, roundId: string): Promise<Round | null>;
  /** Moves an open round to closed or cancelled; returns false when it was no longer open. */
  end(tenantId: string, roundId: string, state: 'closed' | 'cancelled', at: Date): Promise<boolean>;
  list(tenantId: string, query: RoundQuery): Promise<Round[]>;
  /** The latest closed round on the same framework in the same place that closed before `before`. */
  findPrevious(place: Place, frameworkId: string, before: Date): Promise<Round | null>;
  setPlatformRef(tenantId: string, roundId: string, key: string, value: string): Promise<void>;
}

export type ResponseKey = Pick<Response, 'roundId' | 'criterionId' | 'dimension' | 'respondent'>;

export interface ResponsePatch {
  /** Absent keeps the stored rating; a first answer must carry one. */
  value?: RatingValue | undefined;
  /** Absent keeps the stored comment. */
  comment?: string | null | undefined;
  updatedAt: Date | null;
}

export interface ResponseStore {
  /**
   * Writes one member's answer: one document per (round, criterion, dimension, respondent), so a revision
   * replaces the fields it carries. Returns the answer as stored.
   */
  write(tenantId: string, key: ResponseKey, patch: ResponsePatch): Promise<Response>;
  saveMany(tenantId: string, responses: Response[]): Promise<void>;
  listForRound(tenantId: string, roundId: string): Promise<Response[]>;
  listForRespondent(tenantId: string, roundId: string, respondent: string): Promise<Response[]>;
}

/** Who has answered, kept apart from what they answered. */
export interface ParticipationStore {
  markAnswered(tenantId: string, roundId: string, memberId: string, at: Date | null): Promise<void>;
  countAnswered(tenantId: string, roundId: string): Promise<number>;
  listAnswered(tenantId: string, roundId: string): Promise<string[]>;
}

export interface SummaryStore {
  /** Stores the final summary of a closed round; a second save of the same round keeps the first. */
  save(tenantId: string, summary: Summary): Promise<void>;
  get(tenantId: string, roundId: string): Promise<Summary | null>;
}

/** Exactly-once by insert: the first caller of a key wins, every later one loses, across processes. */
export interface ClaimStore {
  claim(key: string, holder: string, at: Date): Promise<boolean>;
  release(key: string): Promise<void>;
}

export interface Stores {
  rounds: RoundStore;
  responses: ResponseStore;
  participation: ParticipationStore;
  summaries: SummaryStore;
  claims: ClaimStore;
}
