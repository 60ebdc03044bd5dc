import { SpiegelError } from '../domain/errors.js';
import { defaultWorkspaceSettings, retentionMonthsRange, type QuietHours, type WorkspaceSettings } from '../domain/scheduling.js';
import { minutesOf } from '../scheduling/quiet-hours.js';
import { isValidTimeZone } from '../scheduling/time-zones.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';

/** The tenant's settings, defaults filled in (quiet hours 20:00–08:00 and weekends, Europe/Brussels). */
export async function getWorkspaceSettings(ctx: AppContext, tenantId: string): Promise<WorkspaceSettings> {
  return (await ctx.stores.workspaceSettings.get(tenantId)) ?? defaultWorkspaceSettings(tenantId);
}

export interface WorkspaceSettingsPatch {
  /** Null turns quiet hours off. */
  quietHours?: QuietHours | null;
  timeZone?: string;
  retentionMonths?: number;
}

function invalid(detail: string): never {
  throw new SpiegelError('input.invalid', detail, { detail });
}

export function validateQuietHours(quiet: QuietHours): QuietHours {
  try {
    minutesOf(quiet.start);
    minutesOf(quiet.end);
  } catch {
    invalid('quiet hours are given as HH:MM, e.g. 20:00 and 08:00');
  }
  const days = [...new Set(quiet.days)].sort();
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) invalid('quiet days are numbered 0 (Sunday) to 6 (Saturday)');
  if (days.length === 7) invalid('at least one day of the week must allow reminders');
  return { start: quiet.start, end: quiet.end, days };
}

function validateRetentionMonths(months: number): number {
  const { min, max } = retentionMonthsRange;
  if (!Number.isInteger(months) || months < min || months > max)
    invalid(`the retention period is a whole number of months from ${min} to ${max}`);
  return months;
}

/** Changes the tenant's quiet hours, default time zone or retention period: admins only. */
export async function updateWorkspaceSettings(ctx: AppContext, actor: Actor, patch: WorkspaceSettingsPatch): Promise<WorkspaceSettings> {
  if (!actor.isAdmin) throw new SpiegelError('permission.coordinatorOnly', `${actor.userId} is not an admin`);
  const current = await getWorkspaceSettings(ctx, actor.tenantId);
  if (patch.timeZone !== undefined && !isValidTimeZone(patch.timeZone)) invalid(`unknown time zone “${patch.timeZone}”`);
  const next: WorkspaceSettings = {
    tenantId: actor.tenantId,
    quietHours: patch.quietHours === undefined ? current.quietHours : patch.quietHours && validateQuietHours(patch.quietHours),
    timeZone: patch.timeZone ?? current.timeZone,
    retentionMonths: patch.retentionMonths === undefined ? current.retentionMonths : validateRetentionMonths(patch.retentionMonths),
  };
  await ctx.stores.workspaceSettings.put(next, ctx.clock.now());
  return next;
}
