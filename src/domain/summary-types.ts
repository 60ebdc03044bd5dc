import type { Convergence } from './delphi.js';
import type { Locale } from './framework.js';
import type { OpenQuestionSummary } from './open-answer-summary.js';
import type { ConsensusClass, ItemRef } from './item.js';

export type { ConsensusClass, ItemRef } from './item.js';

/** The statistics of one criterion on one dimension, as computed and as reported. */
export interface ItemStatistics {
  /** Numeric ratings on the scale ("not applicable" excluded). */
  n: number;
  /** "Not applicable" answers. */
  naCount: number;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  sd: number | null;
  rwg: number | null;
  consensus: number | null;
  class: ConsensusClass;
}

/** An item with at least k numeric ratings: everything about it may be shown. */
export interface ReportedItem extends ItemRef, ItemStatistics {
  suppressed: false;
  /** Count per scale point. */
  distribution: Record<string, number>;
  comments: string[];
}

/**
 * An item with fewer than k (the anonymity threshold) numeric ratings: nothing about it is kept, so no view
 * can show a statistic, class, distribution or comment that would give a few answers away.
 */
export interface SuppressedItem extends ItemRef {
  suppressed: true;
}

export type CriterionStatistics = ReportedItem | SuppressedItem;

export type Gap =
  | { kind: 'lowScore'; criterionId: string; dimension: string; median: number; target: number }
  | { kind: 'dimensionGap'; criterionId: string; high: string; low: string; highMedian: number; lowMedian: number; difference: number }
  | { kind: 'lowResponse'; criterionId: string; dimension: string; answered: number; participants: number }
  | {
      kind: 'change';
      criterionId: string;
      dimension: string;
      previousMedian: number;
      median: number;
      delta: number;
      previousConsensus: number | null;
      consensusDelta: number | null;
    };

export interface DiscussionPoint {
  criterionId: string;
  dimension: string;
  reasons: ('polarised' | 'divergent' | 'lowScore' | 'dimensionGap' | 'change')[];
  weight: number;
  comments: string[];
}

/** All ratings of one component's or one perspective's criteria on one dimension, pooled; nothing below k. */
export interface SummaryGroup {
  by: 'component' | 'perspective';
  group: string;
  dimension: string;
  fewerThanK: boolean;
  n: number | null;
  median: number | null;
  iqr: number | null;
  class: ConsensusClass | null;
}

export interface Summary {
  roundId: string;
  locale: Locale;
  participants: number;
  respondents: number;
  responseRate: number;
  criteria: CriterionStatistics[];
  /** Absent in summaries stored before they were grouped. */
  groups?: SummaryGroup[];
  strengths: { criterionId: string; dimension: string; median: number }[];
  gaps: Gap[];
  discussionPoints: DiscussionPoint[];
  previousRoundId: string | null;
  quantileMethod: string;
  /** The answers to the round's open questions; absent when it asked none (and in summaries stored before they existed). */
  openQuestions?: OpenQuestionSummary[];
  /** A Delphi follow-up round's convergence against the round it followed up. */
  convergence?: Convergence;
  /** Set when the stored summary of a closed round was recomputed after a member's answers were erased. */
  updatedAfterErasure?: boolean;
  /** Set when a reopened round closed again: the closing this summary describes (1 after the first reopening). */
  closing?: number;
}
