/** `spiegel cases …`, `spiegel audit …`, `spiegel licence …`: the mediation quality system from the command line. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { auditReport, drawAudit, listAudits } from '../app/audits.js';
import { caseCounts, importCases, listCases } from '../app/cases.js';
import { addLicenceEntry, importTraining, licenceReport } from '../app/licence.js';
import { updateMediationSettings, type MediationSettingsPatch } from '../app/mediation-settings.js';
import type { LicenceEntryKind } from '../domain/mediation/licence.js';
import { defaultRequirements } from '../domain/mediation/settings.js';
import { licenceReportLines, licenceReportRows } from '../presentation/licence-texts.js';
import { platformOfTenant } from '../app/notifier.js';
import type { Config } from '../config.js';
import { localeSchema, type Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import {
  auditDrawnLines,
  auditListLines,
  auditReportLines,
  auditReportRows,
  caseCountLines,
  auditRoundName,
} from '../presentation/audit-texts.js';
import { withCliSession, type CliSession } from './cli-context.js';
import { asJson, asLines } from './output.js';
import { need, pickFormat, UsageError } from './usage-error.js';

const groups = ['cases', 'audit', 'licence'] as const;

export function isMediationGroup(word: string | undefined): boolean {
  return (groups as readonly string[]).includes(word ?? '');
}

const optionsSchema = z.object({
  tenant: z.string().min(1).default('cli:local'),
  locale: localeSchema.optional(),
  format: z.string().optional(),
  size: z.coerce.number().int().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  seed: z.string().optional(),
  reviewers: z.coerce.number().int().optional(),
  channel: z.string().optional(),
  year: z.coerce.number().int().optional(),
  member: z.string().optional(),
  kind: z.string().optional(),
  date: z.string().optional(),
  amount: z.coerce.number().optional(),
  note: z.string().optional(),
  'year-start': z.string().optional(),
  'min-mediations': z.coerce.number().optional(),
  'min-training-hours': z.coerce.number().optional(),
  'min-intervisions': z.coerce.number().optional(),
  'reminder-weeks': z.coerce.number().optional(),
  'attendance-steps': z.coerce.number().optional(),
  members: z.string().optional(),
});

interface Call {
  session: CliSession;
  options: z.infer<typeof optionsSchema>;
  target: string | undefined;
  locale: Locale;
}

async function casesImport({ session, target, locale }: Call): Promise<string> {
  const csv = await readFile(need(target, 'FILE.csv'), 'utf8');
  const { imported } = await importCases(session.ctx, session.actor, csv);
  return asLines([translator(locale)('mediation.cases.imported', { count: imported })]);
}

async function casesList({ session, options, locale }: Call): Promise<string> {
  const format = pickFormat(options.format, ['text', 'json'], 'text');
  if (format === 'json') return asJson(await listCases(session.ctx, session.actor));
  return asLines(caseCountLines(await caseCounts(session.ctx, session.actor), locale));
}

async function auditDraw({ session, options, locale }: Call): Promise<string> {
  const format = pickFormat(options.format, ['text', 'json'], 'text');
  const tenantId = session.actor.tenantId;
  const audit = await drawAudit(session.ctx, session.actor, {
    size: options.size ?? Number.NaN,
    from: need(options.from, '--from YYYY-MM-DD'),
    to: need(options.to, '--to YYYY-MM-DD'),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.reviewers !== undefined ? { reviewersPerFile: options.reviewers } : {}),
    place: { platform: platformOfTenant(tenantId) ?? 'cli', tenantId, channelId: options.channel ?? 'cli' },
    locale,
    roundName: (caseId) => auditRoundName(caseId, locale),
  });
  if (format === 'text') return asLines(auditDrawnLines(audit, locale));
  return asJson({
    auditId: audit.id,
    seed: audit.seed,
    from: audit.from,
    to: audit.to,
    size: audit.size,
    reviewersPerFile: audit.reviewersPerFile,
    files: audit.files.map((f) => ({ case: f.caseId, mediators: f.mediators, reviewers: f.reviewers, roundId: f.roundId })),
  });
}

async function auditReportCommand({ session, options, target, locale }: Call): Promise<string> {
  const format = pickFormat(options.format, ['text', 'json', 'csv'], 'text');
  const report = await auditReport(session.ctx, session.actor, need(target, 'audit ID'));
  if (format === 'json')
    return asJson({ auditId: report.audit.id, seed: report.audit.seed, from: report.audit.from, to: report.audit.to, ...report.results });
  if (format === 'csv')
    return stringify(auditReportRows(report), {
      header: true,
      columns: ['case', 'mediators', 'criterion', 'reviewer', 'value', 'discuss'],
    });
  return asLines(auditReportLines(report, locale));
}

async function auditList({ session, locale }: Call): Promise<string> {
  return asLines(auditListLines(await listAudits(session.ctx, session.actor), locale));
}

const idList = (text: string) =>
  text
    .split(/[;,]/)
    .map((id) => id.trim())
    .filter(Boolean);

/** Admin: the workspace's quality settings (members, licence year and requirements); prints them. */
async function licenceSettings({ session, options }: Call): Promise<string> {
  const current = await session.ctx.stores.mediationSettings.get(session.actor.tenantId);
  const requirements = {
    ...(current?.requirements ?? {}),
    ...(options['min-mediations'] !== undefined ? { mediations: options['min-mediations'] } : {}),
    ...(options['min-training-hours'] !== undefined ? { trainingHours: options['min-training-hours'] } : {}),
    ...(options['min-intervisions'] !== undefined ? { intervisions: options['min-intervisions'] } : {}),
  };
  const patch: MediationSettingsPatch = {
    ...(Object.keys(requirements).length > 0 ? { requirements: { ...defaultRequirements, ...requirements } } : {}),
    ...(options['year-start'] !== undefined ? { licenceYearStart: options['year-start'] } : {}),
    ...(options['reminder-weeks'] !== undefined ? { reminderWeeks: options['reminder-weeks'] } : {}),
    ...(options['attendance-steps'] !== undefined ? { intervisionMinSteps: options['attendance-steps'] } : {}),
    ...(options.members !== undefined ? { members: idList(options.members) } : {}),
  };
  return asJson(await updateMediationSettings(session.ctx, session.actor, patch));
}

