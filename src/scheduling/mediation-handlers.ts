/** Scheduler jobs of the mediation quality system: audit invitations and licence reminders. */
import { platformOfTenant, type Notifier } from '../app/notifier.js';
import { criteriaByComponent } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import { JobError, type HandlerDeps, type JobHandler, type JobOutcome, type JobRun } from './handlers.js';

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

export function mediationHandlers(deps: HandlerDeps): Record<string, JobHandler> {
  return {
    'audit-invitations': (run) => runAuditInvitations(deps, run),
  };
}
