/**
 * The shared shape of Spiegel's CSV imports (round answers, units, training hours, case files): records with
 * their line numbers, and one refusal that carries every problem, so nothing is imported when a row is bad.
 */
import { parse } from 'csv-parse/sync';
import { SpiegelError } from '../domain/errors.js';

export interface CsvRecord {
  /** The line the record ends on, as a person counts lines in the file. */
  line: number;
  values: string[];
}

export function refuseImport(problems: string[]): never {
  throw new SpiegelError('import.invalid', problems.join('\n'), { detail: problems.join('; '), problems });
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
    return refuseImport([`CSV syntax: ${(error as Error).message}`]);
  }
}

/** The records after a header that must read `header` (any case); the header itself is refused otherwise. */
export function readCsvBody(csv: string, header: readonly string[], accepted: readonly (readonly string[])[] = [header]): CsvRecord[] {
  const [head, ...body] = readCsvRecords(csv);
  const found = head?.values.map((h) => h.toLowerCase()).join(',');
  if (!accepted.some((h) => h.join(',') === found)) refuseImport([`line 1: the header must be ${header.join(',')}`]);
  return body;
}
