/** The job that tells a workspace's members what changed in a framework's new version, once per version and member. */
import type { JobHandlersFor } from '../domain/scheduling.js';
import { frameworkNewsKind, revisionDiff, revisionOfNewsJob, workspaceMembers } from '../app/tenant-frameworks.js';
import { getWorkspaceSettings } from '../app/workspace-settings.js';
import { isUnchanged } from '../domain/framework-diff.js';
import { nextAllowedTime } from '../domain/quiet-hours.js';
import { frameworkDiffLines } from '../presentation/framework-diff-texts.js';
import { frameworkNewsLines } from '../presentation/framework-texts.js';
import { JobError, type HandlerDeps, type JobHandler, type JobOutcome, type JobRun } from './job-run.js';
import { notifierForTenant } from './mediation-handlers.js';

/**
 * Sends each member a private message, in their language, with the criteria added, removed, reworded or moved,
 * outside the workspace's quiet hours. The claim `framework-news:<tenant>:<framework>:v<revision>:<member>` is taken
 * before each send and released when it fails, so a retry sends what is missing and nothing twice.
 */
export async function runFrameworkNews(deps: HandlerDeps, run: JobRun): Promise<JobOutcome> {
  const { ctx } = deps;
  const { job, now } = run;
  const stored = job.slot ? await revisionOfNewsJob(ctx, job.tenantId, job.slot) : null;
  if (!stored) return { status: 'skipped', note: 'framework-missing' };
  const diff = await revisionDiff(ctx, stored);
  if (!diff || isUnchanged(diff)) return { status: 'skipped', note: 'unchanged' };
  const workspace = await getWorkspaceSettings(ctx, job.tenantId);
  const allowedAt = nextAllowedTime(now, workspace.timeZone, workspace.quietHours);
  if (allowedAt && allowedAt.getTime() > now.getTime()) return { status: 'deferred', until: allowedAt, note: 'quiet-hours' };
  const notifier = notifierForTenant(deps, job.tenantId);
  if (!notifier) return { status: 'skipped', note: 'no-platform' };
  const counts = { sent: 0, alreadySent: 0, failed: 0 };
  const errors: string[] = [];
  for (const member of await workspaceMembers(ctx, job.tenantId)) {
    const key = `${job.id}:${member}`;
    if (!(await ctx.stores.claims.claim(key, run.holder, now))) {
      counts.alreadySent++;
      continue;
    }
    try {
      await notifier.sendPrivateMessage(job.tenantId, member, {
        text: (locale) => frameworkNewsLines(stored.framework, frameworkDiffLines(diff, locale), locale).join('\n'),
      });
      counts.sent++;
    } catch (error) {
      await ctx.stores.claims.release(key);
      counts.failed++;
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (counts.failed > 0) {
    throw new JobError(`${counts.failed} framework news messages could not be sent: ${errors[0] ?? ''}`, {
      result: { note: 'send-failed', counts },
    });
  }
  return { status: 'done', note: 'sent', counts };
}

export function frameworkHandlers(deps: HandlerDeps) {
  return { [frameworkNewsKind]: (run: JobRun) => runFrameworkNews(deps, run) } satisfies JobHandlersFor<JobHandler>;
}
