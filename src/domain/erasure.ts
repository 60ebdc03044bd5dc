export interface ErasureResult {
  memberId: string;
  /** Answers deleted, over all rounds. */
  answers: number;
  /** Rounds that held answers of the member. */
  rounds: number;
  /** Stored summaries of closed rounds recomputed from the answers that remain. */
  summariesUpdated: number;
}
