/**
 * The Microsoft Teams adapter: `mountTeams` serves the teams-ai Application at POST /api/messages on the bot's
 * HTTP server and returns the Notifier the scheduler uses for Teams rounds; null when Teams is neither
 * configured (MICROSOFT_APP_ID …) nor in local mode. In local mode it can also start the Agents Playground.
 */
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import type { AppContext } from '../../app/context.js';
import type { Notifier } from '../../app/notifier.js';
import { publicBaseUrl, type Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { defaultProgressDebounce, RoundProgressDebouncer } from '../../app/round-progress-debounce.js';
import { createTeamsAdapter, teamsAuthOf } from './adapter.js';
import { TeamsDirectory } from './directory.js';
import { InstallationTracker } from './installation.js';
import { TeamsMessenger } from './messenger.js';
import { TeamsNotifier } from './notifier.js';
import { startDemoPlaygrounds, type PlaygroundInstance } from './playground.js';
import type { TeamsConversationStore } from '../../app/teams-conversation-ports.js';
import { RoundMessages } from './round-messages.js';
import type { TeamsRuntime } from './runtime.js';
import { createTeamsApplication, MESSAGES_PATH, mountEndpoint } from './teams-app.js';

export type { TeamsConversationStore } from '../../app/teams-conversation-ports.js';

export interface TeamsDeps {
  config: Config;
  logger: Logger;
  ctx: AppContext;
  /** Conversation references and members (src/storage/mongo/teams-conversation-store.ts). */
  store: TeamsConversationStore;
  /** isLocalMode(config): unauthenticated calls from this machine are accepted when no MICROSOFT_APP_ID is set. */
  localMode: boolean;
  /** Local mode only: start the Agents Playground against this server (`npm start`); tests leave it off. */
  playground?: boolean;
  /** Progress debounce; tests shorten the window. */
  progress?: { windowMs?: number; graceMs?: number };
  /** How long a Save may take to be stored before its invoke is answered without it; tests end it at once. */
  saveWindow?: () => Promise<void>;
}

/** Teams shows the member an error when an Action.Execute is not answered within a few seconds. */
const SAVE_WINDOW_MS = 4_000;

const saveWindow = () =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, SAVE_WINDOW_MS).unref();
  });

export interface MountedTeams {
  notifier: Notifier;
  /** The Playground instances started in local mode (none otherwise). */
  playgrounds: readonly PlaygroundInstance[];
  stop(): Promise<void>;
}

function playgroundBanner(playgrounds: readonly PlaygroundInstance[]): string {
  const lines = playgrounds.map((p) => `    ${p.user.name.padEnd(16)} ${p.url}`);
  return [
    '',
    "  Try Spiegel in Teams: open the Agents Playground as one of the demo team's members",
    ...lines,
    '  and write “@Spiegel start” in the General channel of the team.',
    '',
    '',
  ].join('\n');
}

export async function mountTeams(http: Express, deps: TeamsDeps): Promise<MountedTeams | null> {
  const { config, ctx, store } = deps;
  const auth = teamsAuthOf(config, deps.localMode);
  if (!auth) return null;
  const logger = deps.logger.child({ platform: 'teams' });
  const adapter = createTeamsAdapter(config, auth);
  const messenger = new TeamsMessenger(adapter, auth.kind === 'credentials' ? auth.appId : '', store, ctx.clock, logger);
  const rounds = new RoundMessages(ctx, store, messenger, logger, publicBaseUrl(config));
  const progress = new RoundProgressDebouncer(ctx, (tenantId, roundId) => rounds.updateProgress(tenantId, roundId), logger, {
    ...defaultProgressDebounce,
    ...deps.progress,
    instanceId: `teams-${process.pid}-${randomBytes(3).toString('hex')}`,
  });
  const rt: TeamsRuntime = {
    ctx,
    config,
    logger,
    store,
    directory: new TeamsDirectory(store, ctx.clock, logger),
    messenger,
    rounds,
    progress,
    installations: new InstallationTracker({ ctx, logger }),
    saveWindow: deps.saveWindow ?? saveWindow,
  };
  mountEndpoint(http, rt, adapter, createTeamsApplication(rt, adapter), auth);
  logger.info({ auth: auth.kind, path: MESSAGES_PATH }, 'Teams adapter ready');

  const playgrounds =
    auth.kind === 'local' && deps.playground
      ? await startDemoPlaygrounds({
          botEndpoint: `http://127.0.0.1:${config.PORT}${MESSAGES_PATH}`,
          firstPort: config.PLAYGROUND_PORT,
          dataDir: config.SPIEGEL_DATA_DIR,
          log: (line) => {
            logger.debug({ playground: line }, 'Agents Playground');
          },
        })
      : [];
  for (const p of playgrounds) logger.info({ url: p.url, member: p.user.name }, `Agents Playground for ${p.user.name}: open ${p.url}`);
  if (playgrounds.length > 0) process.stdout.write(playgroundBanner(playgrounds));

  return {
    notifier: new TeamsNotifier(rt),
    playgrounds,
    async stop() {
      await progress.flush();
      await Promise.all(playgrounds.map((p) => p.stop()));
    },
  };
}
