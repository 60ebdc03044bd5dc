/**
 * The shared shape of Spiegel's CSV imports (round answers, units, training hours, case files): records with
 * their line numbers, and one refusal that carries every problem, so nothing is imported when a row is bad.
 */
import { parse } from 'csv-parse/sync';
import { SpiegelError } from '../domain/errors.js';
import type { InputIssue } from '../domain/input-problems.js';

export interface CsvRecord {
  /** The line the record ends on, as a person counts lines in the file. */
  line: number;
  values: string[];
}

/** Nothing is imported; every problem is listed as a coded issue, worded in the reader's language. */
export function refuseImport(problems: readonly InputIssue[], options: { cause?: unknown } = {}): never {
  throw new SpiegelError('import.invalid', JSON.stringify(problems), { problems }, options);
}

/** Every record of the file, the header first; a file that is no CSV is refused. */
export function readCsvRecords(csv: string): CsvRecord[] {
  try {
    const records = parse(csv, { info: true, skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map(({ record, info }) => ({ line: info.lines, values: record }));
  } catch (error) {
    const line = (error as { lines?: unknown }).lines ?? '?';
    return refuseImport([{ problem: 'csvSyntax', params: { line } }], { cause: error });
  }
}

/** The header's columns, lower-cased, and the records after it. */
export function splitHeader(records: CsvRecord[]): { header: string[]; body: CsvRecord[] } {
  const [head, ...body] = records;
  return { header: head?.values.map((h) => h.toLowerCase()) ?? [], body };
}

/** The records after a header that must read `header` (any case); another header is refused. */
export function readCsvBody(csv: string, header: readonly string[]): CsvRecord[] {
  const { header: found, body } = splitHeader(readCsvRecords(csv));
  if (found.join(',') !== header.join(',')) refuseImport([{ problem: 'csvHeader', params: { header: header.join(',') }, line: 1 }]);
  return body;
}
