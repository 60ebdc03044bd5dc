/**
 * A round's export as files: its answers (no respondent column, items under k left out: see exportResponses)
 * and its summary, as CSV (one file each) or as one JSON file. The same files in the CLI, Slack and Teams.
 */
import { stringify } from 'csv-stringify/sync';
import type { ExportRow, Round } from '../domain/round.js';
import type { Summary } from '../domain/summary-types.js';

export const exportFormats = ['csv', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFileKinds = ['answers.csv', 'summary.csv', 'round.json'] as const;
export type ExportFileKind = (typeof exportFileKinds)[number];

export interface RoundExport {
  round: Round;
  summary: Summary;
  interim: boolean;
  rows: ExportRow[];
}

export interface ExportFile {
  kind: ExportFileKind;
  filename: string;
  mimeType: string;
  content: string;
}

export function exportFileKindsOf(format: ExportFormat): ExportFileKind[] {
  return format === 'csv' ? ['answers.csv', 'summary.csv'] : ['round.json'];
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

function roundJson({ round, summary, interim, rows }: RoundExport): string {
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
  return `${JSON.stringify({ round: about, interim, summary, answers: rows }, null, 2)}\n`;
}

export function exportFile(kind: ExportFileKind, data: RoundExport): ExportFile {
  const filename = `spiegel-${data.round.id}-${kind}`;
  if (kind === 'answers.csv') return { kind, filename, mimeType: 'text/csv', content: answersCsv(data.rows) };
  if (kind === 'summary.csv') return { kind, filename, mimeType: 'text/csv', content: summaryCsv(data.summary) };
  return { kind, filename, mimeType: 'application/json', content: roundJson(data) };
}
