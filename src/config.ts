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
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; a wrong or missing variable throws one error that names every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
  }
  return result.data;
}

/** Local mode: no platform credentials (or SPIEGEL_LOCAL_MODE=true) — try Spiegel with no account anywhere. */
export function isLocalMode(config: Config): boolean {
  return config.SPIEGEL_LOCAL_MODE || (!config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN && !config.MICROSOFT_APP_ID);
}
