export type ConsensusClass = 'consensus' | 'mixed' | 'divergent' | 'polarised' | 'insufficient';

/** Which item of the round an entry is about: one criterion on one dimension. */
export interface ItemRef {
  criterionId: string;
  component: string;
  dimension: string;
}
