/**
 * A round's export as files: its answers (no respondent column, items under k left out: see exportResponses),
 * its open answers (when it asked open questions; no respondent column, a question under k in an anonymous round
 * left out) and its summary, as CSV (one file each) or as one JSON file. The same files in the CLI, Slack and Teams.
 */
import { stringify } from 'csv-stringify/sync';
import type { ExportRow, OpenAnswerExportRow, Round } from '../domain/round.js';
import type { Summary } from '../domain/summary-types.js';

export const exportFormats = ['csv', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFileKinds = ['answers.csv', 'summary.csv', 'open-answers.csv', 'round.json'] as const;
export type ExportFileKind = (typeof exportFileKinds)[number];

export interface RoundExport {
  round: Round;
  summary: Summary;
  interim: boolean;
  rows: ExportRow[];
  openRows: OpenAnswerExportRow[];
}

export interface ExportFile {
  kind: ExportFileKind;
  filename: string;
  mimeType: string;
  content: string;
}

/** The files of a format (both formats without one); the open answers' file only for a round that asked open questions. */
export function exportFileKindsOf(round: Pick<Round, 'framework'>, format?: ExportFormat): ExportFileKind[] {
  const open = round.framework.questions.length > 0;
  const csv: ExportFileKind[] = open ? ['answers.csv', 'summary.csv', 'open-answers.csv'] : ['answers.csv', 'summary.csv'];
  if (format === 'csv') return csv;
  return format === 'json' ? ['round.json'] : [...csv, 'round.json'];
}

export function answersCsv(rows: ExportRow[]): string {
  return stringify(rows, { header: true, columns: ['criterion', 'component', 'dimension', 'value', 'comment'] });
}

const summaryColumns = [
  'criterion',
  'component',
  'dimension',
  'suppressed',
  'n',
  'na',
  'mean',
  'median',
  'q1',
  'q3',
  'iqr',
  'sd',
  'rwg',
  'consensus',
  'class',
];

/** One row per item; an item under k shows nothing but that it is suppressed. */
function summaryCsv(summary: Summary): string {
  const rows = summary.criteria.map((item) =>
    item.suppressed
      ? [item.criterionId, item.component, item.dimension, 'true']
      : [
          item.criterionId,
          item.component,
          item.dimension,
          'false',
          item.n,
          item.naCount,
          item.mean,
          item.median,
          item.q1,
          item.q3,
          item.iqr,
          item.sd,
          item.rwg,
          item.consensus,
          item.class,
        ],
  );
  return stringify(rows, { header: true, columns: summaryColumns });
}

function roundJson({ round, summary, interim, rows, openRows }: RoundExport): string {
  const about = {
    id: round.id,
    name: round.name,
    state: round.state,
    framework: { id: round.framework.id, version: round.framework.version },
    anonymous: round.anonymous,
    openedAt: round.openedAt,
    deadline: round.deadline,
    closedAt: round.closedAt,
    participants: round.participants.length,
  };
  const open = round.framework.questions.length > 0 ? { openAnswers: openRows } : {};
  return `${JSON.stringify({ round: about, interim, summary, answers: rows, ...open }, null, 2)}\n`;
}

export function exportFile(kind: ExportFileKind, data: RoundExport): ExportFile {
  const filename = `spiegel-${data.round.id}-${kind}`;
  if (kind === 'answers.csv') return { kind, filename, mimeType: 'text/csv', content: answersCsv(data.rows) };
  if (kind === 'summary.csv') return { kind, filename, mimeType: 'text/csv', content: summaryCsv(data.summary) };
  if (kind === 'open-answers.csv') {
    const content = stringify(data.openRows, { header: true, columns: ['question', 'component', 'answer'] });
    return { kind, filename, mimeType: 'text/csv', content };
  }
  return { kind, filename, mimeType: 'application/json', content: roundJson(data) };
}
