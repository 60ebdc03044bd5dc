import { hostname } from 'node:os';
import type { Notifiers } from './app/notifier.js';
import { createCore, resolveSecret } from './bootstrap.js';
import { ConfigError, isLocalMode, loadConfig, requireServable, type Config } from './config.js';
import { createHttpApp, listen, listenHost } from './http/http-server.js';
import { mountReportRoutes } from './http/report-routes.js';
import { createLogger } from './logger.js';
import { mountSlack } from './platforms/slack/index.js';
import { mountTeams } from './platforms/teams/index.js';
import { startScheduler } from './scheduling/scheduler.js';
import { resolveDatabase } from './storage/local-database/index.js';
import { MongoSlackInstallationStore } from './storage/mongo/slack-installation-store.js';
import { MongoSlackWorkspaceStore } from './storage/mongo/slack-workspace-store.js';
import { MongoTeamsConversationStore } from './storage/mongo/teams-conversation-store.js';

async function main(): Promise<void> {
  const config = loadConfig();
  requireServable(config);
  const localMode = isLocalMode(config);
  const logger = createLogger(config.LOG_LEVEL, undefined, { readable: localMode || process.stdout.isTTY });
  if (localMode) {
    process.stderr.write(localModeBanner(config));
    logger.warn('local mode: unauthenticated Teams endpoint and Agents Playground, on 127.0.0.1 only; not for production');
  }
  const database = await resolveDatabase(process.env, {
    dataDir: config.SPIEGEL_DATA_DIR,
    persistent: true,
    log: (line) => {
      logger.info(line);
    },
  });
  const secret = await resolveSecret(config, localMode, logger);
  const core = await createCore({ config, uri: database.uri, secret });
  const http = createHttpApp();
  // Report pages and chart images behind signed, expiring links (coordinators get them in chat).
  mountReportRoutes(http, { ctx: core.ctx, logger, defaultLocale: config.DEFAULT_LOCALE });
  const stops: (() => Promise<void>)[] = [];

  // Slack: POST /slack/events (+ /slack/install, /slack/oauth_redirect) on this server, or Socket Mode; null when not configured.
  const slack = await mountSlack(http, {
    config,
    logger,
    ctx: core.ctx,
    installations: new MongoSlackInstallationStore(core.connection.db),
    workspaces: new MongoSlackWorkspaceStore(core.connection.db),
  });
  if (slack) stops.push(() => slack.stop());

  // Teams: POST /api/messages on this server (Bot Framework auth; in local mode unauthenticated from this machine,
  // with the Agents Playground); null when not configured. Its notifier (teams.notifier) is for the scheduler.
  const teams = await mountTeams(http, {
    config,
    logger,
    ctx: core.ctx,
    store: new MongoTeamsConversationStore(core.connection.db),
    localMode,
    playground: localMode,
  });
  if (teams) stops.push(() => teams.stop());

  // Deadlines, reminders and recurring rounds: jobs in the database, safe with any number of instances.
  const notifiers: Notifiers = {};
  if (slack) notifiers.slack = slack.notifier;
  if (teams) notifiers.teams = teams.notifier;
  const scheduler = startScheduler({ ctx: core.ctx, notifiers, logger, instanceId: `${hostname()}:${process.pid}` });
  stops.push(() => scheduler.stop());

  const server = await listen(http, config.PORT, listenHost(localMode));
  logger.info({ port: config.PORT, localMode, database: database.kind }, `Spiegel listens on http://localhost:${config.PORT}`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close();
    for (const stop of stops.reverse())
      await stop().catch((error: unknown) => {
        logger.error({ err: error }, 'stop failed');
      });
    await core.connection.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function localModeBanner(config: Config): string {
  const why = config.SPIEGEL_LOCAL_MODE
    ? 'SPIEGEL_LOCAL_MODE=true'
    : 'no Slack (SLACK_*) or Teams (MICROSOFT_APP_ID …) credentials are set';
  const lines = [
    'LOCAL MODE: for trying Spiegel on this machine, not for production',
    `Why: ${why}.`,
    'The Teams endpoint accepts calls without authentication, and the Agents Playground acts',
    'for any member: both listen on 127.0.0.1 only. Set platform credentials to serve a workspace.',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '═'.repeat(width + 2);
  return ['', `╔${rule}╗`, ...lines.map((line) => `║ ${line.padEnd(width)} ║`), `╚${rule}╝`, '', ''].join('\n');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Spiegel could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
