/** What every Slack handler needs, built once in mountSlack. */
import { invariant } from '../../domain/invariant.js';
import type { AppContext } from '../../app/context.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { SealedInstallationStore } from './installation-store.js';
import type { SlackNotifier } from './notifier.js';
import type { ProgressUpdater } from './progress.js';
import type { SlackDirectory } from './users.js';

export interface SlackRuntime {
  ctx: AppContext;
  config: Config;
  logger: Logger;
  directory: SlackDirectory;
  progress: ProgressUpdater;
  notifier: SlackNotifier;
  /** Set in OAuth distribution mode. */
  installations: SealedInstallationStore | null;
}

/** The workspace a request comes from: Bolt's context, else the payload's team or user. */
export function teamOf(context: { teamId?: string | undefined; enterpriseId?: string | undefined }, body: unknown): string {
  const b = body as { team?: { id?: string } | null; team_id?: string; user?: { team_id?: string } } | null;
  const teamId = context.teamId ?? b?.team?.id ?? b?.team_id ?? b?.user?.team_id ?? context.enterpriseId;
  invariant(teamId, 'request without a team id');
  return teamId;
}
