export interface ErasureResult {
  memberId: string;
  /** Answers deleted, over all rounds. */
  answers: number;
  /** Rounds that held answers of the member. */
  rounds: number;
  /** Stored summaries of closed rounds recomputed from the answers that remain. */
  summariesUpdated: number;
  /** The member's traces in the mediation quality system. */
  qualitySystem: QualitySystemErasure;
}

export interface QualitySystemErasure {
  /** Case files whose mediator reference was pseudonymised. */
  caseFiles: number;
  /** Audits in which the member (reviewer or mediator) was pseudonymised. */
  audits: number;
  licenceEntries: number;
  /** Intervision contributions deleted; sessions the member presented or facilitated, their case emptied. */
  contributions: number;
  sessions: number;
}
