/**
 * The Slack adapter running for real: the bot's express app with mountSlack, listening on port 0, the
 * real test database, and the stand-in Slack as SLACK_API_URL.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newRoundId, type AppContext } from '../../../../src/app/context.js';
import { loadFrameworkCatalogue } from '../../../../src/app/framework-catalogue.js';
import { systemClock } from '../../../../src/app/ports.js';
import { loadConfig } from '../../../../src/config.js';
import { createHttpApp, listen } from '../../../../src/http/http-server.js';
import { createLogger } from '../../../../src/logger.js';
import { mountSlack, type MountedSlack } from '../../../../src/platforms/slack/index.js';
import { createMongoStores } from '../../../../src/storage/mongo/mongo-stores.js';
import { MongoSlackInstallationStore } from '../../../../src/storage/mongo/slack-installation-store.js';
import { MongoSlackWorkspaceStore } from '../../../../src/storage/mongo/slack-workspace-store.js';
import { openTestDatabase, type TestDatabase } from '../../../support/database.js';
import { FakeSlack } from './fake-slack.js';
import { commandBody, form, interactionBody, postSigned, type SlackReply, type SlackRequestOptions } from './requests.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const ADMIN = 'UADMIN';

export interface Harness {
  baseUrl: string;
  fake: FakeSlack;
  ctx: AppContext;
  database: TestDatabase;
  slack: MountedSlack;
  post(body: string, contentType: string, options?: SlackRequestOptions): Promise<SlackReply>;
  command(args: { text: string; teamId?: string; userId: string; channelId?: string; responseUrlId: string }): Promise<SlackReply>;
  interact(payload: unknown): Promise<SlackReply>;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const fake = new FakeSlack();
  await fake.start();
  const database = await openTestDatabase();
  const stores = createMongoStores(database.db);
  await stores.ensureIndexes();
  const ctx: AppContext = {
    stores,
    clock: systemClock,
    frameworks: await loadFrameworkCatalogue(),
    secret: 'test-pseudonym-secret-with-at-least-32-characters',
    newId: newRoundId,
  };
  const config = loadConfig({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: fake.apiUrl,
    SPIEGEL_ADMINS: ADMIN,
    DEFAULT_LOCALE: 'en',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const http = createHttpApp();
  const slack = await mountSlack(http, {
    config,
    logger: createLogger(config.LOG_LEVEL),
    ctx,
    installations: new MongoSlackInstallationStore(database.db),
    workspaces: new MongoSlackWorkspaceStore(database.db),
    progress: { windowMs: 400, graceMs: 100 },
  });
  if (!slack) throw new Error('mountSlack returned null');
  const server: Server = await listen(http, 0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (body: string, contentType: string, options?: SlackRequestOptions) =>
    postSigned(baseUrl, SIGNING_SECRET, body, contentType, options);
  return {
    baseUrl,
    fake,
    ctx,
    database,
    slack,
    post,
    command: (args) =>
      post(
        commandBody({
          text: args.text,
          teamId: args.teamId ?? 'T1',
          userId: args.userId,
          channelId: args.channelId ?? 'CQUALITY',
          responseUrl: fake.responseUrl(args.responseUrlId),
        }),
        form,
      ),
    interact: (payload) => post(interactionBody(payload), form),
    async close() {
      await slack.stop();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      server.closeAllConnections();
      await fake.stop();
      await database.close();
    },
  };
}
