/**
 * Bad input to the Teams endpoint gets a clear card, message or 4xx, and stores nothing: unknown verbs and
 * buttons, forged round ids and parts, another tenant's round, a closed round, oversized comments, ratings off
 * the scale, refused start forms, malformed bodies, missing authentication.
 */
import type { Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import { closeRound } from '../../../src/app/rounds.js';
import type { Round } from '../../../src/domain/round.js';
import { loadConfig } from '../../../src/config.js';
import { createHttpApp, listen } from '../../../src/http/http-server.js';
import { createLogger } from '../../../src/logger.js';
import { loopbackOnly } from '../../../src/platforms/teams/adapter.js';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { mountTeams } from '../../../src/platforms/teams/index.js';
import { MongoTeamsConversationStore } from '../../../src/storage/mongo/teams-conversation-store.js';
import { cardText } from './support/fake-connector.js';
import {
  execute,
  invokeResult,
  members,
  message,
  OTHER_TENANT,
  startTeamsHarness,
  saveData,
  TEAM_ID,
  TENANT_ID,
  type TeamsHarness,
} from './support/harness.js';

let h: TeamsHarness;
let round: Round;
const coordinator = { tenantId: TENANT_ID, userId: members.an.aadObjectId, isAdmin: false };

beforeAll(async () => {
  h = await startTeamsHarness();
  round = await openRound(h.ctx, coordinator, {
    place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
    frameworkId: 'team-health',
    criterionIds: ['go-clear', 'go-contribution'],
    participants: [members.an.aadObjectId, members.bram.aadObjectId],
    locale: 'en',
  });
});

afterAll(async () => {
  await h?.close();
});

async function storedAnswers(roundId = round.id): Promise<number> {
  const [responses, answered] = await Promise.all([
    h.ctx.stores.responses.listForRound(TENANT_ID, roundId),
    h.ctx.stores.participation.countAnswered(TENANT_ID, roundId),
  ]);
  return responses.length + answered;
}

async function answer(from = members.bram, data: Record<string, unknown> = {}, where: Parameters<typeof execute>[4] = {}) {
  const res = await h.post(execute(h.connector, from, verbs.answer, { ...saveData(round), ...data }, where));
  expect(res.status).toBe(200);
  return invokeResult(res.body);
}

describe('Teams: bad input stores nothing', () => {
  it('an unknown button and an unknown card', async () => {
    const res = await h.post(execute(h.connector, members.bram, 'spiegel.launch-missiles', { r: round.id }));
    expect(invokeResult(res.body).message).toContain('I do not know that button');
    const toString = await h.post(execute(h.connector, members.bram, 'toString', {}));
    expect(invokeResult(toString.body).message).toContain('I do not know that button');
    expect((await answer(members.bram, { r: undefined })).message).toContain('I did not understand that');
    expect((await answer(members.bram, { p: 99, 'rate|go-clear|rating': '4' })).message).toContain('I did not understand that');
    expect(await storedAnswers()).toBe(0);
  });

  it('a forged round id, and a round of another tenant', async () => {
    expect((await answer(members.bram, { r: 'forged-round', 'rate|go-clear|rating': '4' })).message).toContain('I cannot find that round');
    const other = await answer(members.bram, { 'rate|go-clear|rating': '4' }, { tenant: OTHER_TENANT });
    expect(other.message).toContain('I cannot find that round');
    h.connector.clear();
    await h.post(message(h.connector, members.bram, `status ${round.id}`, { tenant: OTHER_TENANT, thread: 'x' }));
    expect(h.connector.sent()[0]!.cardText).toContain('I cannot find that round');
    expect(await storedAnswers()).toBe(0);
  });

  it('a member who does not take part, and a rating off the scale', async () => {
    expect((await answer(members.outsider, { 'rate|go-clear|rating': '4' })).message).toContain('You are not a participant');
    const offScale = await answer(members.bram, { 'rate|go-clear|rating': '9', 'rate|go-contribution|rating': '3' });
    expect(cardText(offScale.card)).toContain('A rating must be a whole number from 1 to 5');
    expect(await storedAnswers()).toBe(0);
  });

  it('an oversized comment: a clear card that keeps what was typed', async () => {
    const long = 'x'.repeat(2001);
    const res = await answer(members.bram, { 'rate|go-clear|rating': '4', 'comment|go-clear': long, 'rate|go-contribution|rating': '3' });
    const text = cardText(res.card);
    expect(text).toContain('Nothing was saved:');
    expect(text).toContain('Your comment has 2001 characters; the limit is 2000.');
    expect(text).toContain(long);
    expect(await storedAnswers()).toBe(0);
  });

  it('a closed round', async () => {
    const closing = await openRound(h.ctx, coordinator, {
      place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
      frameworkId: 'team-health',
      criterionIds: ['go-clear'],
      participants: [members.bram.aadObjectId],
      locale: 'en',
    });
    await closeRound(h.ctx, coordinator, closing.id, (round, summary) => h.teams.notifier.postSummary(round, summary));
    const res = await h.post(execute(h.connector, members.bram, verbs.answer, { ...saveData(closing), 'rate|go-clear|rating': '4' }));
    expect(invokeResult(res.body).message).toContain('This round is closed');
    expect(await storedAnswers(closing.id)).toBe(0);
    const refresh = await h.post(execute(h.connector, members.bram, verbs.refresh, { r: closing.id, p: 0 }));
    expect(cardText(invokeResult(refresh.body).card)).toContain('This round is closed.');
  });

  it('a start form with a stranger, a past deadline and a target off the scale: the form again, no round', async () => {
    const before = (await h.ctx.stores.rounds.list(TENANT_ID, {})).length;
    const res = await h.post(
      execute(h.connector, members.an, verbs.startSubmit, {
        f: 'team-health',
        name: 'Should not start',
        participants: `${members.bram.aadObjectId},forged-member`,
        deadlineDate: '2001-01-01',
        target: '42',
        language: 'en',
      }),
    );
    const text = cardText(invokeResult(res.body).card);
    expect(text).toContain('The round was not started:');
    expect(text).toContain('Choose participants from the members listed.');
    expect(text).toContain('Choose a target from 1 to 5.');
    expect(text).toContain('Should not start');
    const pastOnly = await h.post(
      execute(h.connector, members.an, verbs.startSubmit, { f: 'team-health', deadlineDate: '2001-01-01', language: 'en' }),
    );
    expect(cardText(invokeResult(pastOnly.body).card)).toContain('The deadline must lie in the future.');
    const unknownFramework = await h.post(execute(h.connector, members.an, verbs.startSubmit, { f: 'no-such-framework' }));
    expect(cardText(invokeResult(unknownFramework.body).card)).toContain('Team health check');
    expect((await h.ctx.stores.rounds.list(TENANT_ID, {})).length).toBe(before);
  });

  it('start in the personal chat, and an activity without a tenant', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.an, 'start', { kind: 'personal' }));
    expect(h.connector.sent()[0]!.cardText).toContain('Start a round from the channel or group chat');
    const noTenant = message(h.connector, members.an, 'status', { thread: 'nt' });
    noTenant['conversation'] = { id: `${TEAM_ID};messageid=nt`, conversationType: 'channel' };
    noTenant['channelData'] = {};
    await h.post(noTenant);
    expect(h.connector.sent()[1]!.cardText).toContain('I cannot tell which organisation');
  });

  it('malformed bodies get a 400, oversized ones a 413', async () => {
    expect((await h.postRaw('{"type": "message", ')).status).toBe(400);
    expect((await h.postRaw('[1, 2, 3]')).status).toBe(400);
    expect((await h.postRaw('{"text": "no type"}')).status).toBe(400);
    expect((await h.postRaw('x'.repeat(2_000_000))).status).toBe(413);
    expect(await storedAnswers()).toBe(0);
  });

  it('local mode answers only this machine', () => {
    let status = 0;
    let passed = false;
    const res = { status: (s: number) => ((status = s), { json: () => undefined }) } as unknown as Response;
    loopbackOnly({ socket: { remoteAddress: '10.1.2.3' } } as unknown as Request, res, () => (passed = true));
    expect([status, passed]).toEqual([403, false]);
    loopbackOnly({ socket: { remoteAddress: '::ffff:127.0.0.1' } } as unknown as Request, res, () => (passed = true));
    expect(passed).toBe(true);
  });

  it('with MICROSOFT_APP_ID, a call without a Bot Framework token gets a 401 and runs nothing', async () => {
    const config = loadConfig({
      MICROSOFT_APP_ID: '00000000-aaaa-4bbb-8ccc-000000000001',
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      PORT: '0',
      LOG_LEVEL: 'silent',
    });
    const http = createHttpApp();
    const teams = await mountTeams(http, {
      config,
      logger: createLogger('silent'),
      ctx: h.ctx,
      store: new MongoTeamsConversationStore(h.db.db),
      localMode: false,
    });
    const server = await listen(http, 0, '127.0.0.1');
    try {
      const port = (server.address() as { port: number }).port;
      h.connector.clear();
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message(h.connector, members.an, 'help')),
      });
      expect(res.status).toBe(401);
      const forged = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
        body: JSON.stringify(message(h.connector, members.an, 'help')),
      });
      expect([401, 403]).toContain(forged.status);
      expect(h.connector.calls).toHaveLength(0);
    } finally {
      await teams?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('without credentials and outside local mode, Teams is not mounted', async () => {
    const config = loadConfig({ SLACK_SIGNING_SECRET: 'x', SLACK_BOT_TOKEN: 'xoxb-1', PORT: '0', LOG_LEVEL: 'silent' });
    const teams = await mountTeams(createHttpApp(), {
      config,
      logger: createLogger('silent'),
      ctx: h.ctx,
      store: new MongoTeamsConversationStore(h.db.db),
      localMode: false,
    });
    expect(teams).toBeNull();
  });

  it('a single-tenant app without its tenant id is a configuration error', () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TYPE: 'SingleTenant' })).toThrow(
      /MICROSOFT_APP_TENANT_ID/,
    );
  });
});
