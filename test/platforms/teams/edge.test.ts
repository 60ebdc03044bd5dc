/**
 * Every card verb, sent with query operators, lists and null where its data holds strings (and as the data
 * itself): each gets a refusal, and nothing is read from the stores or written to the database.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import type { Round } from '../../../src/domain/round.js';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { addFramework } from '../../../src/app/tenant-frameworks.js';
import { countStoreCalls, snapshot } from '../../support/store-spy.js';
import { OUR_FRAMEWORK_V1 } from '../../support/workspace-frameworks.js';
import { execute, invokeResult, members, saveData, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

const hostile: unknown[] = [{ $ne: null }, { $gt: '' }, [], null];

/**
 * Every activity refreshes where Spiegel can reach its sender (from Bot Framework's own fields, before the
 * card's data is looked at); everything else must stay as it was.
 */
const bookkeeping = ['teams_conversations', 'teams_members'];

let h: TeamsHarness;
let round: Round;

beforeAll(async () => {
  h = await startTeamsHarness();
  round = await openRound(
    h.ctx,
    { tenantId: TENANT_ID, userId: members.an.aadObjectId, isAdmin: false },
    {
      place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
      frameworkId: 'team-health',
      criterionIds: ['go-clear'],
      participants: [members.bram.aadObjectId],
      locale: 'en',
    },
  );
});

afterAll(async () => {
  await h?.close();
});

/** The data each verb's card sends, with one field replaced by a hostile value. */
function variants(verb: string, value: unknown): unknown[] {
  const own: Record<string, Record<string, unknown>> = {
    [verbs.answer]: { ...saveData(round), 'rate|go-clear|rating': '4', 'comment|go-clear': 'fine' },
    [verbs.refresh]: { r: round.id, p: 0 },
    [verbs.startFramework]: { framework: 'team-health' },
    [verbs.startBack]: { f: 'team-health' },
    [verbs.startSubmit]: { f: 'team-health', name: 'x', language: 'en' },
    [verbs.forgetConfirm]: { confirm: 'yes' },
    [verbs.forgetKeep]: { keep: 'yes' },
    [verbs.scheduleSubmit]: { framework: 'team-health', cadence: 'monthly' },
    [verbs.scheduleChange]: { a: 'pause', id: 'rec-x' },
  };
  const data = own[verb] ?? {};
  return [value, ...Object.keys(data).map((key) => ({ ...data, [key]: value }))];
}

it('refuses every verb with an operator, a list or null in its data, reading and writing nothing', async () => {
  const before = await snapshot(h.db.db, bookkeeping);
  const spy = countStoreCalls(h.ctx);
  try {
    for (const verb of [...Object.values(verbs), 'spiegel.launch-missiles']) {
      for (const value of hostile) {
        for (const data of variants(verb, value)) {
          const res = await h.post(execute(h.connector, members.bram, verb, data as Record<string, unknown>));
          expect(res.status, `${verb} ${JSON.stringify(data)}`).toBe(200);
          expect(invokeResult(res.body).message ?? `a card for ${verb} ${JSON.stringify(data)}`).toMatch(
            /I did not understand that|I do not know that button/,
          );
        }
      }
    }
    const withObjectText = { ...execute(h.connector, members.bram, verbs.refresh, {}), type: 'message', text: { $ne: null } };
    expect((await h.post(withObjectText)).status).toBe(400);
  } finally {
    spy.stop();
  }
  // Tenant-level bookkeeping that runs for every activity before its data is read, keyed by Bot Framework's own
  // fields (never by card data): the admins named in chat, and a tenant's activity cancelling a scheduled deletion.
  const tenantBookkeeping = new Set(['workspaceSettings.get', 'jobs.cancelPending', 'jobs.filterOf']);
  expect(spy.calls.filter((call) => !tenantBookkeeping.has(call))).toEqual([]);
  expect(await snapshot(h.db.db, bookkeeping)).toBe(before);
});

it('refuses an operator, a list or null in a card’s open answer or its lists of questions, reading and writing nothing', async () => {
  const admin = { tenantId: TENANT_ID, userId: members.an.aadObjectId, isAdmin: true };
  await addFramework(h.ctx, admin, { name: 'our-intake.yaml', text: OUR_FRAMEWORK_V1 });
  const withQuestions = await openRound(h.ctx, admin, {
    place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
    frameworkId: 'our-intake',
    participants: [members.bram.aadObjectId],
    locale: 'en',
  });
  const data = { ...saveData(withQuestions), o: ['best-moment'], 'open|best-moment': 'fine', 'open|in-missing': 'also fine' };
  const before = await snapshot(h.db.db, bookkeeping);
  const spy = countStoreCalls(h.ctx);
  try {
    for (const value of hostile) {
      for (const key of ['open|best-moment', 'open|in-missing', 'q', 'o']) {
        const res = await h.post(execute(h.connector, members.bram, verbs.answer, { ...data, [key]: value }));
        expect(invokeResult(res.body).message ?? `a card for ${key} ${JSON.stringify(value)}`).toMatch(/I did not understand that/);
      }
    }
  } finally {
    spy.stop();
  }
  const tenantBookkeeping = new Set(['workspaceSettings.get', 'jobs.cancelPending', 'jobs.filterOf']);
  expect(spy.calls.filter((call) => !tenantBookkeeping.has(call))).toEqual([]);
  expect(await snapshot(h.db.db, bookkeeping)).toBe(before);
});
