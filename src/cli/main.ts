import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config.js';
import { isSpiegelError } from '../domain/errors.js';
import { parseDay } from '../domain/compare-request.js';
import { localeSchema, type Locale } from '../domain/framework.js';
import { roundStates } from '../domain/round.js';
import { translator } from '../i18n/translator.js';
import { errorText, importProblemLines } from '../presentation/error-text.js';
import { withCliSession, type CliSession } from './cli-context.js';
import {
  addFrameworkCommand,
  diffFrameworkFiles,
  listFrameworks,
  retireFrameworkCommand,
  showFramework,
  validateFrameworkFile,
} from './frameworks-command.js';
import { importUnitsCommand, listUnitsCommand } from './units-command.js';
import { isMediationGroup, runMediationCommand } from './mediation-command.js';
import { need, pickFormat, UsageError } from './usage-error.js';
import { pictureFormats, type PictureFormat } from './output.js';
import { scheduleChangeCommand, scheduleCreateCommand, scheduleListCommand } from './schedule-command.js';
import { exportCommand, importRoundCommand, listRoundsCommand, summaryCommand } from './rounds-command.js';
import { eraseMemberCommand, exportMemberCommand } from './member-command.js';
import { setSettingCommand, showSettingsCommand } from './settings-command.js';
import { chartKinds } from '../presentation/charts/chart-plan.js';
import { type RecurrenceAction } from '../domain/recurrence.js';

/** The report commands draw charts: their modules (Vega, resvg, the fonts) load only when one is asked for. */
const loadReportCommands = () => import('./report-command.js');

/** A day as YYYY-MM-DD, read as midnight UTC. */
const dateOption = z.string().transform((s, ctx) => {
  const day = parseDay(s);
  if (!day) ctx.addIssue({ code: 'custom', message: 'a date looks like 2026-03-31' });
  return day ?? new Date(NaN);
});

const DAY_MS = 24 * 60 * 60 * 1000;

const optionsSchema = z.object({
  format: z.string().optional(),
  framework: z.string().optional(),
  name: z.string().optional(),
  anonymous: z.boolean().default(false),
  state: z.enum(roundStates).optional(),
  tenant: z.string().min(1).default('cli:local'),
  member: z.string().min(1).optional(),
  locale: localeSchema.optional(),
  unit: z.string().min(1).optional(),
  level: z.string().min(1).optional(),
  from: dateOption.optional(),
  to: dateOption.optional(),
  levels: z
    .string()
    .transform((s) => s.split(',').map((l) => l.trim()))
    .optional(),
  help: z.boolean().default(false),
  out: z.string().min(1).optional(),
  chart: z.enum(chartKinds).default('distribution'),
  channel: z.string().optional(),
  cadence: z.string().optional(),
  weekday: z.string().optional(),
  day: z.string().optional(),
  time: z.string().optional(),
  cron: z.string().optional(),
  'time-zone': z.string().optional(),
  days: z.string().optional(),
  k: z.string().optional(),
  perspectives: z.string().optional(),
  'no-reminders': z.boolean().default(false),
  participants: z.string().optional(),
});

