/** The workspace's quality-system settings and roles: quality coordinators, licence members, licence requirements. */
import { SpiegelError } from '../domain/errors.js';
import { isMemberId } from '../domain/mediation/case-file.js';
import { defaultMediationSettings, isMonthDay, type MediationSettings } from '../domain/mediation/settings.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { scheduleLicenceReminders } from './licence-reminders.js';

export async function getMediationSettings(ctx: AppContext, tenantId: string): Promise<MediationSettings> {
  return (await ctx.stores.mediationSettings.get(tenantId)) ?? defaultMediationSettings(tenantId);
}

export function isQualityCoordinator(actor: Actor, settings: MediationSettings): boolean {
  return actor.isAdmin || settings.coordinators.includes(actor.userId);
}

/** The settings, when the caller is an admin or one of the workspace's quality coordinators. */
export async function requireQualityCoordinator(ctx: AppContext, actor: Actor): Promise<MediationSettings> {
  const settings = await getMediationSettings(ctx, actor.tenantId);
  if (!isQualityCoordinator(actor, settings)) {
    throw new SpiegelError('permission.qualityCoordinatorOnly', `${actor.userId} is not a quality coordinator of ${actor.tenantId}`);
  }
  return settings;
}

/** Everyone on the licence log: the members named in the settings and every mediator in the case register. */
export async function knownMembers(ctx: AppContext, settings: MediationSettings): Promise<string[]> {
  const files = await ctx.stores.cases.list(settings.tenantId);
  return [...new Set([...settings.members, ...files.flatMap((f) => f.mediators)])].sort();
}

export type MediationSettingsPatch = Partial<Omit<MediationSettings, 'tenantId'>>;

function invalid(detail: string): never {
  throw new SpiegelError('input.invalid', detail, { detail });
}

function wholeNumber(value: number, what: string, max: number): number {
  if (!Number.isFinite(value) || value < 0 || value > max) invalid(`${what} must be a number from 0 to ${max}`);
  return value;
}

/** Changes the settings: admins only. Every value is checked before anything is stored. */
export async function updateMediationSettings(ctx: AppContext, actor: Actor, patch: MediationSettingsPatch): Promise<MediationSettings> {
  if (!actor.isAdmin) throw new SpiegelError('permission.coordinatorOnly', `${actor.userId} is not an admin`);
  const current = await getMediationSettings(ctx, actor.tenantId);
  const next: MediationSettings = { ...current, ...patch, tenantId: actor.tenantId };
  for (const id of [...next.coordinators, ...next.members]) if (!isMemberId(id)) invalid(`“${id}” is not a member id`);
  if (!isMonthDay(next.licenceYearStart)) invalid('the licence year starts on a day written MM-DD, e.g. 09-01');
  wholeNumber(next.requirements.mediations, 'the minimum of mediations', 1000);
  wholeNumber(next.requirements.trainingHours, 'the training hours', 1000);
  wholeNumber(next.requirements.intervisions, 'the minimum of intervisions', 100);
  if (!Number.isInteger(wholeNumber(next.reminderWeeks, 'the reminder weeks', 52))) invalid('the reminder weeks must be a whole number');
  if (!Number.isInteger(next.intervisionMinSteps) || next.intervisionMinSteps < 1) invalid('the steps for attendance must be at least 1');
  await ctx.stores.mediationSettings.put(next, ctx.clock.now());
  await scheduleLicenceReminders(ctx, next);
  return next;
}