async function licenceAdd({ session, options, locale }: Call): Promise<string> {
  const entry = await addLicenceEntry(session.ctx, session.actor, {
    member: need(options.member, '--member ID'),
    kind: need(options.kind, '--kind mediation|training|intervision') as LicenceEntryKind,
    date: need(options.date, '--date YYYY-MM-DD'),
    ...(options.amount !== undefined ? { amount: options.amount } : {}),
    ...(options.note !== undefined ? { note: options.note } : {}),
  });
  const t = translator(locale);
  return asLines([
    t('mediation.licence.added', {
      kind: t(`mediation.licence.kind.${entry.kind}`),
      member: entry.member,
      date: entry.date,
      amount: entry.amount,
    }),
  ]);
}

async function licenceImportTraining({ session, target, locale }: Call): Promise<string> {
  const csv = await readFile(need(target, 'FILE.csv'), 'utf8');
  const { imported, hours } = await importTraining(session.ctx, session.actor, csv);
  return asLines([translator(locale)('mediation.licence.imported', { count: imported, hours })]);
}

async function licenceReportCommand({ session, options, locale }: Call): Promise<string> {
  const format = pickFormat(options.format, ['text', 'json', 'csv'], 'text');
  const report = await licenceReport(session.ctx, session.actor, options.year);
  if (format === 'json') return asJson({ year: report.year, requirements: report.requirements, members: report.standings });
  if (format === 'csv') return stringify(licenceReportRows(report), { header: true });
  return asLines(licenceReportLines(report, locale));
}

const commands: Record<string, (call: Call) => Promise<string>> = {
  'licence settings': licenceSettings,
  'licence add': licenceAdd,
  'licence import-training': licenceImportTraining,
  'licence report': licenceReportCommand,
  'cases import': casesImport,
  'cases list': casesList,
  'audit draw': auditDraw,
  'audit report': auditReportCommand,
  'audit list': auditList,
};

export async function runMediationCommand(argv: string[], config: Config): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      locale: { type: 'string' },
      format: { type: 'string' },
      size: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      seed: { type: 'string' },
      reviewers: { type: 'string' },
      channel: { type: 'string' },
      year: { type: 'string' },
      member: { type: 'string' },
      kind: { type: 'string' },
      date: { type: 'string' },
      amount: { type: 'string' },
      note: { type: 'string' },
      'year-start': { type: 'string' },
      'min-mediations': { type: 'string' },
      'min-training-hours': { type: 'string' },
      'min-intervisions': { type: 'string' },
      'reminder-weeks': { type: 'string' },
      'attendance-steps': { type: 'string' },
      members: { type: 'string' },
    },
  });
  const options = optionsSchema.parse(values);
  const [group, action, target] = positionals;
  const name = `${group ?? ''} ${action ?? ''}`.trim();
  const command = commands[name];
  if (!command) throw new UsageError('cli.unknownCommand', { command: name });
  const locale = options.locale ?? config.DEFAULT_LOCALE;
  return withCliSession(config, options.tenant, (session) => command({ session, options, target, locale }));
}
