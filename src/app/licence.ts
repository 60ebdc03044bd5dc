/** The licence log: entries, the training import, each member's standing per licence year, and the renewal reminders. */
import { readCsvRecords, refuseImport, splitHeader } from './csv-import.js';
import { SpiegelError } from '../domain/errors.js';
import { inputInvalid, type InputIssue } from '../domain/input-problems.js';
import { isIsoDate } from '../domain/mediation/case-file.js';
import {
  licenceEntryKinds,
  licenceStanding,
  type LicenceEntry,
  type LicenceEntryKind,
  type LicenceStanding,
  type LicenceReport,
} from '../domain/mediation/licence.js';
import { licenceYear, licenceYearOf, type LicenceYear, type MediationSettings } from '../domain/mediation/settings.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { getMediationSettings, knownMembers, requireQualityCoordinator } from './mediation-settings.js';

const MAX_NOTE = 200;
const MAX_IMPORT_ROWS = 5000;

export interface LicenceEntryInput {
  member: string;
  kind: LicenceEntryKind;
  date: string;
  /** Hours for training; a count (default 1) for mediations and intervisions. */
  amount?: number;
  note?: string;
}

/** Checks one entry against the known members; returns the problems (empty when fine). */
function entryProblems(input: LicenceEntryInput, members: ReadonlySet<string>): InputIssue[] {
  const problems: InputIssue[] = [];
  if (!members.has(input.member)) problems.push({ problem: 'notLicenceMember', params: { member: input.member } });
  if (!(licenceEntryKinds as readonly string[]).includes(input.kind))
    problems.push({ problem: 'licenceKind', params: { kinds: licenceEntryKinds.join(', ') } });
  if (!isIsoDate(input.date)) problems.push({ problem: 'notADate', params: { value: input.date } });
  const amount = input.amount ?? 1;
  if (!Number.isFinite(amount) || amount <= 0 || amount > 1000) problems.push({ problem: 'licenceAmount' });
  if (input.kind !== 'training' && !Number.isInteger(amount)) problems.push({ problem: 'wholeCount' });
  if ((input.note ?? '').length > MAX_NOTE) problems.push({ problem: 'noteTooLong', params: { max: MAX_NOTE } });
  return problems;
}

function toEntry(ctx: AppContext, actor: Actor, input: LicenceEntryInput): LicenceEntry {
  return {
    id: ctx.newId(),
    tenantId: actor.tenantId,
    member: input.member,
    kind: input.kind,
    date: input.date,
    amount: input.amount ?? 1,
    note: input.note?.trim() || null,
    createdBy: actor.userId,
    createdAt: ctx.clock.now(),
  };
}

/** A coordinator's entry: a mediation, training hours, or an intervision held elsewhere. Unknown members are refused. */
export async function addLicenceEntry(ctx: AppContext, actor: Actor, input: LicenceEntryInput): Promise<LicenceEntry> {
  const settings = await requireQualityCoordinator(ctx, actor);
  const members = new Set(await knownMembers(ctx, settings));
  if (!members.has(input.member)) throw new SpiegelError('member.unknown', `${input.member} unknown`, { member: input.member });
  const [problem] = entryProblems(input, members);
  if (problem) throw inputInvalid(problem.problem, problem.params);
  const entry = toEntry(ctx, actor, input);
  await ctx.stores.licenceEntries.insertMany([entry]);
  return entry;
}

/** Imports training hours from a CSV `member,date,hours,note`: all rows or none, every problem with its line number. */
export async function importTraining(ctx: AppContext, actor: Actor, csv: string): Promise<{ imported: number; hours: number }> {
  const settings = await requireQualityCoordinator(ctx, actor);
  const members = new Set(await knownMembers(ctx, settings));
  const { header: columns, body } = splitHeader(readCsvRecords(csv));
  const header = columns.join(',');
  const problems: InputIssue[] = [];
  if (header !== 'member,date,hours,note' && header !== 'member,date,hours')
    problems.push({ problem: 'csvHeader', params: { header: 'member,date,hours,note' }, line: 1 });
  else if (body.length === 0) problems.push({ problem: 'noTrainingEntries' });
  else if (body.length > MAX_IMPORT_ROWS) problems.push({ problem: 'tooManyEntries', params: { max: MAX_IMPORT_ROWS } });
  const entries: LicenceEntry[] = [];
  for (const { values, line } of problems.length > 0 ? [] : body) {
    const [member = '', date = '', hours = '', note = ''] = values;
    const input: LicenceEntryInput = {
      member,
      kind: 'training',
      date,
      amount: /^\d+(\.\d+)?$/.test(hours) ? Number(hours) : Number.NaN,
      note,
    };
    const found = entryProblems(input, members);
    if (found.length > 0) problems.push(...found.map((p) => ({ ...p, line })));
    else entries.push(toEntry(ctx, actor, input));
  }
  if (problems.length > 0) refuseImport(problems);
  await ctx.stores.licenceEntries.insertMany(entries);
  return { imported: entries.length, hours: entries.reduce((sum, e) => sum + e.amount, 0) };
}

/** Every member's standing in a licence year, from the case register and the entries. */
export async function standingsFor(ctx: AppContext, settings: MediationSettings, year: LicenceYear): Promise<LicenceStanding[]> {
  const tenantId = settings.tenantId;
  const [members, files, entries] = await Promise.all([
    knownMembers(ctx, settings),
    ctx.stores.cases.list(tenantId),
    ctx.stores.licenceEntries.list(tenantId, year.start, year.end),
  ]);
  return members.map((member) => {
    const sum = (kind: LicenceEntryKind) => entries.filter((e) => e.member === member && e.kind === kind).reduce((n, e) => n + e.amount, 0);
    const mediated = files.filter(
      (f) => f.mediators.includes(member) && f.closed !== null && f.closed >= year.start && f.closed < year.end,
    ).length;
    return licenceStanding(
      member,
      {
        mediations: mediated + sum('mediation'),
        trainingHours: Math.round(sum('training') * 100) / 100,
        intervisions: sum('intervision'),
      },
      settings.requirements,
    );
  });
}

/** Who meets the requirements in a licence year and who falls short, by what: coordinators. */
export async function licenceReport(ctx: AppContext, actor: Actor, yearNumber?: number): Promise<LicenceReport> {
  const settings = await requireQualityCoordinator(ctx, actor);
  const year =
    yearNumber === undefined
      ? licenceYearOf(ctx.clock.now().toISOString().slice(0, 10), settings.licenceYearStart)
      : licenceYear(yearNumber, settings.licenceYearStart);
  if (!Number.isInteger(year.year) || year.year < 2000 || year.year > 2100) {
    throw inputInvalid('licenceYear');
  }
  return { year, requirements: settings.requirements, standings: await standingsFor(ctx, settings, year) };
}

/** The caller's own standing in the current licence year (members see only their own). */
export async function myLicence(ctx: AppContext, actor: Actor): Promise<{ year: LicenceYear; standing: LicenceStanding }> {
  const settings = await getMediationSettings(ctx, actor.tenantId);
  const members = await knownMembers(ctx, settings);
  if (!members.includes(actor.userId)) throw new SpiegelError('member.unknown', `${actor.userId} unknown`, { member: actor.userId });
  const year = licenceYearOf(ctx.clock.now().toISOString().slice(0, 10), settings.licenceYearStart);
  const standing = (await standingsFor(ctx, { ...settings, members: [actor.userId] }, year)).find((s) => s.member === actor.userId);
  if (!standing) throw new SpiegelError('member.unknown', `${actor.userId} unknown`, { member: actor.userId });
  return { year, standing };
}
