import { readFile } from 'node:fs/promises';
import { importRound } from '../app/import-round.js';
import { listRounds } from '../app/rounds.js';
import { exportResponses, roundSummary } from '../app/summaries.js';
import type { Locale } from '../domain/framework.js';
import type { RoundState } from '../domain/round.js';
import { answersCsv } from '../presentation/round-export.js';
import { buildSummaryView } from '../presentation/summary-view.js';
import { translator } from '../i18n/translator.js';
import type { CliSession } from './cli-context.js';
import { asJson, asLines } from './output.js';
import { renderSummaryText } from './summary-text.js';

export async function importRoundCommand(
  session: CliSession,
  options: { file: string; frameworkId: string; name?: string; anonymous: boolean; locale: Locale; unitId?: string },
): Promise<string> {
  const csv = await readFile(options.file, 'utf8');
  const { round } = await importRound(session.ctx, session.actor, {
    place: session.place,
    frameworkId: options.frameworkId,
    locale: options.locale,
    anonymous: options.anonymous,
    csv,
    ...(options.name ? { name: options.name } : {}),
    ...(options.unitId ? { unitId: options.unitId } : {}),
  });
  return asLines([round.id]);
}

export async function listRoundsCommand(session: CliSession, format: 'text' | 'json', locale: Locale, state?: RoundState): Promise<string> {
  const rounds = await listRounds(session.ctx, session.actor, state ? { state, limit: 500 } : { limit: 500 });
  if (format === 'json') {
    return asJson(
      rounds.map((r) => ({
        id: r.id,
        name: r.name,
        state: r.state,
        framework: r.framework.id,
        participants: r.participants.length,
        openedAt: r.openedAt,
        deadline: r.deadline,
        closedAt: r.closedAt,
      })),
    );
  }
  const t = translator(locale);
  if (rounds.length === 0) return asLines([t('cli.noRounds')]);
  return asLines(
    rounds.map(
      (r) =>
        `${r.id}  ${t(`state.${r.state}`).padEnd(11)}  ${r.framework.id.padEnd(20)}  ${r.openedAt.toISOString().slice(0, 10)}  ${r.name}`,
    ),
  );
}

export async function summaryCommand(session: CliSession, roundId: string, format: 'text' | 'json', locale: Locale): Promise<string> {
  const { round, summary, interim } = await roundSummary(session.ctx, session.actor, roundId);
  if (format === 'json') {
    return asJson({
      round: { id: round.id, name: round.name, state: round.state, framework: round.framework.id, anonymous: round.anonymous },
      interim,
      ...summary,
    });
  }
  return renderSummaryText(buildSummaryView(round, summary, locale, interim));
}

export async function exportCommand(session: CliSession, roundId: string, format: 'csv' | 'json'): Promise<string> {
  const { rows } = await exportResponses(session.ctx, session.actor, roundId);
  return format === 'json' ? asJson(rows) : answersCsv(rows);
}
