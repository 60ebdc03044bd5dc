import type { Response, Round } from './round.js';
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

export function answerCount(data: MemberData): number {
  return data.rounds.reduce((sum, r) => sum + r.answers.length, 0);
}
