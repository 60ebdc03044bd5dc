/**
 * Every action id and form Spiegel serves, sent with query operators, lists and null where strings belong:
 * each gets a refusal (or a 400), and nothing is read from the stores or written to the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import type { Round } from '../../../src/domain/round.js';
import { actionIds, callbackIds } from '../../../src/platforms/slack/ids.js';
import { countStoreCalls, snapshot } from '../../support/store-spy.js';
import { startHarness, type Harness } from './support/harness.js';
import { blockActionPayload, form, viewSubmissionPayload } from './support/requests.js';

const hostile: unknown[] = [{ $ne: null }, { $gt: '' }, [], null];
const everyActionId = [...Object.values(actionIds).filter((id) => id !== actionIds.rate), 'spiegel.rate:4', 'spiegel.launch-missiles'];

describe('Slack: hostile values at the edge', () => {
  let h: Harness;
  let round: Round;

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { UBOB: { locale: 'en-GB' } };
    round = await openRound(
      h.ctx,
      { tenantId: 'slack:T1', userId: 'UCOORD', isAdmin: false },
      {
        place: { platform: 'slack', tenantId: 'slack:T1', channelId: 'CEDGE' },
        frameworkId: 'team-health',
        criterionIds: ['go-clear'],
        participants: ['UBOB'],
        locale: 'en',
      },
    );
  });

  afterAll(async () => {
    await h?.close();
  });

  it('refuses every action id with an operator, a list or null as its value, reading and writing nothing', async () => {
    const before = await snapshot(h.database.db);
    const spy = countStoreCalls(h.ctx);
    let n = 0;
    try {
      for (const actionId of everyActionId) {
        for (const value of hostile) {
          const id = `edge-${n++}`;
          const payload = blockActionPayload({
            teamId: 'T1',
            userId: 'UBOB',
            channelId: 'CEDGE',
            responseUrl: h.fake.responseUrl(id),
            actionId,
            blockId: `rate|go-clear|rating`,
            value: '',
            view: { id: 'VEDGE', hash: 'h', private_metadata: JSON.stringify(value) },
          });
          const action = (payload['actions'] as Array<Record<string, unknown>>)[0]!;
          Object.assign(action, { value, selected_option: { text: { type: 'plain_text', text: 'x' }, value } });
          const reply = await h.interact(payload);
          expect(reply.status, `${actionId} ${JSON.stringify(value)}`).toBe(200);
          const answer = await h.fake.waitFor(() => h.fake.responses(id).at(-1));
          expect(String(answer.body['text']), `${actionId} ${JSON.stringify(value)}`).toMatch(
            /^I (did not understand that|do not know that button)/,
          );
        }
      }
      for (const callbackId of Object.values(callbackIds)) {
        for (const value of hostile) {
          const metadata = viewSubmissionPayload({ teamId: 'T1', userId: 'UBOB', callbackId, privateMetadata: '', values: {} });
          Object.assign(metadata['view'] as object, { private_metadata: value });
          const state = viewSubmissionPayload({
            teamId: 'T1',
            userId: 'UBOB',
            callbackId,
            privateMetadata: `${round.id}|goals|0|1`,
            values: {},
          });
          Object.assign(state['view'] as object, { state: { values: value } });
          for (const payload of [metadata, state]) {
            const reply = await h.interact(payload);
            expect(reply.status).toBe(200);
            expect(JSON.stringify(reply.json())).toMatch(/I did not understand that|I do not know that button/);
          }
        }
      }
      for (const raw of ['null', '[]', '"text"', '42']) {
        const reply = await h.post(new URLSearchParams({ payload: raw }).toString(), form);
        expect(reply.status, raw).toBe(400);
      }
    } finally {
      spy.stop();
    }
    expect(spy.calls).toEqual([]);
    expect(await snapshot(h.database.db)).toBe(before);
  });
});
