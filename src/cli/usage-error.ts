import { SpiegelError } from '../domain/errors.js';
import type { MessageKey } from '../i18n/catalogue.js';

/** A command line the CLI cannot run; `key` is the catalogue message that says why, `vars` its values. */
export class UsageError extends SpiegelError {
  constructor(
    readonly key: MessageKey,
    readonly vars: Record<string, unknown>,
  ) {
    super('usage.invalid', key, vars);
    this.name = 'UsageError';
  }
}

export function pickFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback?: T): T {
  const format = value ?? fallback;
  if (format === undefined || !(allowed as readonly string[]).includes(format)) {
    throw new UsageError('cli.formatChoice', { choices: allowed.join(', ') });
  }
  return format as T;
}

export function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError('cli.missing', { what });
  return value;
}
