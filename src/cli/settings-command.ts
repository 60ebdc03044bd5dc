import { updateWorkspaceSettings } from '../app/workspace-settings.js';
import type { Locale } from '../domain/framework.js';
import { translator } from '../i18n/translator.js';
import type { CliSession } from './cli-context.js';
import { asLines } from './output.js';

/** `settings set retention-months N`: the months a closed round is kept in this tenant. */
export async function setRetentionCommand(session: CliSession, months: number, locale: Locale): Promise<string> {
  const settings = await updateWorkspaceSettings(session.ctx, session.actor, { retentionMonths: months });
  return asLines([translator(locale)('lifecycle.cli.retentionSet', { tenant: settings.tenantId, count: settings.retentionMonths })]);
}
