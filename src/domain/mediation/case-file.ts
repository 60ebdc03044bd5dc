/** Case files of a mediation service: an id, the mediator(s), dates and a type — never the parties' personal data. */
import type { InputIssue } from '../input-problems.js';

export interface CaseFile {
  tenantId: string;
  caseId: string;
  /** Platform member ids of the mediators responsible. */
  mediators: string[];
  /** ISO dates (YYYY-MM-DD). */
  opened: string;
  closed: string | null;
  type: string;
}

/** The only columns a case register holds: anything else (a party's name, an address) is refused. */
export const caseColumns = ['case', 'mediator', 'opened', 'closed', 'type'] as const;

export const MAX_CASE_ROWS = 5000;
const caseIdPattern = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const memberIdPattern = /^[A-Za-z0-9][A-Za-z0-9:._@-]{0,99}$/;

export function isMemberId(value: string): boolean {
  return memberIdPattern.test(value);
}

const ERASED_PREFIX = 'erased:';

/** What stands for an erased member in the organisation's records (register, audits): never a platform id. */
export function erasedMemberId(token: string): string {
  return `${ERASED_PREFIX}${token}`;
}

export function isErasedMember(id: string): boolean {
  return id.startsWith(ERASED_PREFIX);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export interface CaseRow {
  line: number;
  values: Record<(typeof caseColumns)[number], string>;
}

/** Checks one row; returns the case file, or the problems (without line numbers). */
export function readCaseRow(tenantId: string, row: CaseRow): { file: CaseFile } | { problems: InputIssue[] } {
  const { case: caseId, mediator, opened, closed, type } = row.values;
  const problems: InputIssue[] = [];
  if (!caseIdPattern.test(caseId)) problems.push({ problem: 'caseId', params: { caseId } });
  const mediators = [
    ...new Set(
      mediator
        .split(/[;|]/)
        .map((m) => m.trim())
        .filter(Boolean),
    ),
  ];
  if (mediators.length === 0) problems.push({ problem: 'noMediator' });
  for (const m of mediators) if (!isMemberId(m)) problems.push({ problem: 'mediatorId', params: { mediator: m } });
  if (!isIsoDate(opened)) problems.push({ problem: 'openedDate', params: { value: opened } });
  if (closed !== '' && !isIsoDate(closed)) problems.push({ problem: 'closedDate', params: { value: closed } });
  if (isIsoDate(opened) && isIsoDate(closed) && closed < opened)
    problems.push({ problem: 'closedBeforeOpened', params: { closed, opened } });
  if (type === '' || type.length > 40) problems.push({ problem: 'caseType' });
  if (problems.length > 0) return { problems };
  return { file: { tenantId, caseId, mediators, opened, closed: closed === '' ? null : closed, type } };
}

/** Files per mediator (a file with two mediators counts for both), sorted by mediator id. */
export function countByMediator(files: readonly CaseFile[]): { mediator: string; files: number; closed: number }[] {
  const counts = new Map<string, { files: number; closed: number }>();
  for (const file of files) {
    for (const mediator of file.mediators) {
      const c = counts.get(mediator) ?? { files: 0, closed: 0 };
      c.files++;
      if (file.closed) c.closed++;
      counts.set(mediator, c);
    }
  }
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([mediator, c]) => ({ mediator, ...c }));
}
