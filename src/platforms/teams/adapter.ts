/**
 * Bot Framework authentication for the Teams endpoint. With MICROSOFT_APP_ID every request must carry a valid
 * Bot Framework token (single- or multi-tenant, or a user-assigned managed identity). Without it, only an
 * explicit local mode accepts unauthenticated calls, and then only from this machine.
 */
import type { NextFunction, Request, Response } from 'express';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConfigError, type Config } from '../../config.js';

export type TeamsAuth = { kind: 'credentials'; appId: string } | { kind: 'local' };

/** How the endpoint authenticates, or null when Teams is not configured and not in local mode. */
export function teamsAuthOf(config: Config, localMode: boolean): TeamsAuth | null {
  if (config.MICROSOFT_APP_ID) return { kind: 'credentials', appId: config.MICROSOFT_APP_ID };
  return localMode ? { kind: 'local' } : null;
}

function credentialOptions(config: Config): Record<string, string> {
  const problems: string[] = [];
  const type = config.MICROSOFT_APP_TYPE;
  if (type !== 'UserAssignedMSI' && !config.MICROSOFT_APP_PASSWORD) problems.push('MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID');
  if (type !== 'MultiTenant' && !config.MICROSOFT_APP_TENANT_ID)
    problems.push(`MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE is ${type}`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    MicrosoftAppId: config.MICROSOFT_APP_ID ?? '',
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
    MicrosoftAppType: type,
    ...(config.MICROSOFT_APP_TENANT_ID ? { MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID } : {}),
  };
}

export function createTeamsAdapter(config: Config, auth: TeamsAuth): TeamsAdapter {
  const options = auth.kind === 'credentials' ? credentialOptions(config) : { MicrosoftAppId: '', MicrosoftAppPassword: '' };
  return new TeamsAdapter(options, new ConfigurationServiceClientCredentialFactory(options));
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Local mode: unauthenticated calls are accepted from this machine only. */
export function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (loopback.has(req.socket.remoteAddress ?? '')) {
    next();
    return;
  }
  res.status(403).json({ error: 'In local mode the Teams endpoint only accepts calls from this machine.' });
}