async function run(argv: string[]): Promise<string> {
  const config = loadConfig();
  if (isMediationGroup(argv[0])) return runMediationCommand(argv, config);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      framework: { type: 'string' },
      name: { type: 'string' },
      anonymous: { type: 'boolean' },
      state: { type: 'string' },
      tenant: { type: 'string' },
      member: { type: 'string' },
      locale: { type: 'string' },
      unit: { type: 'string' },
      level: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      levels: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      out: { type: 'string' },
      chart: { type: 'string' },
      channel: { type: 'string' },
      cadence: { type: 'string' },
      weekday: { type: 'string' },
      day: { type: 'string' },
      time: { type: 'string' },
      cron: { type: 'string' },
      'time-zone': { type: 'string' },
      days: { type: 'string' },
      k: { type: 'string' },
      perspectives: { type: 'string' },
      'no-reminders': { type: 'boolean' },
      participants: { type: 'string' },
    },
  });
  const options = optionsSchema.parse(values);
  const locale: Locale = options.locale ?? config.DEFAULT_LOCALE;
  const [group, action, target, value] = positionals;
  const command = `${group ?? ''} ${action ?? ''}`.trim();
  if (options.help || !group) return translator(locale)('cli.usage');

  const withSession = (work: (session: CliSession) => Promise<string>) => withCliSession(config, options.tenant, work);
  // Without --tenant, list and show read the installation's frameworks only, with no database.
  const workspace = values.tenant !== undefined;
  const extraDir = config.SPIEGEL_FRAMEWORKS_DIR;
  if (command === 'frameworks list') {
    const format = pickFormat(options.format, ['text', 'json'], 'text');
    return workspace ? withSession((session) => listFrameworks(format, locale, { session })) : listFrameworks(format, locale, { extraDir });
  }
  if (command === 'frameworks show') {
    const id = need(target, 'ID');
    const format = pickFormat(options.format, ['text', 'json'], 'text');
    return workspace
      ? withSession((session) => showFramework(id, format, locale, { session }))
      : showFramework(id, format, locale, { extraDir });
  }
  if (command === 'frameworks add') {
    const file = need(target, 'FILE');
    return withSession((session) => addFrameworkCommand(session, file, locale));
  }
  if (command === 'frameworks retire') {
    const id = need(target, 'ID');
    return withSession((session) => retireFrameworkCommand(session, id, locale));
  }
  if (command === 'frameworks validate') return validateFrameworkFile(need(target, 'FILE'), locale);
  if (command === 'frameworks diff')
    return diffFrameworkFiles(
      need(target, 'OLD'),
      need(positionals[3], 'NEW'),
      pickFormat(options.format, ['text', 'json'], 'text'),
      locale,
    );

  /** A command that may find nothing to draw (null): a usage error then. */
  const drawn = (work: (session: CliSession) => Promise<string | null>) =>
    withSession(async (s) => {
      const written = await work(s);
      if (written === null) throw new UsageError('report.noPicture', {});
      return written;
    });
  switch (command) {
    case 'round import': {
      const file = need(target, 'FILE.csv');
      const frameworkId = need(options.framework, '--framework ID');
      return withSession((s) =>
        importRoundCommand(s, {
          file,
          frameworkId,
          anonymous: options.anonymous,
          locale,
          ...(options.name ? { name: options.name } : {}),
          ...(options.unit ? { unitId: options.unit } : {}),
        }),
      );
    }
    case 'rounds list':
      return withSession((s) => listRoundsCommand(s, pickFormat(options.format, ['text', 'json'], 'text'), locale, options.state));
    case 'round summary': {
      const id = need(target, 'round ID');
      return withSession((s) => summaryCommand(s, id, pickFormat(options.format, ['text', 'json'], 'text'), locale));
    }
    case 'round export': {
      const id = need(target, 'round ID');
      const format = pickFormat(options.format, ['csv', 'json']);
      return withSession((s) => exportCommand(s, id, format));
    }
    case 'member export': {
      const memberId = need(options.member, '--member ID');
      const format = pickFormat(options.format, ['json', 'csv']);
      return withSession((s) => exportMemberCommand(s, memberId, format, locale));
    }
    case 'units import': {
      const file = need(target, 'FILE.csv');
      return withSession((s) => importUnitsCommand(s, file, options.levels, locale));
    }
    case 'report rollup': {
      const frameworkId = need(options.framework, '--framework ID');
      const level = need(options.level, '--level LEVEL');
      const format = pickFormat(options.format, ['json', 'csv', 'text', ...pictureFormats], 'text');
      const out = pictureFormats.includes(format as PictureFormat) ? need(options.out, '--out FILE') : undefined;
      const { rollupCommand } = await loadReportCommands();
      return drawn((s) =>
        rollupCommand(s, {
          frameworkId,
          level,
          format,
          ...(out ? { out } : {}),
          locale,
          ...(options.from ? { from: options.from } : {}),
          // --to names the last day included.
          ...(options.to ? { to: new Date(options.to.getTime() + DAY_MS) } : {}),
        }),
      );
    }
    case 'report trend': {
      const frameworkId = need(options.framework, '--framework ID');
      if (!options.unit && !options.channel) throw new UsageError('cli.missing', { what: '--unit ID | --channel ID' });
      const format = pickFormat(options.format, ['json', 'text', ...pictureFormats], 'text');
      const out = pictureFormats.includes(format as PictureFormat) ? need(options.out, '--out FILE') : undefined;
      const { trendCommand } = await loadReportCommands();
      return drawn((s) =>
        trendCommand(s, {
          frameworkId,
          format,
          locale,
          ...(out ? { out } : {}),
          ...(options.unit ? { unitId: options.unit } : {}),
          ...(options.channel ? { channelId: options.channel } : {}),
        }),
      );
    }
    case 'units list':
      return withSession((s) => listUnitsCommand(s, pickFormat(options.format, ['text', 'json'], 'text'), locale));
    case 'member erase': {
      const memberId = need(options.member, '--member ID');
      return withSession((s) => eraseMemberCommand(s, memberId, locale));
    }
    case 'schedule list':
      return withSession((s) => scheduleListCommand(s, pickFormat(options.format, ['text', 'json'], 'text'), locale));
    case 'schedule create': {
      const channel = need(options.channel, '--channel ID');
      const framework = need(options.framework, '--framework ID');
      return withSession((s) =>
        scheduleCreateCommand(
          s,
          {
            channel,
            framework,
            name: options.name,
            cadence: options.cadence,
            weekday: options.weekday,
            day: options.day,
            time: options.time,
            cron: options.cron,
            timeZone: options['time-zone'],
            days: options.days,
            anonymous: options.anonymous,
            k: options.k,
            perspectives: options.perspectives,
            noReminders: options['no-reminders'],
            participants: options.participants,
          },
          locale,
        ),
      );
    }
    case 'schedule pause':
    case 'schedule resume':
    case 'schedule delete': {
      const id = need(target, 'schedule ID');
      return withSession((s) => scheduleChangeCommand(s, action as RecurrenceAction, id, locale));
    }
    case 'settings show':
      return withSession((s) => showSettingsCommand(s, pickFormat(options.format, ['text', 'json'], 'text'), locale));
    case 'settings set': {
      const key = need(target, 'KEY');
      const setting = need(value, 'VALUE');
      return withSession((s) => setSettingCommand(s, key, setting, locale));
    }
    case 'report round': {
      const roundId = need(target, 'round ID');
      const format = pickFormat(options.format, ['png', 'svg', 'html']);
      const out = need(options.out, '--out FILE');
      const { reportRoundCommand } = await import('./report-round-command.js');
      const written = await withSession((s) =>
        reportRoundCommand(s, { roundId, format, out, chart: options.chart, locale }).then((r) => r ?? ''),
      );
      if (!written) throw new UsageError('report.noSuchChart', { chart: options.chart });
      return written;
    }
    default:
      throw new UsageError('cli.unknownCommand', { command });
  }
}

function fail(text: string, code: number): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  process.exitCode = code;
}

try {
  process.stdout.write(await run(process.argv.slice(2)));
} catch (error) {
  const locale = localeSchema.catch('en').parse(process.env.DEFAULT_LOCALE ?? 'nl');
  const t = translator(locale);
  if (error instanceof ConfigError) fail(error.message, 2);
  else if (error instanceof UsageError || error instanceof z.ZodError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    const detail =
      error instanceof UsageError
        ? t(error.key, error.vars)
        : error instanceof z.ZodError
          ? error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')
          : (error as Error).message;
    fail(`${t('cli.badUsage', { detail })}\n\n${t('cli.usage')}`, 2);
  } else if (isSpiegelError(error)) {
    const problems = importProblemLines(error.details, locale);
    fail(
      t('cli.failed', {
        code: error.code,
        message: problems ? `\n${problems.join('\n')}` : error.code === 'framework.invalid' ? error.message : errorText(error, locale),
      }),
      1,
    );
  } else {
    fail(`${t('errors.unexpected')}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1);
  }
}
