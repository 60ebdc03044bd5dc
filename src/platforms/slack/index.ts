/**
 * The Slack adapter: `mountSlack` puts Spiegel's Slack app on the bot's HTTP server (or connects in
 * Socket Mode) and returns the Notifier the scheduler uses for Slack rounds; null when Slack is not configured.
 */
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import type { AppContext } from '../../app/context.js';
import { cancelWorkspaceDeletion } from '../../app/workspace-removal.js';
import type { Notifier } from '../../app/notifier.js';
import { getWorkspaceSettings } from '../../app/workspace-settings.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { registerActions } from './actions.js';
import { boltLogger } from './bolt-logger.js';
import { registerCommands } from './commands.js';
import { registerErasureActions } from './erasure-flow.js';
import { registerEvents } from './events.js';
import { registerIntervision } from './intervision-flow.js';
import { registerFrameworkUploads } from './framework-upload.js';
import { workspaceActor } from './ids.js';
import { SlackNotifier } from './notifier.js';
import type { SlackInstallationRecords, SlackWorkspaceSettings } from './ports.js';
import { defaultProgressOptions, ProgressUpdater } from './progress.js';
import type { SlackRuntime } from './runtime.js';
import { refuseMalformedRequests } from './edge-refusal.js';
import { createBolt, slackInstallations, slackMode } from './slack-app.js';
import { ratingClickRoute } from './click-route.js';
import { ratingClickAnswerer } from './rating-click.js';
import { SlackDirectory } from './users.js';
import { tenantIdOf } from './ids.js';
import { registerViews } from './views.js';
import { SlackClients, webClientOptions } from './web-api.js';

export type { SlackInstallationRecords, SlackWorkspaceSettings } from './ports.js';

export interface SlackDeps {
  config: Config;
  logger: Logger;
  ctx: AppContext;
  /** OAuth installations (src/storage/mongo/slack-installation-store.ts). */
  installations: SlackInstallationRecords;
  /** Workspace preferences (src/storage/mongo/slack-workspace-store.ts). */
  workspaces: SlackWorkspaceSettings;
  /** Progress debounce; tests shorten the window. */
  progress?: { windowMs?: number; graceMs?: number };
}

export interface MountedSlack {
  notifier: Notifier;
  /** Lets acknowledged requests finish (at most `STOP_DRAIN_MS`), runs pending progress updates, disconnects. */
  stop(): Promise<void>;
}

/** How long stop() waits for acknowledged requests whose work (storing, answering) is still running. */
const STOP_DRAIN_MS = 10_000;

/** A (re)installation through OAuth cancels the deletion its workspace's uninstall scheduled. */
function cancelDeletionOnInstall(records: SlackInstallationRecords, ctx: AppContext): SlackInstallationRecords {
  return {
    async put(installation, at) {
      await records.put(installation, at);
      if (installation.teamId) await cancelWorkspaceDeletion(ctx, workspaceActor(installation.teamId));
    },
    get: (key) => records.get(key),
    delete: (key) => records.delete(key),
  };
}

export async function mountSlack(http: Express, deps: SlackDeps): Promise<MountedSlack | null> {
  const { config, ctx } = deps;
  const mode = slackMode(config);
  if (!mode) return null;
  const logger = deps.logger.child({ platform: 'slack' });
  const bolt = boltLogger(logger);
  const clientOptions = webClientOptions(config.SLACK_API_URL, bolt);
  const records = cancelDeletionOnInstall(deps.installations, ctx);
  const { installations, tokens } = slackInstallations(mode, records, ctx.secret);
  const workspaceLocales: SlackWorkspaceSettings = {
    async getDefaultLocale(teamId) {
      return (await getWorkspaceSettings(ctx, tenantIdOf(teamId))).locale ?? (await deps.workspaces.getDefaultLocale(teamId));
    },
  };
  const directory = new SlackDirectory(workspaceLocales, config.DEFAULT_LOCALE, logger);
  const clients = new SlackClients(tokens, clientOptions);
  const progress = new ProgressUpdater(ctx, logger, {
    ...defaultProgressOptions,
    ...deps.progress,
    instanceId: `slack-${process.pid}-${randomBytes(3).toString('hex')}`,
  });
  const notifier = new SlackNotifier(ctx, clients, directory, logger);
  const rt: SlackRuntime = { ctx, config, logger, directory, progress, notifier, installations };

  // Requests are acknowledged before their work is done: keep track of that work, so stop() can let it finish.
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const done = () => inFlight.delete(work);
    inFlight.add(work);
    work.then(done, done);
  };
  const answerRatingClick = ratingClickAnswerer(rt);
  const beforeBolt =
    mode.kind === 'socket'
      ? []
      : [ratingClickRoute({ signingSecret: mode.signingSecret, answer: answerRatingClick, clients, track, logger })];
  const setup = createBolt(http, mode, { config, logger: bolt, clientOptions, installations, beforeBolt });
  refuseMalformedRequests(setup.app, rt);
  setup.app.use(async ({ next }) => {
    const work = next();
    track(work);
    await work;
  });

  registerCommands(setup.app, rt);
  registerActions(setup.app, rt, answerRatingClick);
  registerErasureActions(setup.app, rt);
  registerViews(setup.app, rt);
  registerEvents(setup.app, rt);
  registerIntervision(setup.app, rt);
  registerFrameworkUploads(setup.app, rt);
  setup.app.error((error) => {
    logger.error({ err: error }, 'Slack listener failed');
    return Promise.resolve();
  });

  await setup.start();
  logger.info({ mode: mode.kind }, 'Slack adapter ready');
  return {
    notifier,
    async stop() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_DRAIN_MS)));
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
      await progress.flush();
      await setup.stop();
    },
  };
}
