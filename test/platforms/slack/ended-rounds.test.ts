/**
 * `/reflect close`, `cancel` and `remind` on a round that has ended or is about to: each answer says what
 * really happened, in the coordinator's language (signed commands to the real endpoint, stand-in Slack).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { openRound } from '../../../src/app/rounds.js';
import { startHarness, type Harness } from './support/harness.js';

const coordinator: Actor = { tenantId: 'slack:T1', userId: 'UCOORD', isAdmin: false };

describe('Slack commands on ended rounds', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { UCOORD: { locale: 'en-GB' }, UKOORD: { locale: 'nl-BE' }, UANN: { locale: 'nl-BE' } };
  });

  afterAll(async () => {
    await h?.close();
  });

  const open = (channelId: string, name: string, deadline: Date | null = null) =>
    openRound(h.ctx, coordinator, {
      place: { platform: 'slack', tenantId: 'slack:T1', channelId },
      frameworkId: 'team-health',
      criterionIds: ['go-clear'],
      participants: ['UANN'],
      coordinators: ['UKOORD'],
      name,
      deadline,
      locale: 'en',
    });
  const answer = async (channelId: string, userId: string, text: string, responseUrlId: string) => {
    expect((await h.command({ text, userId, channelId, responseUrlId })).status).toBe(200);
    return String((await h.fake.waitFor(() => h.fake.responses(responseUrlId).at(-1))).body['text']);
  };

  it('says a closed round is already closed, to close and to cancel, without posting the summary again', async () => {
    await open('CENDED1', 'Autumn check');
    expect(await answer('CENDED1', 'UCOORD', 'close', 'close-1')).toBe(
      'Round “Autumn check” is closed; the summary is posted in the channel.',
    );
    const summaries = () => h.fake.of('chat.postMessage').filter((c) => c.body['channel'] === 'CENDED1').length;
    const posted = summaries();
    expect(await answer('CENDED1', 'UCOORD', 'close', 'close-2')).toBe('Round “Autumn check” was already closed.');
    expect(await answer('CENDED1', 'UKOORD', 'sluit', 'close-3')).toBe('Ronde “Autumn check” was al afgesloten.');
    expect(await answer('CENDED1', 'UCOORD', 'cancel', 'cancel-1')).toBe('Round “Autumn check” is already closed.');
    expect(await answer('CENDED1', 'UKOORD', 'annuleer', 'cancel-2')).toBe('Ronde “Autumn check” is al afgesloten.');
    expect(summaries()).toBe(posted);
  });

  it('says a cancelled round is already cancelled, to cancel and to close', async () => {
    const round = await open('CENDED2', 'Winter check');
    expect(await answer('CENDED2', 'UCOORD', 'cancel', 'cancel-3')).toBe('Round “Winter check” is cancelled.');
    expect(await answer('CENDED2', 'UCOORD', 'cancel', 'cancel-4')).toBe('Round “Winter check” was already cancelled.');
    expect(await answer('CENDED2', 'UKOORD', `annuleer ${round.id}`, 'cancel-5')).toBe('Ronde “Winter check” was al geannuleerd.');
    expect(await answer('CENDED2', 'UCOORD', 'close', 'close-4')).toBe('Round “Winter check” is already cancelled.');
    expect(await answer('CENDED2', 'UKOORD', 'sluit', 'close-5')).toBe('Ronde “Winter check” is al geannuleerd.');
    expect((await h.ctx.stores.rounds.get('slack:T1', round.id))?.state).toBe('cancelled');
  });

  it('refuses "remind now" less than 15 minutes before the deadline, saying so, and queues nothing', async () => {
    const round = await open('CENDED3', 'Spring check', new Date(Date.now() + 10 * 60_000));
    expect(await answer('CENDED3', 'UCOORD', 'remind', 'remind-1')).toBe(
      'The deadline is too close for a reminder (less than 15 minutes left): none will be sent.',
    );
    expect(await answer('CENDED3', 'UKOORD', 'herinner', 'remind-2')).toBe(
      'De deadline is te dichtbij voor een herinnering (minder dan 15 minuten): er wordt er geen verstuurd.',
    );
    const jobs = await h.ctx.stores.jobs.list({ tenantId: 'slack:T1', roundId: round.id });
    expect(jobs.filter((j) => j.slot?.startsWith('now-'))).toEqual([]);
  });

  it('queues "remind now" when the deadline is further away', async () => {
    await open('CENDED4', 'Summer check', new Date(Date.now() + 20 * 60_000));
    expect(await answer('CENDED4', 'UCOORD', 'remind', 'remind-3')).toMatch(/^A reminder is on its way to the 1 participant/);
  });
});
