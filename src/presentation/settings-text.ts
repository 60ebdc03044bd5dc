/**
 * Workspace settings as text, the same everywhere (chat forms, `settings set KEY VALUE`, `settings show`):
 * each key reads a plain value into a patch, and writes the stored value back as the same plain value.
 */
import { validateSettingsPatch, type WorkspaceSettingsPatch } from '../domain/workspace-settings-rules.js';
import { isSpiegelError, SpiegelError } from '../domain/errors.js';
import { localeSchema, type Locale } from '../domain/framework.js';
import type { WorkspaceSettings } from '../domain/scheduling.js';
import { translator } from '../i18n/translator.js';
import { inputInvalid, type InputProblem } from '../domain/input-problems.js';

export const settingKeys = [
  'language',
  'time-zone',
  'quiet-hours',
  'quiet-days',
  'k',
  'target',
  'low-response',
  'reminders',
  'retention-months',
  'admins',
] as const;
export type SettingKey = (typeof settingKeys)[number];

export function isSettingKey(key: string): key is SettingKey {
  return (settingKeys as readonly string[]).includes(key);
}

const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const off = (value: string) => ['off', 'none', '-', 'uit', 'geen'].includes(value.toLowerCase());

function invalid(setting: SettingKey, problem: InputProblem, params: Record<string, unknown> = {}): never {
  throw inputInvalid(problem, { setting, ...params });
}

function number(key: SettingKey, value: string): number {
  const n = Number(value.replace(',', '.').replace(/%$/, ''));
  if (value.trim() === '' || !Number.isFinite(n)) invalid(key, 'notANumber', { value });
  return n;
}

const list = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((v) => v.trim())
    .filter(Boolean);

/** `KEY VALUE` as typed (CLI, chat): a checked patch, or a refusal that lists the keys. */
export function settingPatch(key: string, value: string, current: Pick<WorkspaceSettings, 'quietHours'>): WorkspaceSettingsPatch {
  if (!isSettingKey(key)) {
    throw inputInvalid('unknownSetting', { key, keys: settingKeys.join(', ') });
  }
  return parseSetting(key, value, current);
}

/** One setting's plain value as a checked patch; a refusal names the key and the problem. */
export function parseSetting(key: SettingKey, raw: string, current: Pick<WorkspaceSettings, 'quietHours'>): WorkspaceSettingsPatch {
  const value = raw.trim();
  const patch = ((): WorkspaceSettingsPatch => {
    switch (key) {
      case 'language':
        if (off(value) || value === 'default') return { locale: null };
        if (!localeSchema.safeParse(value).success) invalid(key, 'languageChoice');
        return { locale: value as Locale };
      case 'time-zone':
        return { timeZone: value };
      case 'quiet-hours': {
        if (off(value)) return { quietHours: null };
        const match = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(value);
        if (!match) invalid(key, 'quietHoursFormat');
        return { quietHours: { start: match[1]!, end: match[2]!, days: current.quietHours?.days ?? [0, 6] } };
      }
      case 'quiet-days': {
        const days = off(value)
          ? []
          : list(value).map((d) => {
              const index = /^\d$/.test(d) ? Number(d) : dayNames.indexOf(d.toLowerCase().slice(0, 3));
              if (index < 0 || index > 6) invalid(key, 'notADay', { value: d });
              return index;
            });
        return { quietHours: { start: current.quietHours?.start ?? '00:00', end: current.quietHours?.end ?? '00:00', days } };
      }
      case 'k':
        return { anonymityThreshold: number(key, value) };
      case 'target':
        return { targetScore: number(key, value) };
      case 'low-response':
        return { lowResponseRate: number(key, value) / 100 };
      case 'reminders':
        return { reminderHours: off(value) ? [] : list(value.replace(/h/gi, '')).map((h) => number(key, h)) };
      case 'retention-months':
        return { retentionMonths: number(key, value) };
      case 'admins':
        return { admins: off(value) ? [] : list(value) };
    }
  })();
  try {
    return validateSettingsPatch(patch);
  } catch (error) {
    if (isSpiegelError(error, 'input.invalid') && error.details.setting === undefined) {
      throw new SpiegelError('input.invalid', `${key}: ${error.message}`, { ...error.details, setting: key }, { cause: error });
    }
    throw error;
  }
}

/** The stored value of one setting, as `parseSetting` reads it. */
export function settingValue(settings: WorkspaceSettings, key: SettingKey): string {
  switch (key) {
    case 'language':
      return settings.locale ?? 'default';
    case 'time-zone':
      return settings.timeZone;
    case 'quiet-hours':
      return settings.quietHours && settings.quietHours.start !== settings.quietHours.end
        ? `${settings.quietHours.start}-${settings.quietHours.end}`
        : 'off';
    case 'quiet-days':
      return settings.quietHours && settings.quietHours.days.length > 0
        ? settings.quietHours.days.map((d) => dayNames[d]).join(',')
        : 'none';
    case 'k':
      return String(settings.anonymityThreshold);
    case 'target':
      return String(settings.targetScore);
    case 'low-response':
      return `${Math.round(settings.lowResponseRate * 100)}%`;
    case 'reminders':
      return settings.reminderHours.length > 0 ? settings.reminderHours.map((h) => `${h}h`).join(',') : 'none';
    case 'retention-months':
      return String(settings.retentionMonths);
    case 'admins':
      return settings.admins.length > 0 ? settings.admins.join(',') : 'none';
  }
}

/** Every setting as "label (key): value" lines, in the reader's language. */
export function settingsLines(settings: WorkspaceSettings, locale: Locale): string[] {
  const t = translator(locale);
  return settingKeys.map((key) =>
    t('coord.settings.line', { label: t(`coord.settings.label.${key}`), key, value: settingValue(settings, key) }),
  );
}

/** Reads several settings at once (a form): one patch, or each problem by key. */
export function parseSettingsForm(
  values: Partial<Record<SettingKey, string>>,
  current: WorkspaceSettings,
): { patch: WorkspaceSettingsPatch } | { errors: Partial<Record<SettingKey, SpiegelError>> } {
  const errors: Partial<Record<SettingKey, SpiegelError>> = {};
  let patch: WorkspaceSettingsPatch = {};
  let quiet = current.quietHours;
  // Quiet hours first: quiet days complete the window they give.
  const ordered: SettingKey[] = ['quiet-hours', ...settingKeys.filter((k) => k !== 'quiet-hours')];
  for (const key of ordered) {
    const value = values[key];
    if (value === undefined || value === settingValue(current, key)) continue;
    try {
      const one = parseSetting(key, value, { quietHours: quiet });
      if (one.quietHours !== undefined) quiet = one.quietHours;
      patch = { ...patch, ...one };
    } catch (error) {
      if (!(error instanceof SpiegelError)) throw error;
      errors[key] = error;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { patch };
}

/** What a change did; the retention period says what it means for the data. */
export function settingConfirmation(settings: WorkspaceSettings, key: SettingKey, locale: Locale): string {
  const t = translator(locale);
  if (key === 'retention-months') return t('lifecycle.cli.retentionSet', { tenant: settings.tenantId, count: settings.retentionMonths });
  return t('coord.settings.set', {
    tenant: settings.tenantId,
    label: t(`coord.settings.label.${key}`),
    key,
    value: settingValue(settings, key),
  });
}
