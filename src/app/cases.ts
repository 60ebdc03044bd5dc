/** The case register: importing case files (never parties' personal data) and reading them back. */
import { readCsvRecords, refuseImport } from './csv-import.js';
import { caseColumns, countByMediator, MAX_CASE_ROWS, readCaseRow, type CaseFile } from '../domain/mediation/case-file.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { requireQualityCoordinator } from './mediation-settings.js';

/** Checks the whole file; returns its case files, or refuses with every problem and its line number. */
export function readCaseRegister(tenantId: string, csv: string): CaseFile[] {
  const [head, ...body] = readCsvRecords(csv);
  if (!head) refuseImport(['the file is empty']);
  const header = head.values.map((h) => h.toLowerCase());
  const unknown = header.filter((h) => !(caseColumns as readonly string[]).includes(h));
  if (unknown.length > 0) {
    refuseImport([
      `line ${head.line}: unknown column(s) ${unknown.map((u) => `“${u}”`).join(', ')}: the register holds only ${caseColumns.join(',')}, never parties’ personal data`,
    ]);
  }
  const missing = caseColumns.filter((c) => !header.includes(c));
  if (missing.length > 0 || new Set(header).size !== header.length)
    refuseImport([`line ${head.line}: the header must be ${caseColumns.join(',')}`]);
  if (body.length === 0) refuseImport(['the file has no case files']);
  if (body.length > MAX_CASE_ROWS) refuseImport([`the file has ${body.length} case files; at most ${MAX_CASE_ROWS} at once`]);
  const problems: string[] = [];
  const files: CaseFile[] = [];
  const seen = new Map<string, number>();
  for (const { values: record, line } of body) {
    if (record.length !== header.length) {
      problems.push(`line ${line}: ${record.length} values for ${header.length} columns`);
      continue;
    }
    const values = Object.fromEntries(caseColumns.map((c) => [c, record[header.indexOf(c)] ?? ''])) as Record<
      (typeof caseColumns)[number],
      string
    >;
    const read = readCaseRow(tenantId, { line, values });
    if ('problems' in read) {
      problems.push(...read.problems.map((p) => `line ${line}: ${p}`));
      continue;
    }
    const earlier = seen.get(read.file.caseId);
    if (earlier !== undefined) problems.push(`line ${line}: case ${read.file.caseId} appears already on line ${earlier}`);
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
