/**
 * `close`, `cancel` and `remind` on a round that has ended or is about to, by @mention in a Teams channel
 * (Bot Framework activities to /api/messages, stand-in connector): each answer says what really happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { openRound } from '../../../src/app/rounds.js';
import { memberIdOf } from '../../../src/platforms/teams/ids.js';
import { members, message, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

let h: TeamsHarness;

beforeAll(async () => {
  h = await startTeamsHarness();
});

afterAll(async () => {
  await h?.close();
});

const coordinator: Actor = { tenantId: TENANT_ID, userId: memberIdOf(members.an), isAdmin: false };

describe('Teams commands on ended rounds', () => {
  const open = (name: string, deadline: Date | null = null) =>
    openRound(h.ctx, coordinator, {
      place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
      frameworkId: 'team-health',
      criterionIds: ['go-clear'],
      participants: [memberIdOf(members.bram)],
      name,
      deadline,
      locale: 'en',
    });
  const answer = async (text: string, locale = 'en-US') => {
    h.connector.clear();
    expect((await h.post(message(h.connector, members.an, text, { thread: 't-ended', locale }))).status).toBe(200);
    return h.connector.sent().at(-1)!.cardText;
  };

  it('says a closed round is already closed, to close and to cancel, in the member’s language', async () => {
    await open('Autumn check');
    expect(await answer('close')).toContain('Round “Autumn check” is closed');
    expect(await answer('close')).toContain('Round “Autumn check” was already closed.');
    expect(await answer('sluit', 'nl-BE')).toContain('Ronde “Autumn check” was al afgesloten.');
    expect(await answer('cancel')).toContain('Round “Autumn check” is already closed.');
    expect(await answer('annuleer', 'nl-BE')).toContain('Ronde “Autumn check” is al afgesloten.');
  });

  it('says a cancelled round is already cancelled, to cancel and to close', async () => {
    const round = await open('Winter check');
    expect(await answer('cancel')).toContain('Round “Winter check” is cancelled.');
    expect(await answer('cancel')).toContain('Round “Winter check” was already cancelled.');
    expect(await answer('close')).toContain('Round “Winter check” is already cancelled.');
    expect(await answer('sluit', 'nl-BE')).toContain('Ronde “Winter check” is al geannuleerd.');
  });

  it('refuses "remind" less than 15 minutes before the deadline, saying so, and queues nothing', async () => {
    const round = await open('Spring check', new Date(Date.now() + 10 * 60_000));
    expect(await answer('remind')).toContain('The deadline is too close for a reminder (less than 15 minutes left): none will be sent.');
    expect(await answer('herinner', 'nl-BE')).toContain('De deadline is te dichtbij voor een herinnering');
    const jobs = await h.ctx.stores.jobs.list({ tenantId: TENANT_ID, roundId: round.id });
    expect(jobs.filter((j) => j.slot?.startsWith('now-'))).toEqual([]);
  });
});
