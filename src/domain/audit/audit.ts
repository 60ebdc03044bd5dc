import type { Place } from '../round.js';

/** One drawn case file: its reviewers rate it in a round of its own (one per file, reviewers as participants). */
export interface AuditFile {
  caseId: string;
  mediators: string[];
  reviewers: string[];
  roundId: string;
}

/** A random case-file audit as drawn: everything needed to draw it again (seed, period, size) is recorded. */
export interface Audit {
  id: string;
  tenantId: string;
  seed: string;
  /** The period (ISO dates, inclusive) whose closed files were eligible. */
  from: string;
  to: string;
  size: number;
  reviewersPerFile: number;
  frameworkId: string;
  /** Where the audit was drawn (its rounds live there). */
  place: Place;
  drawnBy: string;
  drawnAt: Date;
  files: AuditFile[];
}

/** A file audited this long ago or less is not drawn again. */
export const AUDIT_EXCLUSION_MONTHS = 12;

export function auditExclusionStart(now: Date): Date {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - AUDIT_EXCLUSION_MONTHS);
  return start;
}
