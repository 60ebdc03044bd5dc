/**
 * Spiegel's Teams endpoint on 127.0.0.1:0 in local mode, on a real test database, with a stand-in connector:
 * tests POST Bot Framework activities to /api/messages and read what the bot sent back.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../../../../src/app/context.js';
import type { Round } from '../../../../src/domain/round.js';
import { promptParts } from '../../../../src/platforms/teams/cards/card-parts.js';
import { renderPromptCard } from '../../../../src/platforms/teams/cards/prompt-card.js';
import { loadConfig, type Config } from '../../../../src/config.js';
import { createHttpApp, listen } from '../../../../src/http/http-server.js';
import { createLogger } from '../../../../src/logger.js';
import { mountTeams, type MountedTeams, type TeamsDeps } from '../../../../src/platforms/teams/index.js';
import { MongoTeamsConversationStore } from '../../../../src/storage/mongo/teams-conversation-store.js';
import { openTestDatabase, type TestDatabase } from '../../../support/database.js';
import { createTestContext } from '../../../support/app-context.js';
import { FakeConnector, type FakeAccount } from './fake-connector.js';

export const AAD_TENANT = '11111111-2222-4333-8444-555555555555';
export const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
export const TENANT_ID = `teams:${AAD_TENANT}`;
export const TEAM_ID = '19:team-general@thread.tacv2';
export const BOT = { id: '28:spiegel-test-bot', name: 'Spiegel' };

function account(n: number, name: string): FakeAccount {
  return { id: `29:user-${n}`, name, aadObjectId: `00000000-0000-4000-8000-00000000000${n}` };
}

export const members = {
  an: account(1, 'An Peeters'),
  bram: account(2, 'Bram Janssens'),
  chloe: account(3, 'Chloé Dubois'),
  outsider: account(9, 'Olaf Outsider'),
};

export interface TeamsHarness {
  ctx: AppContext;
  db: TestDatabase;
  connector: FakeConnector;
  teams: MountedTeams;
  store: MongoTeamsConversationStore;
  config: Config;
  /** POSTs an activity; returns the HTTP status and parsed body. */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  postRaw(body: string, contentType?: string): Promise<{ status: number; body: unknown }>;
  /** Mounts a second Teams adapter on the same database (a restart, or another instance). */
  restart(): Promise<MountedTeams>;
  close(): Promise<void>;
}

export async function startTeamsHarness(
  env: Record<string, string> = {},
  options: Pick<TeamsDeps, 'saveWindow' | 'progress'> = {},
): Promise<TeamsHarness> {
  const db = await openTestDatabase();
  const ctx = await createTestContext(db.db);
  const connector = new FakeConnector();
  await connector.start();
  connector.rosters.set(TEAM_ID, [members.an, members.bram, members.chloe]);
  const config = loadConfig({ SPIEGEL_LOCAL_MODE: 'true', DEFAULT_LOCALE: 'en', PORT: '0', LOG_LEVEL: 'silent', ...env });
  const logger = createLogger(config.LOG_LEVEL);
  const store = new MongoTeamsConversationStore(db.db);
  const servers: Server[] = [];
  const mounted: MountedTeams[] = [];

  async function mount(): Promise<{ teams: MountedTeams; origin: string }> {
    const http = createHttpApp();
    const teams = await mountTeams(http, {
      config,
      logger,
      ctx,
      store,
      localMode: true,
      progress: { windowMs: 200, graceMs: 50 },
      ...options,
    });
    if (!teams) throw new Error('Teams was not mounted');
    const server = await listen(http, 0, '127.0.0.1');
    servers.push(server);
    mounted.push(teams);
    return { teams, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }

  let current = await mount();
  const send = async (body: string, contentType: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${current.origin}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...headers },
      body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed };
  };

  return {
    ctx,
    db,
    connector,
    store,
    config,
    get teams() {
      return current.teams;
    },
    post: (activity, headers) => send(JSON.stringify(activity), 'application/json', headers),
    postRaw: (body, contentType = 'application/json') => send(body, contentType),
    async restart() {
      current = await mount();
      return current.teams;
    },
    async close() {
      for (const teams of mounted) await teams.stop();
      for (const server of servers)
        await new Promise<void>((resolve) =>
          server.close(() => {
            resolve();
          }),
        );
      await connector.stop();
      await db.close();
    },
  };
}

let sequence = 0;

interface Where {
  /** 'channel' (the team's General channel, in a thread), 'personal' or 'group'. */
  kind?: 'channel' | 'personal' | 'group';
  tenant?: string;
  /** Thread root for channel activities (`;messageid=`). */
  thread?: string;
  locale?: string;
  timezone?: string;
}

function base(connector: FakeConnector, from: FakeAccount, where: Where): Record<string, unknown> {
  const kind = where.kind ?? 'channel';
  const tenant = where.tenant ?? AAD_TENANT;
  const conversation =
    kind === 'channel'
      ? { id: `${TEAM_ID};messageid=${where.thread ?? `root-${++sequence}`}`, conversationType: 'channel', isGroup: true, tenantId: tenant }
      : kind === 'group'
        ? { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: tenant }
        : { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId: tenant };
  return {
    id: `activity-${++sequence}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    conversation,
    locale: where.locale ?? 'en-US',
    localTimezone: where.timezone ?? 'Europe/Brussels',
    timestamp: new Date().toISOString(),
    channelData:
      kind === 'channel'
        ? { tenant: { id: tenant }, team: { id: TEAM_ID, name: 'Quality team' }, channel: { id: TEAM_ID, name: 'General' } }
        : { tenant: { id: tenant } },
  };
}

export function message(connector: FakeConnector, from: FakeAccount, text: string, where: Where = {}): Record<string, unknown> {
  const kind = where.kind ?? 'channel';
  const mention = kind === 'personal' ? '' : `<at>${BOT.name}</at> `;
  return {
    ...base(connector, from, where),
    type: 'message',
    text: `${mention}${text}`,
    textFormat: 'plain',
    entities: kind === 'personal' ? [] : [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }],
  };
}

export function execute(
  connector: FakeConnector,
  from: FakeAccount,
  verb: string,
  data: Record<string, unknown>,
  where: Where & { replyToId?: string } = {},
): Record<string, unknown> {
  return {
    ...base(connector, from, where),
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...(where.replyToId ? { replyToId: where.replyToId } : {}),
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}

/** The card an Action.Execute answered with (invoke response body), or its message. */
export function invokeResult(body: unknown): { card?: Record<string, unknown>; message?: string } {
  const b = body as { type?: string; value?: unknown } | null;
  if (b?.type === 'application/vnd.microsoft.card.adaptive') return { card: b.value as Record<string, unknown> };
  if (b?.type === 'application/vnd.microsoft.activity.message') return { message: String(b.value) };
  throw new Error(`not an Action.Execute response: ${JSON.stringify(body).slice(0, 300)}`);
}

/** The data of a prompt card's Save button, as the card posted in the channel carries it (Teams sends it back). */
export function saveData(round: Round, part = 0): Record<string, unknown> {
  const card = renderPromptCard({ round, part: promptParts(round)[part]!, locale: round.locale, progress: null, refreshUserIds: [] });
  const save = (card.actions as { data: Record<string, unknown> }[] | undefined)?.[0];
  if (!save) throw new Error('the card has no Save button');
  return save.data;
}
