/**
 * Bolt, wired for one of three ways to run:
 * - HTTP, single workspace: SLACK_SIGNING_SECRET + SLACK_BOT_TOKEN;
 * - HTTP, OAuth distribution: SLACK_SIGNING_SECRET + SLACK_CLIENT_ID + SLACK_CLIENT_SECRET + SLACK_STATE_SECRET,
 *   installations kept (sealed) in MongoDB, /slack/install and /slack/oauth_redirect on the shared server;
 * - Socket Mode (local development): SLACK_APP_TOKEN + SLACK_BOT_TOKEN.
 * In HTTP modes Bolt's ExpressReceiver verifies signatures (and the 5-minute timestamp window) and serves
 * POST /slack/events on a router mounted on the bot's one express app.
 */
import { App, ExpressReceiver, webApi, type Authorize, type Logger as BoltLogger } from '@slack/bolt';
import express, { type Express } from 'express';
import type { Config } from '../../config.js';
import { SealedInstallationStore } from './installation-store.js';
import type { SlackInstallationRecords } from './ports.js';
import { TtlCache } from './ttl-cache.js';
import type { BotTokenSource, WebClientOptions } from './web-api.js';

/** The bot scopes Spiegel uses; manifests/slack/manifest.yaml asks for exactly these. */
export const BOT_SCOPES = ['commands', 'chat:write', 'users:read', 'channels:read', 'groups:read', 'im:write', 'im:history'] as const;

export const slackPaths = { events: '/slack/events', install: '/slack/install', oauthRedirect: '/slack/oauth_redirect' } as const;

export type SlackMode =
  | { kind: 'socket'; appToken: string; botToken: string }
  | { kind: 'single'; signingSecret: string; botToken: string }
  | { kind: 'oauth'; signingSecret: string; clientId: string; clientSecret: string; stateSecret: string };

/** Which way to run, from the configuration; null when nothing about Slack is configured. */
export function slackMode(config: Config): SlackMode | null {
  const { SLACK_APP_TOKEN: appToken, SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret } = config;
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = config;
  if (!appToken && !botToken && !signingSecret && !clientId && !clientSecret) return null;
  if (appToken) {
    if (!botToken) throw new Error('Slack Socket Mode (SLACK_APP_TOKEN) also needs SLACK_BOT_TOKEN.');
    return { kind: 'socket', appToken, botToken };
  }
  if (!signingSecret) throw new Error('Slack over HTTP needs SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode).');
  if (botToken) return { kind: 'single', signingSecret, botToken };
  if (clientId && clientSecret && stateSecret) return { kind: 'oauth', signingSecret, clientId, clientSecret, stateSecret };
  throw new Error(
    'Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth distribution).',
  );
}

/**
 * Authorization for one workspace with a configured bot token. Bolt's own (`token`) calls auth.test when the
 * app is built and keeps a failure for good (and an unhandled one stops the process when Slack is unreachable
 * at start); here auth.test runs on the first request, and a failure is tried again on the next.
 */
function singleWorkspaceAuthorize(botToken: string, clientOptions: WebClientOptions): Authorize<boolean> {
  const client = new webApi.WebClient(botToken, clientOptions);
  const identity = new TtlCache<'bot', { botId?: string; botUserId?: string }>(24 * 60 * 60_000, 1);
  return async () => {
    const { botId, botUserId } = await identity.get('bot', async () => {
      const result = await client.auth.test();
      return { ...(result.bot_id ? { botId: result.bot_id } : {}), ...(result.user_id ? { botUserId: result.user_id } : {}) };
    });
    return { botToken, ...(botId ? { botId } : {}), ...(botUserId ? { botUserId } : {}) };
  };
}

export interface BoltSetup {
  app: App;
  installations: SealedInstallationStore | null;
  tokens: BotTokenSource;
  /** Socket Mode connects on start; HTTP modes serve through the shared server and need no start. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createBolt(
  http: Express,
  mode: SlackMode,
  deps: { config: Config; logger: BoltLogger; clientOptions: WebClientOptions; records: SlackInstallationRecords; secret: string },
): BoltSetup {
  const { logger, clientOptions } = deps;
  if (mode.kind === 'socket') {
    const app = new App({
      socketMode: true,
      appToken: mode.appToken,
      authorize: singleWorkspaceAuthorize(mode.botToken, clientOptions),
      logger,
      clientOptions,
    });
    return {
      app,
      installations: null,
      tokens: async () => mode.botToken,
      start: () => app.start().then(() => {}),
      stop: () => app.stop().then(() => {}),
    };
  }

  const router = express.Router();
  const installations = mode.kind === 'oauth' ? new SealedInstallationStore(deps.records, deps.secret) : null;
  const { logger: _logger, ...installerClientOptions } = clientOptions;
  const receiver = new ExpressReceiver({
    signingSecret: mode.signingSecret,
    router,
    logger,
    endpoints: slackPaths.events,
    processBeforeResponse: false,
    ...(mode.kind === 'oauth' && installations
      ? {
          clientId: mode.clientId,
          clientSecret: mode.clientSecret,
          stateSecret: mode.stateSecret,
          scopes: [...BOT_SCOPES],
          installationStore: installations,
          ...(deps.config.PUBLIC_URL ? { redirectUri: new URL(slackPaths.oauthRedirect, deps.config.PUBLIC_URL).toString() } : {}),
          installerOptions: {
            installPath: slackPaths.install,
            redirectUriPath: slackPaths.oauthRedirect,
            directInstall: true,
            clientOptions: installerClientOptions,
          },
        }
      : {}),
  });
  http.use(router);
  const app = new App({
    receiver,
    logger,
    clientOptions,
    ...(mode.kind === 'single' ? { authorize: singleWorkspaceAuthorize(mode.botToken, clientOptions) } : {}),
  });
  const tokens: BotTokenSource = mode.kind === 'single' ? async () => mode.botToken : (teamId) => installations!.botToken(teamId);
  return { app, installations, tokens, start: async () => {}, stop: async () => {} };
}
