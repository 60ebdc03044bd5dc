/**
 * Bot Framework authentication for the Teams endpoint. With MICROSOFT_APP_ID every request must carry a valid
 * Bot Framework token (single- or multi-tenant, or a user-assigned managed identity). Without it, only an
 * explicit local mode accepts unauthenticated calls, and then only from this machine.
 */
import type { NextFunction, Request, Response } from 'express';
import { ConfigurationServiceClientCredentialFactory, type Activity, type TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../../logger.js';
import type { Config } from '../../config.js';

export type TeamsAuth = { kind: 'credentials'; appId: string } | { kind: 'local' };

/** How the endpoint authenticates, or null when Teams is not configured and not in local mode. */
export function teamsAuthOf(config: Config, localMode: boolean): TeamsAuth | null {
  if (config.MICROSOFT_APP_ID) return { kind: 'credentials', appId: config.MICROSOFT_APP_ID };
  return localMode ? { kind: 'local' } : null;
}

/** loadConfig has refused an incomplete Teams configuration (password, tenant for the app type). */
function credentialOptions(config: Config): Record<string, string> {
  return {
    MicrosoftAppId: config.MICROSOFT_APP_ID ?? '',
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    ...(config.MICROSOFT_APP_TENANT_ID ? { MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID } : {}),
  };
}

/**
 * TeamsAdapter with one change of entry point: `serve` instead of `process`. CloudAdapter.process prints every
 * failure to stdout with console.error and sends the error's message as the body (a 500 for a forged token);
 * `serve` sends 401 without detail when authentication refused the call, 500 without detail when a turn failed,
 * and gives the detail to our logger.
 */
export class SpiegelTeamsAdapter extends TeamsAdapter {
  async serve(req: Request, res: Response, logger: Logger, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    let admitted = false;
    try {
      const invoke = await this.processActivity(authHeader, withDates(req.body as Activity), async (context) => {
        admitted = true;
        await logic(context);
      });
      res.status(invoke?.status ?? 200);
      if (invoke?.body === undefined) res.end();
      else res.send(invoke.body);
    } catch (error) {
      if (admitted) {
        logger.error({ err: error }, 'Teams turn failed');
        res.status(500).json({ error: 'internal error' });
      } else {
        logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'Teams call refused: authentication failed');
        res.status(401).json({ error: 'unauthorized' });
      }
    }
  }
}

/** What CloudAdapter.process does to an activity before a turn: its time stamps as dates. */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const [field, rawField] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = raw[field];
    if (typeof value === 'string') {
      raw[rawField] = value;
      raw[field] = new Date(value);
    }
  }
  return activity;
}

export function createTeamsAdapter(config: Config, auth: TeamsAuth): SpiegelTeamsAdapter {
  const options = auth.kind === 'credentials' ? credentialOptions(config) : { MicrosoftAppId: '', MicrosoftAppPassword: '' };
  return new SpiegelTeamsAdapter(options, new ConfigurationServiceClientCredentialFactory(options));
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Local mode: unauthenticated calls are accepted from this machine only. */
export function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (loopback.has(req.socket.remoteAddress ?? '')) return next();
  res.status(403).json({ error: 'In local mode the Teams endpoint only accepts calls from this machine.' });
}
