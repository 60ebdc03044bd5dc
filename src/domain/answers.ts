import { type ErrorCode } from './errors.js';
import { type RatingValue } from './round.js';
export interface AnswerInput {
  criterionId: string;
  /** Defaults to the round's only dimension; for a comment without a rating, to the first (which keeps comments). */
  dimension?: string;
  /** Absent keeps the stored rating; a first answer needs one. */
  value?: RatingValue;
  /** Absent keeps the stored comment; null or blank removes it. The comment belongs to the first dimension. */
  comment?: string | null;
}

/** An answer in words to one of the round's open questions. */
export interface OpenAnswerInput {
  questionId: string;
  /** Null or blank removes the member's answer; absent from a submission (no input) keeps it. */
  text: string | null;
}

/** One refused input: which criterion and dimension, whether its rating or its comment, and why. */
export interface RatingRefusal {
  criterionId: string;
  dimension: string | null;
  field: 'rating' | 'comment';
  code: ErrorCode;
  params: Record<string, unknown>;
}

/** A refused answer to an open question, and why. */
export interface OpenAnswerRefusal {
  questionId: string;
  field: 'open';
  code: ErrorCode;
  params: Record<string, unknown>;
}

export type AnswerRefusal = RatingRefusal | OpenAnswerRefusal;
