import type { OpenAnswer, Response, Round } from './round.js';
export interface MemberRoundData {
  round: Round;
  /** The member's answers in the round, found under their respondent key (the pseudonym in anonymous rounds). */
  answers: Response[];
  /** The member's answers to the round's open questions, under the same key. */
  openAnswers: OpenAnswer[];
}

export interface MemberData {
  tenantId: string;
  memberId: string;
  exportedAt: Date;
  /** Rounds with at least one answer of the member, newest first. */
  rounds: MemberRoundData[];
}

export function answerCount(data: MemberData): number {
  return data.rounds.reduce((sum, r) => sum + r.answers.length + r.openAnswers.length, 0);
}
