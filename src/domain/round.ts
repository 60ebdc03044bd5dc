import type { Criterion, Dimension, Framework, Locale, OpenQuestion, Perspective } from './framework.js';

export const roundStates = ['open', 'closed', 'cancelled'] as const;
export type RoundState = (typeof roundStates)[number];

export const MAX_COMMENT_LENGTH = 2000;
/** As long as a comment may be: an open answer is read beside the comments. */
export const MAX_OPEN_ANSWER_LENGTH = MAX_COMMENT_LENGTH;

/** Where a round lives: one Slack channel or one Teams conversation of one tenant. */
export interface Place {
  platform: 'slack' | 'teams' | 'cli';
  /** Slack workspace (`slack:T…`), Teams tenant (`teams:<guid>`), or a CLI tenant. */
  tenantId: string;
  /** Channel or conversation id. */
  channelId: string;
}

export interface SummarySettings {
  /** A criterion whose median is below this is a low-score gap. */
  targetScore: number;
  /** Fewer numeric ratings than k: no distribution is shown. */
  anonymityThreshold: number;
  /** importance − practice medians at or above this are a gap. */
  dimensionGapThreshold: number;
  /** Share of participants who rated a criterion below which it is a low-response gap. */
  lowResponseRate: number;
  /** |Δ median| against the previous round at or above this is called out. */
  changeThreshold: number;
  consensusMaxIqr: number;
  consensusMinRwg: number;
  /** Below this Tastle–Wierman consensus a criterion is divergent or polarised. */
  lowConsensus: number;
  /** Share of ratings at each end of the scale from which a low-consensus criterion is polarised. */
  polarisedEndShare: number;
}

export const defaultSummarySettings: SummarySettings = {
  targetScore: 3,
  anonymityThreshold: 3,
  dimensionGapThreshold: 1,
  lowResponseRate: 0.5,
  changeThreshold: 1,
  consensusMaxIqr: 1,
  consensusMinRwg: 0.7,
  lowConsensus: 0.5,
  polarisedEndShare: 0.25,
};

/** What a round asks: the framework as it was at opening, limited to the chosen criteria and dimensions. */
export interface FrameworkSnapshot {
  id: string;
  version: string;
  title: Framework['title'];
  scale: Framework['scale'];
  components: Framework['components'];
  criteria: Criterion[];
  dimensions: Dimension[];
  /** The open questions of the round's components and of the whole round. */
  questions: OpenQuestion[];
}

/** When reminders go out: hours before the deadline, at most `max` of them. */
export interface ReminderPlan {
  hoursBeforeDeadline: number[];
  max: number;
}

export const defaultReminderPlan: ReminderPlan = { hoursBeforeDeadline: [48, 4], max: 2 };

/** What a coordinator asks for when opening a round (chat form, CLI import, recurrence). */
export interface OpenRoundInput {
  place: Place;
  frameworkId: string;
  name?: string;
  /** A subset of the framework's criteria; all when absent or empty. */
  criterionIds?: string[];
  /** Only the criteria of these perspectives (e.g. only `process`, as the seed's minimal criteria); all when absent or empty. */
  perspectives?: Perspective[];
  /** A subset of the framework's dimensions; all when absent. An empty list asks one plain rating. */
  dimensionIds?: string[];
  participants: string[];
  coordinators?: string[];
  deadline?: Date | null;
  anonymous?: boolean;
  locale: Locale;
  settings?: Partial<SummarySettings>;
  caseId?: string | null;
  reminderPlan?: ReminderPlan;
  recurrenceId?: string | null;
  /** The unit the round belongs to; by default the unit of its channel (see openRound). */
  unitId?: string | null;
  followUp?: FollowUpLink | null;
}

export interface Round {
  id: string;
  place: Place;
  name: string;
  framework: FrameworkSnapshot;
  state: RoundState;
  anonymous: boolean;
  locale: Locale;
  participants: string[];
  createdBy: string;
  coordinators: string[];
  openedAt: Date;
  deadline: Date | null;
  closedAt: Date | null;
  settings: SummarySettings;
  reminderPlan: ReminderPlan;
  /** The recurring schedule that opened this round, if any. */
  recurrenceId: string | null;
  /** Optional link to an intervision case the round is about. */
  caseId: string | null;
  /** The unit of the workspace's structure the round belonged to when it opened. */
  unitId: string | null;
  /** For a Delphi follow-up round: the round it follows up and its place in the sequence. */
  followUp: FollowUpLink | null;
  /** Platform-specific references (e.g. the Slack intro message ts), opaque to the core. */
  platformRefs: Record<string, string>;
  /**
   * Raised by each change after opening (deadline, people, reopening): a change claims `round-revision:<id>:<n>`
   * by insert, so two coordinators never both write revision n; jobs scheduled at revision n carry it in their ids.
   */
  revision: number;
  /** How often the round was reopened after closing: each closing claims and posts its summary once. */
  reopenings: number;
  /**
   * Changes (to a new random value) whenever a member's answers are erased from the round. What a process
   * remembers about the round's "has answered" markers is keyed on it, so an erasure anywhere voids it everywhere.
   * Absent until the first erasure.
   */
  erasureMark?: string;
}

/** A follow-up round's link to the round it repeats items of (Delphi). */
export interface FollowUpLink {
  /** The round whose items it asks again (the previous step of the sequence). */
  previousRoundId: string;
  /** The first round of the sequence. */
  originRoundId: string;
  /** 1 for the first follow-up, 2 for the second, … */
  iteration: number;
  /** The most follow-ups the coordinator allows in this sequence. */
  maxIterations: number;
}

/** The dimensions a member rates per criterion: the round's, or one unnamed dimension. */
export function roundDimensionIds(round: Pick<Round, 'framework'>): string[] {
  return round.framework.dimensions.length > 0 ? round.framework.dimensions.map((d) => d.id) : ['rating'];
}

export type RatingValue = number | 'na';

export interface Response {
  roundId: string;
  criterionId: string;
  dimension: string;
  /** Member id, or a keyed pseudonym in anonymous rounds. */
  respondent: string;
  value: RatingValue;
  comment: string | null;
  /** Null in anonymous rounds, so time cannot link a rating to a person. */
  updatedAt: Date | null;
}

/** A member's answer in words to one of the round's open questions. One per (round, question, member). */
export interface OpenAnswer {
  roundId: string;
  questionId: string;
  /** Member id, or a keyed pseudonym in anonymous rounds. */
  respondent: string;
  text: string;
  /** Null in anonymous rounds, so time cannot link an answer to a person. */
  updatedAt: Date | null;
}

/** One open answer as coordinators export it: no respondent column either; none of a question withheld under k. */
export interface OpenAnswerExportRow {
  question: string;
  /** The component the question is about; empty for a question about the whole round. */
  component: string;
  answer: string;
}

/** One answer as coordinators export it: no respondent column, so rows of one person cannot be lined up. */
export interface ExportRow {
  criterion: string;
  component: string;
  dimension: string;
  value: RatingValue;
  comment: string;
}
