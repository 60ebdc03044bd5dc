/**
 * A card's Save through /api/messages with the stand-in connector: what it reads, and when Teams hears "done".
 * One round read per Save however many criteria the card shows; a Save is answered with the member's card only
 * once stored; when storing outlasts Teams' window (here: a window that is over at once) the invoke gets an
 * error status and the member is told in their personal chat how it ended.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verbs } from '../../../src/platforms/teams/ids.js';
import type { Round } from '../../../src/domain/round.js';
import { countStoreCalls } from '../../support/store-spy.js';
import { execute, invokeResult, members, saveData, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

let h: TeamsHarness;
let windowOver = false;

beforeAll(async () => {
  h = await startTeamsHarness(
    {},
    {
      saveWindow: () => (windowOver ? Promise.resolve() : new Promise<void>(() => {})),
      // No debounced progress update (which reads the round) fires while a Save's reads are counted.
      progress: { windowMs: 3_600_000, graceMs: 0 },
    },
  );
});

afterAll(async () => {
  await h?.close();
});

let threads = 0;

async function startRound(criteria: string[]): Promise<Round> {
  const thread = `t-save-${++threads}`;
  const res = await h.post(
    execute(
      h.connector,
      members.an,
      verbs.startSubmit,
      { f: 'team-health', name: `Round ${threads}`, criteria: criteria.join(','), anonymous: 'false', language: 'en', target: '3' },
      { thread, replyToId: `form-${threads}` },
    ),
  );
  expect(res.status).toBe(200);
  const [round] = await h.ctx.stores.rounds.list(TENANT_ID, { channelId: TEAM_ID, state: 'open', limit: 1 });
  if (!round?.name.endsWith(` ${threads}`)) throw new Error('no round was opened');
  return round;
}

const ratings = (criteria: string[], value: string) => Object.fromEntries(criteria.map((c) => [`rate|${c}|rating`, value]));

it.each([
  ['one criterion', ['go-clear']],
  ['six criteria', ['go-clear', 'go-contribution', 'go-priorities', 'wl-manageable', 'wl-means', 'wl-energy']],
])('a Save reads the round once, whatever the number of criteria on the card (%s)', async (_name, criteria) => {
  const round = await startRound(criteria);
  const spy = countStoreCalls(h.ctx);
  let res;
  try {
    res = await h.post(execute(h.connector, members.bram, verbs.answer, { ...saveData(round), ...ratings(criteria, '4') }));
  } finally {
    spy.stop();
  }
  expect(res.status).toBe(200);
  expect(invokeResult(res.body).card).toBeDefined();
  expect(await h.ctx.stores.responses.listForRound(TENANT_ID, round.id)).toHaveLength(criteria.length);
  // Point reads of this round only, and any read of rounds by other means.
  const roundReads = [
    ...spy.callsWith(round.id).filter((c) => c === 'rounds.get'),
    ...spy.calls.filter((c) => c === 'rounds.list' || c === 'rounds.findPrevious'),
  ];
  expect(roundReads).toEqual(['rounds.get']);
  // The answers are written concurrently, one write per answer, and the member marked once.
  expect(spy.calls.filter((c) => c === 'responses.write')).toHaveLength(criteria.length);
  expect(spy.calls.filter((c) => c === 'participation.markAnswered')).toHaveLength(1);
});

/** What the bot sent to a member's personal chat (created by the connector when there was none). */
const personalTexts = (account: { id: string }) =>
  h.connector
    .sent()
    .filter((c) => c.conversationId?.startsWith(`a:personal-${account.id}`))
    .map((c) => c.cardText);

it('a Save stored after Teams’ window is answered with an error, and the member is told it was saved after all', async () => {
  const round = await startRound(['go-clear', 'go-contribution']);
  h.connector.clear();
  windowOver = true;
  try {
    const res = await h.post(execute(h.connector, members.chloe, verbs.answer, { ...saveData(round), ...ratings(['go-clear'], '2') }));
    expect(res.status).toBe(503);
    await h.connector.waitFor(() => personalTexts(members.chloe).length > 0);
  } finally {
    windowOver = false;
  }
  expect(personalTexts(members.chloe)).toEqual([
    expect.stringContaining(`The answers you saved on the card of “${round.name}” are stored after all.`),
  ]);
  expect(await h.ctx.stores.responses.listForRound(TENANT_ID, round.id)).toMatchObject([
    { criterionId: 'go-clear', respondent: members.chloe.aadObjectId, value: 2 },
  ]);
});

it('a Save refused after Teams’ window is answered with an error, and the member is told nothing was stored', async () => {
  const round = await startRound(['go-clear', 'go-contribution']);
  h.connector.clear();
  windowOver = true;
  try {
    const data = { ...saveData(round), ...ratings(['go-clear'], '3'), ...ratings(['go-contribution'], '9') };
    const res = await h.post(execute(h.connector, members.bram, verbs.answer, data));
    expect(res.status).toBe(503);
    await h.connector.waitFor(() => personalTexts(members.bram).length > 0);
  } finally {
    windowOver = false;
  }
  const [text] = personalTexts(members.bram);
  expect(text).toContain('The answers you saved a moment ago on a Spiegel card were not stored: please press Save again.');
  expect(text).toMatch(/A rating must be a whole number from 1 to 5/);
  expect(await h.ctx.stores.responses.listForRound(TENANT_ID, round.id)).toEqual([]);
});
