/** The case register: importing case files (never parties' personal data) and reading them back. */
import type { InputIssue } from '../domain/input-problems.js';
import { readCsvRecords, refuseImport } from './csv-import.js';
import { caseColumns, countByMediator, MAX_CASE_ROWS, readCaseRow, type CaseFile } from '../domain/mediation/case-file.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { requireQualityCoordinator } from './mediation-settings.js';

/** Checks the whole file; returns its case files, or refuses with every problem and its line number. */
export function readCaseRegister(tenantId: string, csv: string): CaseFile[] {
  const [head, ...body] = readCsvRecords(csv);
  if (!head) refuseImport([{ problem: 'emptyFile' }]);
  const header = head.values.map((h) => h.toLowerCase());
  const unknown = header.filter((h) => !(caseColumns as readonly string[]).includes(h));
  if (unknown.length > 0) {
    refuseImport([
      {
        problem: 'caseColumnsUnknown',
        params: { columns: unknown.map((u) => `“${u}”`).join(', '), allowed: caseColumns.join(',') },
        line: head.line,
      },
    ]);
  }
  const missing = caseColumns.filter((c) => !header.includes(c));
  if (missing.length > 0 || new Set(header).size !== header.length)
    refuseImport([{ problem: 'csvHeader', params: { header: caseColumns.join(',') }, line: head.line }]);
  if (body.length === 0) refuseImport([{ problem: 'noCaseFiles' }]);
  if (body.length > MAX_CASE_ROWS) refuseImport([{ problem: 'tooManyCaseFiles', params: { count: body.length, max: MAX_CASE_ROWS } }]);
  const problems: InputIssue[] = [];
  const files: CaseFile[] = [];
  const seen = new Map<string, number>();
  for (const { values: record, line } of body) {
    if (record.length !== header.length) {
      problems.push({ problem: 'columnCount', params: { values: record.length, columns: header.length }, line });
      continue;
    }
    const values = Object.fromEntries(caseColumns.map((c) => [c, record[header.indexOf(c)] ?? ''])) as Record<
      (typeof caseColumns)[number],
      string
    >;
    const read = readCaseRow(tenantId, { line, values });
    if ('problems' in read) {
      problems.push(...read.problems.map((p) => ({ ...p, line })));
      continue;
    }
    const earlier = seen.get(read.file.caseId);
    if (earlier !== undefined) problems.push({ problem: 'caseRepeated', params: { caseId: read.file.caseId, earlier }, line });
    seen.set(read.file.caseId, line);
    files.push(read.file);
  }
  if (problems.length > 0) refuseImport(problems);
  return files;
}

/** Imports a case register CSV (`case,mediator,opened,closed,type`): all rows or none. Coordinators and admins. */
export async function importCases(ctx: AppContext, actor: Actor, csv: string): Promise<{ imported: number }> {
  await requireQualityCoordinator(ctx, actor);
  const files = readCaseRegister(actor.tenantId, csv);
  await ctx.stores.cases.putMany(actor.tenantId, files);
  return { imported: files.length };
}

export async function listCases(ctx: AppContext, actor: Actor): Promise<CaseFile[]> {
  await requireQualityCoordinator(ctx, actor);
  return ctx.stores.cases.list(actor.tenantId);
}

/** Case files per mediator, for coordinators. */
export async function caseCounts(ctx: AppContext, actor: Actor): Promise<ReturnType<typeof countByMediator>> {
  return countByMediator(await listCases(ctx, actor));
}
