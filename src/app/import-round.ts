import type { InputIssue } from '../domain/input-problems.js';
import { readCsvBody, refuseImport } from './csv-import.js';
import type { Framework, Locale } from '../domain/framework.js';
import { MAX_COMMENT_LENGTH, type Place, type Response, type Round } from '../domain/round.js';
import type { Summary } from '../domain/summary-types.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { respondentKey } from './pseudonym.js';
import { normaliseComment, validateRating } from './save-answers.js';
import { buildRound } from './rounds.js';
import { computeSummary } from './compute-summary.js';
import { requireUnit } from './units.js';
import { frameworksOf } from './tenant-frameworks.js';

export interface ImportRoundInput {
  place: Place;
  frameworkId: string;
  name?: string;
  anonymous?: boolean;
  locale: Locale;
  /** CSV text with the header `member,criterion,dimension,value,comment`. */
  csv: string;
  /** The unit of the workspace's structure the round belongs to. */
  unitId?: string;
}

const HEADER = ['member', 'criterion', 'dimension', 'value', 'comment'];

interface Row {
  line: number;
  member: string;
  criterion: string;
  dimension: string;
  value: string;
  comment: string;
}

function readRows(csv: string): Row[] {
  return readCsvBody(csv, HEADER).map(({ line, values }) => ({
    line,
    member: values[0] ?? '',
    criterion: values[1] ?? '',
    dimension: values[2] ?? '',
    value: values[3] ?? '',
    comment: values[4] ?? '',
  }));
}

/**
 * Creates a closed round from a reflection held on paper or in a form. Every row is checked first;
 * one bad row means nothing is imported, and every problem is reported with its line number.
 */
export async function importRound(ctx: AppContext, actor: Actor, input: ImportRoundInput): Promise<{ round: Round; summary: Summary }> {
  const rows = readRows(input.csv);
  if (rows.length === 0) refuseImport([{ problem: 'noAnswers' }]);
  const framework = (await frameworksOf(ctx, actor.tenantId)).get(input.frameworkId);
  if (input.unitId) await requireUnit(ctx, actor, input.unitId);
  const members = [...new Set(rows.map((r) => r.member).filter(Boolean))];
  const asked = framework.criteria.filter((c) => rows.some((r) => r.criterion === c.id)).map((c) => c.id);
  const round = buildClosedRound(ctx, actor, input, framework, members, asked);
  const problems: InputIssue[] = [];
  const seen = new Set<string>();
  const responses: Response[] = [];
  const dims = round.framework.dimensions.map((d) => d.id);
  for (const row of rows) {
    const problem = (issue: InputIssue) => problems.push({ ...issue, line: row.line });
    if (!row.member) problem({ problem: 'memberEmpty' });
    if (!framework.criteria.some((c) => c.id === row.criterion))
      problem({ problem: 'unknownCriterion', params: { criterion: row.criterion } });
    const dimension = row.dimension || (dims.length === 0 ? 'rating' : '');
    if (dims.length === 0 ? row.dimension !== '' : !dims.includes(row.dimension)) {
      problem(
        dims.length === 0
          ? { problem: 'noDimensions', params: { dimension: row.dimension } }
          : { problem: 'dimensionChoice', params: { dimensions: dims.join(', ') } },
      );
    }
    let value: Response['value'] | undefined;
    try {
      value = validateRating(round, row.value.toLowerCase() === 'na' ? 'na' : /^-?\d+$/.test(row.value) ? Number(row.value) : row.value);
    } catch {
      problem({ problem: 'offScale', params: { value: row.value, min: framework.scale.min, max: framework.scale.max } });
    }
    let comment: string | null | undefined = null;
    try {
      comment = normaliseComment(row.comment);
    } catch {
      problem({ problem: 'commentLength', params: { length: row.comment.trim().length, max: MAX_COMMENT_LENGTH } });
    }
    const key = `${row.member}|${row.criterion}|${dimension}`;
    if (seen.has(key)) problem({ problem: 'secondAnswer', params: { member: row.member, criterion: row.criterion, dimension } });
    seen.add(key);
    if (value !== undefined && row.member) {
      responses.push({
        roundId: round.id,
        criterionId: row.criterion,
        dimension,
        respondent: respondentKey(ctx, round, row.member),
        value,
        comment: comment ?? null,
        updatedAt: null,
      });
    }
  }
  if (problems.length > 0) {
    refuseImport(problems);
  }
  await ctx.stores.rounds.insert(round);
  await ctx.stores.responses.saveMany(actor.tenantId, responses);
  await Promise.all(members.map((m) => ctx.stores.participation.markAnswered(actor.tenantId, round, respondentKey(ctx, round, m), null)));
  const summary = await computeSummary(ctx, round);
  await ctx.stores.summaries.save(actor.tenantId, summary);
  return { round, summary };
}

/** The round as it was held: its members and the criteria the file answers. */
function buildClosedRound(
  ctx: AppContext,
  actor: Actor,
  input: ImportRoundInput,
  framework: Framework,
  members: string[],
  criterionIds: string[],
): Round {
  const open = buildRound(
    ctx,
    actor,
    {
      criterionIds,
      place: input.place,
      frameworkId: input.frameworkId,
      participants: members.length > 0 ? members : [actor.userId],
      locale: input.locale,
      ...(input.name ? { name: input.name } : {}),
      ...(input.anonymous ? { anonymous: true } : {}),
      unitId: input.unitId ?? null,
    },
    framework,
  );
  return { ...open, state: 'closed', closedAt: ctx.clock.now() };
}
