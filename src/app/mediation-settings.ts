/**
 * The workspace's quality-system settings: licence members and requirements. Quality coordinators are the
 * workspace's admins (SPIEGEL_ADMINS and the admins set in `settings`), the same notion as everywhere else.
 */
import { SpiegelError } from '../domain/errors.js';
import { isErasedMember, isMemberId } from '../domain/mediation/case-file.js';
import { defaultMediationSettings, isMonthDay, type MediationSettings } from '../domain/mediation/settings.js';
import type { Actor } from './actor.js';
import type { AppContext } from './context.js';
import { scheduleLicenceReminders } from './licence-reminders.js';
import { withStoredAdmins } from './workspace-settings.js';
import { inputInvalid, type InputProblem } from '../domain/input-problems.js';

export async function getMediationSettings(ctx: AppContext, tenantId: string): Promise<MediationSettings> {
  return (await ctx.stores.mediationSettings.get(tenantId)) ?? defaultMediationSettings(tenantId);
}

/** Whether the caller coordinates the workspace's quality system: one of its admins, configured or set in chat. */
export async function isQualityCoordinator(ctx: AppContext, actor: Actor): Promise<boolean> {
  return (await withStoredAdmins(ctx, actor)).isAdmin;
}

/** The settings, when the caller is one of the workspace's admins. */
export async function requireQualityCoordinator(ctx: AppContext, actor: Actor): Promise<MediationSettings> {
  if (!(await isQualityCoordinator(ctx, actor))) {
    throw new SpiegelError('permission.qualityCoordinatorOnly', `${actor.userId} is not an admin of ${actor.tenantId}`);
  }
  return getMediationSettings(ctx, actor.tenantId);
}

/** Everyone on the licence log: the members named in the settings and every mediator in the case register. */
export async function knownMembers(ctx: AppContext, settings: MediationSettings): Promise<string[]> {
  const files = await ctx.stores.cases.list(settings.tenantId);
  const mediators = files.flatMap((f) => f.mediators).filter((m) => !isErasedMember(m));
  return [...new Set([...settings.members, ...mediators])].sort();
}

export type MediationSettingsPatch = Partial<Omit<MediationSettings, 'tenantId'>>;

function inRange(value: number, problem: InputProblem, max: number): number {
  if (!Number.isFinite(value) || value < 0 || value > max) throw inputInvalid(problem, { max });
  return value;
}

/** Changes the settings: admins only. Every value is checked before anything is stored. */
export async function updateMediationSettings(ctx: AppContext, actor: Actor, patch: MediationSettingsPatch): Promise<MediationSettings> {
  if (!(await isQualityCoordinator(ctx, actor))) throw new SpiegelError('permission.coordinatorOnly', `${actor.userId} is not an admin`);
  const current = await getMediationSettings(ctx, actor.tenantId);
  const next: MediationSettings = { ...current, ...patch, tenantId: actor.tenantId };
  for (const id of next.members) if (!isMemberId(id)) throw inputInvalid('notAMemberId', { value: id });
  if (!isMonthDay(next.licenceYearStart)) throw inputInvalid('licenceYearStart');
  inRange(next.requirements.mediations, 'mediationsRange', 1000);
  inRange(next.requirements.trainingHours, 'trainingHoursRange', 1000);
  inRange(next.requirements.intervisions, 'intervisionsRange', 100);
  if (!Number.isInteger(inRange(next.reminderWeeks, 'reminderWeeks', 52))) throw inputInvalid('reminderWeeks', { max: 52 });
  if (!Number.isInteger(next.intervisionMinSteps) || next.intervisionMinSteps < 1) throw inputInvalid('intervisionMinSteps');
  await ctx.stores.mediationSettings.put(next, ctx.clock.now());
  await scheduleLicenceReminders(ctx, next);
  return next;
}
