import { type Audit } from './audit.js';
/** What an audit shows: per file, per mediator and for the whole period, and where reviewers must talk. */

export interface AuditRating {
  caseId: string;
  reviewer: string;
  criterionId: string;
  value: number | 'na';
  comment: string | null;
}

export interface AuditFileInput {
  caseId: string;
  mediators: string[];
  reviewers: string[];
}

export interface ItemResult {
  criterionId: string;
  /** Reviewer → rating (absent: not rated yet). */
  ratings: Record<string, number | 'na'>;
  mean: number | null;
  /** Two reviewers differ by this many points or more: the item is marked for discussion. */
  discuss: boolean;
}

export interface FileResult {
  caseId: string;
  mediators: string[];
  reviewers: string[];
  /** Reviewers who rated every criterion. */
  complete: string[];
  mean: number | null;
  items: ItemResult[];
}

export interface MediatorResult {
  mediator: string;
  files: number;
  mean: number | null;
  discussionItems: number;
}

export interface AuditResults {
  files: FileResult[];
  mediators: MediatorResult[];
  /** The whole period: mean over every numeric rating, reviews done, items for discussion. */
  period: { files: number; reviews: number; reviewsComplete: number; mean: number | null; discussionItems: number };
  /** Mean per criterion over all files. */
  criteria: { criterionId: string; mean: number | null; discussionItems: number }[];
}

export const DISCUSSION_GAP = 2;

function mean(values: number[]): number | null {
  return values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

const numeric = (values: (number | 'na')[]) => values.filter((v): v is number => typeof v === 'number');

export function computeAuditResults(
  files: readonly AuditFileInput[],
  criterionIds: readonly string[],
  ratings: readonly AuditRating[],
): AuditResults {
  const fileResults: FileResult[] = files.map((file) => {
    const own = ratings.filter((r) => r.caseId === file.caseId && file.reviewers.includes(r.reviewer));
    const items: ItemResult[] = criterionIds.map((criterionId) => {
      const entries = own.filter((r) => r.criterionId === criterionId);
      const values = numeric(entries.map((e) => e.value));
      return {
        criterionId,
        ratings: Object.fromEntries(entries.map((e) => [e.reviewer, e.value])),
        mean: mean(values),
        discuss: values.length >= 2 && Math.max(...values) - Math.min(...values) >= DISCUSSION_GAP,
      };
    });
    const complete = file.reviewers.filter((r) => criterionIds.every((c) => own.some((o) => o.reviewer === r && o.criterionId === c)));
    return { ...file, complete, mean: mean(numeric(own.map((o) => o.value))), items };
  });
  const mediatorIds = [...new Set(files.flatMap((f) => f.mediators))].sort();
  const ratingsOf = (result: FileResult) => numeric(result.items.flatMap((i) => Object.values(i.ratings)));
  const discussed = (result: FileResult) => result.items.filter((i) => i.discuss).length;
  return {
    files: fileResults,
    mediators: mediatorIds.map((mediator) => {
      const theirs = fileResults.filter((f) => f.mediators.includes(mediator));
      return {
        mediator,
        files: theirs.length,
        mean: mean(theirs.flatMap(ratingsOf)),
        discussionItems: theirs.reduce((n, f) => n + discussed(f), 0),
      };
    }),
    period: {
      files: fileResults.length,
      reviews: fileResults.reduce((n, f) => n + f.reviewers.length, 0),
      reviewsComplete: fileResults.reduce((n, f) => n + f.complete.length, 0),
      mean: mean(fileResults.flatMap(ratingsOf)),
      discussionItems: fileResults.reduce((n, f) => n + discussed(f), 0),
    },
    criteria: criterionIds.map((criterionId) => {
      const items = fileResults.flatMap((f) => f.items.filter((i) => i.criterionId === criterionId));
      return {
        criterionId,
        mean: mean(numeric(items.flatMap((i) => Object.values(i.ratings)))),
        discussionItems: items.filter((i) => i.discuss).length,
      };
    }),
  };
}

export interface AuditReport {
  audit: Audit;
  criterionIds: string[];
  results: AuditResults;
}
