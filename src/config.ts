import { SpiegelError } from './domain/errors.js';
import { z } from 'zod';
import { locales } from './domain/framework.js';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const commaList = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** Every environment variable Spiegel reads; parsed once at start (see .env.example). */
export const configSchema = z.object({
  MONGODB_URI: optionalText,
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'letters, digits, _ and - only')
    .default('spiegel'),
  SPIEGEL_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  SPIEGEL_DATA_DIR: z.string().default('.data'),
  SPIEGEL_ADMINS: commaList,
  SPIEGEL_FRAMEWORKS_DIR: optionalText,
  SPIEGEL_LOCAL_MODE: flag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_LOCALE: z.enum(locales).default('nl'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  PUBLIC_URL: optionalText.pipe(z.url().optional()),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url().optional()),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
  NODE_ENV: optionalText,
});

export type Config = z.infer<typeof configSchema>;

/** The environment's problems, each naming its variable; printed as they are (operators read them at start-up). */
export class ConfigError extends SpiegelError {
  constructor(readonly problems: string[]) {
    super('config.invalid', `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, { detail: problems.join('; ') });
    this.name = 'ConfigError';
  }
}

/** Parses the environment; a wrong, missing, half-configured or misspelt variable throws one error that names every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`);
  problems.push(...lookalikeProblems(env));
  if (result.success) problems.push(...platformProblems(result.data));
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}

const isProduction = (config: Config) => config.NODE_ENV === 'production';

/** Local mode: no platform credentials (or SPIEGEL_LOCAL_MODE=true), never with NODE_ENV=production. */
export function isLocalMode(config: Config): boolean {
  if (isProduction(config)) return false;
  return config.SPIEGEL_LOCAL_MODE || (slackCredentials(config) === null && !config.MICROSOFT_APP_ID);
}

/** Where people reach this server's pages (report links, chart images): PUBLIC_URL, or this machine in local mode. */
export function publicBaseUrl(config: Config): string | null {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
  return isLocalMode(config) ? `http://127.0.0.1:${config.PORT}` : null;
}

/** For the server: in production there must be a platform to serve, since local mode never runs there. */
export function requireServable(config: Config): void {
  if (isProduction(config) && slackCredentials(config) === null && !config.MICROSOFT_APP_ID) {
    throw new ConfigError([
      'NODE_ENV=production: no Slack (SLACK_*) or Teams (MICROSOFT_APP_ID …) credentials are set, and local mode never runs in production',
    ]);
  }
}

export type SlackCredentials =
  | { kind: 'socket'; appToken: string; botToken: string }
  | { kind: 'single'; signingSecret: string; botToken: string }
  | { kind: 'oauth'; signingSecret: string; clientId: string; clientSecret: string; stateSecret: string };

/** Which way Slack runs, from complete credentials; null when no Slack credential is set; a string names what is missing. */
function slackCredentialsOrProblem(config: Config): SlackCredentials | string | null {
  const { SLACK_APP_TOKEN: appToken, SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret } = config;
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = config;
  if (!appToken && !botToken && !signingSecret && !clientId && !clientSecret && !stateSecret) return null;
  if (appToken) return botToken ? { kind: 'socket', appToken, botToken } : 'SLACK_BOT_TOKEN: Socket Mode (SLACK_APP_TOKEN) also needs it';
  if (!signingSecret) return 'SLACK_SIGNING_SECRET: Slack over HTTP needs it (or SLACK_APP_TOKEN for Socket Mode)';
  if (botToken) return { kind: 'single', signingSecret, botToken };
  if (clientId && clientSecret && stateSecret) return { kind: 'oauth', signingSecret, clientId, clientSecret, stateSecret };
  return 'SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth distribution): Slack needs one of them';
}

/** The Slack credentials of a validated configuration (loadConfig refused incomplete ones), or null. */
export function slackCredentials(config: Config): SlackCredentials | null {
  const credentials = slackCredentialsOrProblem(config);
  return typeof credentials === 'string' ? null : credentials;
}

/** Half a platform is refused, so that a missing or misspelt credential never starts local mode by accident. */
function platformProblems(config: Config): string[] {
  const problems: string[] = [];
  const slack = slackCredentialsOrProblem(config);
  if (typeof slack === 'string') problems.push(slack);
  const teamsSet = (['MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID'] as const).filter((key) => config[key]);
  if (!config.MICROSOFT_APP_ID && teamsSet.length > 0) {
    problems.push(`MICROSOFT_APP_ID: required, since ${teamsSet.join(' and ')} ${teamsSet.length > 1 ? 'are' : 'is'} set`);
  }
  if (config.MICROSOFT_APP_ID) {
    const type = config.MICROSOFT_APP_TYPE;
    if (type !== 'UserAssignedMSI' && !config.MICROSOFT_APP_PASSWORD)
      problems.push('MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID');
    if (type !== 'MultiTenant' && !config.MICROSOFT_APP_TENANT_ID) {
      problems.push(`MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE is ${type}`);
    }
  }
  if (isProduction(config) && config.SPIEGEL_LOCAL_MODE)
    problems.push('SPIEGEL_LOCAL_MODE: local mode never runs with NODE_ENV=production');
  return problems;
}

const ourPrefixes = ['SPIEGEL_', 'SLACK_', 'MICROSOFT_', 'MONGODB_'];
const knownNames = Object.keys(configSchema.shape);

/** A variable that looks like one of ours but is not (MICROSOFT_APPID, SLACK_TOKEN) is a typo until proven otherwise. */
function lookalikeProblems(env: Record<string, string | undefined>): string[] {
  return Object.keys(env)
    .filter((name) => env[name] !== undefined && !knownNames.includes(name) && ourPrefixes.some((prefix) => name.startsWith(prefix)))
    .sort()
    .map((name) => {
      const guess = closestName(name);
      return `${name}: not a Spiegel variable${guess ? `; did you mean ${guess}?` : ''}`;
    });
}

function closestName(name: string): string | undefined {
  const scored = knownNames.map((known) => ({ known, distance: editDistance(name, known) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0];
  return best && best.distance <= Math.max(4, Math.floor(name.length / 3)) ? best.known : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
