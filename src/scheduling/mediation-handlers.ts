/** Scheduler jobs of the mediation quality system: audit invitations, licence reminders and intervision step deadlines. */
import type { JobHandlersFor } from '../domain/scheduling.js';
import { licenceReminderSlot, scheduleLicenceReminders } from '../app/licence-reminders.js';
import { standingsFor } from '../app/licence.js';
import { getMediationSettings } from '../app/mediation-settings.js';
import { platformOfTenant, type Notifier } from '../app/notifier.js';
import { getWorkspaceSettings } from '../app/workspace-settings.js';
import { licenceYearOf } from '../domain/mediation/settings.js';
import { criteriaByComponent } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import { licenceReminderText } from '../presentation/licence-texts.js';
import { nextAllowedTime } from '../domain/quiet-hours.js';
import { moveOn } from '../app/intervision.js';
import { isSpiegelError } from '../domain/errors.js';
import { JobError, schedulerActor, type HandlerDeps, type JobHandler, type JobOutcome, type JobRun } from './job-run.js';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function notifierForTenant(deps: HandlerDeps, tenantId: string): Notifier | null {
  const platform = platformOfTenant(tenantId);
  return platform ? (deps.notifiers[platform] ?? null) : null;
}

/**
 * Sends each reviewer of an audit, once per file, a private message with the file id and the audit criteria,
 * and the way to rate it. The claim `audit-invitation:<round>:<reviewer>` is taken before the send and
 * released when the send fails, so the retry sends what is missing and nothing twice.
 */
export async function runAuditInvitations(deps: HandlerDeps, run: JobRun): Promise<JobOutcome> {
  const { ctx } = deps;
  const audit = run.job.slot ? await ctx.stores.audits.get(run.job.tenantId, run.job.slot) : null;
  if (!audit) return { status: 'skipped', note: 'audit-missing' };
  const notifier = notifierForTenant(deps, audit.tenantId);
  if (!notifier) return { status: 'skipped', note: 'no-platform' };
  const counts = { sent: 0, alreadySent: 0, failed: 0 };
  const errors: string[] = [];
  for (const file of audit.files) {
    const round = await ctx.stores.rounds.get(audit.tenantId, file.roundId);
    if (!round) continue;
    const text = (locale: 'nl' | 'en') => {
      const t = translator(locale);
      const criteria = criteriaByComponent(round.framework).flatMap(({ component, criteria: list }) => [
        `${component.title[locale]}:`,
        ...list.map((c) => `• ${c.text[locale]}`),
      ]);
      return [
        t('mediation.audit.invitation', { case: file.caseId, from: audit.from, to: audit.to }),
        ...criteria,
        t('mediation.audit.invitationHow'),
      ].join('\n');
    };
    for (const reviewer of file.reviewers) {
      // The round is the file's own: keyed by its id, the claim goes with the round when it is deleted.
      const key = `audit-invitation:${file.roundId}:${reviewer}`;
      if (!(await ctx.stores.claims.claim(key, run.holder, run.now))) {
        counts.alreadySent++;
        continue;
      }
      try {
        await notifier.sendPrivateMessage(audit.tenantId, reviewer, { text, round });
        counts.sent++;
      } catch (error) {
        await ctx.stores.claims.release(key);
        counts.failed++;
        errors.push(errorText(error));
      }
    }
  }
  if (counts.failed > 0) {
    throw new JobError(`${counts.failed} audit invitations could not be sent: ${errors[0] ?? ''}`, {
      result: { note: 'send-failed', counts },
    });
  }
  return { status: 'done', note: 'sent', counts };
}

/**
 * Reminds each member who falls short of the licence requirements, once per renewal (claim
 * `licence-reminder:<tenant>:<renewal>:<member>`), outside the workspace's quiet hours; then queues the next renewal's job.
 */
export async function runLicenceReminders(deps: HandlerDeps, run: JobRun): Promise<JobOutcome> {
  const { ctx } = deps;
  const { job, now } = run;
  const settings = await getMediationSettings(ctx, job.tenantId);
  // The settings may have changed since the job was queued (year start, weeks): then a newer job stands for it.
  const current = licenceReminderSlot(settings, now);
  if (current?.jobId !== job.id) {
    await scheduleLicenceReminders(ctx, settings, now);
    return { status: 'skipped', note: 'superseded' };
  }
  const workspace = await getWorkspaceSettings(ctx, job.tenantId);
  const allowedAt = nextAllowedTime(now, workspace.timeZone, workspace.quietHours);
  if (allowedAt && allowedAt.getTime() > now.getTime()) return { status: 'deferred', until: allowedAt, note: 'quiet-hours' };
  const notifier = notifierForTenant(deps, job.tenantId);
  if (!notifier) return { status: 'skipped', note: 'no-platform' };
  const renewal = current.renewal;
  const year = licenceYearOf(
    new Date(new Date(`${renewal}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10),
    settings.licenceYearStart,
  );
  const short = (await standingsFor(ctx, settings, year)).filter((s) => !s.meets);
  const counts = { sent: 0, alreadySent: 0, failed: 0 };
  const errors: string[] = [];
  for (const standing of short) {
    const key = `licence-reminder:${job.tenantId}:${renewal}:${standing.member}`;
    if (!(await ctx.stores.claims.claim(key, run.holder, now))) {
      counts.alreadySent++;
      continue;
    }
    try {
      await notifier.sendPrivateMessage(job.tenantId, standing.member, {
        text: (locale) => licenceReminderText(standing, renewal, locale),
      });
      counts.sent++;
    } catch (error) {
      await ctx.stores.claims.release(key);
      counts.failed++;
      errors.push(errorText(error));
    }
  }
  if (counts.failed > 0) {
    throw new JobError(`${counts.failed} licence reminders could not be sent: ${errors[0] ?? ''}`, {
      result: { note: 'send-failed', counts },
    });
  }
  await scheduleLicenceReminders(ctx, settings, new Date(`${renewal}T00:00:00Z`));
  return { status: 'done', note: short.length === 0 ? 'everyone-meets' : 'sent', counts };
}

/**
 * An intervision step's deadline: opens the next step (or ends the session) unless the facilitator moved on
 * first. The opening is claimed by insert, so the step moves once however many instances run the job.
 */
export async function runIntervisionStep(deps: HandlerDeps, run: JobRun): Promise<JobOutcome> {
  const [sessionId = '', step = ''] = (run.job.slot ?? '').split(':');
  const session = await deps.ctx.stores.intervision.get(run.job.tenantId, sessionId);
  if (!session) return { status: 'skipped', note: 'session-missing' };
  const notifier = notifierForTenant(deps, session.tenantId);
  if (!notifier) return { status: 'skipped', note: 'no-platform' };
  try {
    const result = await moveOn(deps.ctx, schedulerActor(session.tenantId), session.id, Number(step), (s, post) =>
      notifier.postIntervision(s, post),
    );
    return { status: result.moved ? 'done' : 'skipped', note: result.moved ? 'moved-on' : 'moved-on-before' };
  } catch (error) {
    if (isSpiegelError(error, 'intervision.closed')) return { status: 'skipped', note: 'ended' };
    throw error;
  }
}

export function mediationHandlers(deps: HandlerDeps) {
  return {
    'intervision-step': (run: JobRun) => runIntervisionStep(deps, run),
    'audit-invitations': (run: JobRun) => runAuditInvitations(deps, run),
    'licence-reminders': (run: JobRun) => runLicenceReminders(deps, run),
  } satisfies JobHandlersFor<JobHandler>;
}
