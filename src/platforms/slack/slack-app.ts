/**
 * Bolt, wired for one of three ways to run:
 * - HTTP, single workspace: SLACK_SIGNING_SECRET + SLACK_BOT_TOKEN;
 * - HTTP, OAuth distribution: SLACK_SIGNING_SECRET + SLACK_CLIENT_ID + SLACK_CLIENT_SECRET + SLACK_STATE_SECRET,
 *   installations kept (sealed) in MongoDB, /slack/install and /slack/oauth_redirect on the shared server;
 * - Socket Mode (local development): SLACK_APP_TOKEN + SLACK_BOT_TOKEN.
 * In HTTP modes Bolt's ExpressReceiver verifies signatures (and the 5-minute timestamp window; requests stamped in the
 * future are refused before it) and serves
 * POST /slack/events on a router mounted on the bot's one express app.
 * Bolt's conversation store is off: Spiegel keeps no conversation state in process memory (it would differ
 * between instances), and the default store builds an error object for every event it holds nothing for.
 */
import { arrivalProperties, stampArrival } from './ack-deadline.js';
import { App, ExpressReceiver, webApi, type Authorize, type Logger as BoltLogger } from '@slack/bolt';
import express, { type Express, type RequestHandler } from 'express';
import { slackCredentials, type Config, type SlackCredentials } from '../../config.js';
import { processEventErrorHandler, readRawBody, refuseUnroutableBody } from './edge-refusal.js';
import { SealedInstallationStore } from './installation-store.js';
import type { SlackInstallationRecords } from './ports.js';
import { TtlCache } from './ttl-cache.js';
import type { BotTokenSource, WebClientOptions } from './web-api.js';

/** The bot scopes Spiegel uses; manifests/slack/manifest.yaml asks for exactly these. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'users:read',
  'channels:read',
  'groups:read',
  'im:write',
  'im:history',
  'files:write',
  'channels:history',
  'groups:history',
  'files:read',
] as const;

export const slackPaths = { events: '/slack/events', install: '/slack/install', oauthRedirect: '/slack/oauth_redirect' } as const;

export type SlackMode = SlackCredentials;

/** Which way to run: loadConfig has refused half a Slack configuration, so this is complete or null. */
export function slackMode(config: Config): SlackMode | null {
  return slackCredentials(config);
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

/** Slack's replay window, both ways: Bolt refuses requests stamped over 5 minutes ago, this one those stamped as far ahead. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

const refuseFutureTimestamps: RequestHandler = (req, res, next) => {
  const stamp = Number(req.header('x-slack-request-timestamp'));
  if (Number.isFinite(stamp) && stamp > Date.now() / 1000 + MAX_CLOCK_SKEW_S) {
    res.status(401).send();
    return;
  }
  next();
};

/**
 * Where bot tokens come from: the configured one, or (OAuth distribution) each workspace's installation, kept
 * sealed in the database.
 */
export function slackInstallations(
  mode: SlackMode,
  records: SlackInstallationRecords,
  secret: string,
): { installations: SealedInstallationStore | null; tokens: BotTokenSource } {
  if (mode.kind !== 'oauth') return { installations: null, tokens: () => Promise.resolve(mode.botToken) };
  const installations = new SealedInstallationStore(records, secret);
  return { installations, tokens: (teamId) => installations.botToken(teamId) };
}

export interface BoltSetup {
  app: App;
  /** Socket Mode connects on start; HTTP modes serve through the shared server and need no start. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createBolt(
  http: Express,
  mode: SlackMode,
  deps: {
    config: Config;
    logger: BoltLogger;
    clientOptions: WebClientOptions;
    installations: SealedInstallationStore | null;
    /** Routes that answer some requests before Bolt (HTTP modes), given the raw body. */
    beforeBolt: RequestHandler[];
  },
): BoltSetup {
  const { logger, clientOptions } = deps;
  if (mode.kind === 'socket') {
    const app = new App({
      socketMode: true,
      appToken: mode.appToken,
      authorize: singleWorkspaceAuthorize(mode.botToken, clientOptions),
      logger,
      clientOptions,
      convoStore: false,
    });
    return {
      app,
      start: () => app.start().then(() => {}),
      stop: () => app.stop().then(() => {}),
    };
  }

  const router = express.Router();
  router.post(slackPaths.events, stampArrival, readRawBody, ...deps.beforeBolt, refuseUnroutableBody, refuseFutureTimestamps);
  const { installations } = deps;
  const { logger: _logger, ...installerClientOptions } = clientOptions;
  const receiver = new ExpressReceiver({
    signingSecret: mode.signingSecret,
    router,
    logger,
    endpoints: slackPaths.events,
    processBeforeResponse: false,
    processEventErrorHandler,
    customPropertiesExtractor: arrivalProperties,
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
    convoStore: false,
    ...(mode.kind === 'single' ? { authorize: singleWorkspaceAuthorize(mode.botToken, clientOptions) } : {}),
  });
  return { app, start: async () => {}, stop: async () => {} };
}
