/** Units and comparisons through the real Slack endpoint: `/reflect units`, `/reflect unit ID`, `/reflect compare`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { openRound } from '../../../src/app/rounds.js';
import { seedComparison } from '../../support/method-fixtures.js';
import { ADMIN, startHarness, type Harness } from './support/harness.js';

const TENANT = 'slack:T1';
const admin: Actor = { tenantId: TENANT, userId: ADMIN, isAdmin: true };

describe('Slack: units and comparisons', () => {
  let h: Harness;
  const reply = async (userId: string, text: string, id: string) => {
    expect((await h.command({ text, userId, responseUrlId: id, channelId: 'CORGA' })).status).toBe(200);
    return String((await h.fake.waitFor(() => h.fake.responses(id).at(-1))).body.text);
  };

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { [ADMIN]: { locale: 'en-GB' }, UMEMBER: { locale: 'nl-BE' } };
    await seedComparison(h.ctx, admin, { platform: 'slack', tenantId: TENANT, channelId: 'CPAPER' });
  });
  afterAll(async () => h?.close());

  it('puts a channel in a unit (admins only); rounds opened there remember it', async () => {
    expect(await reply('UMEMBER', 'unit oa', 'member-unit')).toBe('Alleen de beheerders van deze werkruimte kunnen dat doen.');
    expect(await reply(ADMIN, 'unit nowhere', 'forged-unit')).toContain('There is no unit “nowhere” in this workspace.');
    expect(await reply(ADMIN, 'unit oa', 'admin-unit')).toBe(
      'This channel now belongs to Org A (organisation). Rounds opened here from now on count for it.',
    );
    const units = await reply('UMEMBER', 'eenheden', 'member-units');
    expect(units).toContain('Niveaus: region › domain › organisation › team');
    expect(units).toContain('  Org A (organisation, oa)');
    expect(units).toContain('Dit kanaal hoort bij: Org A (organisation).');
    const round = await openRound(h.ctx, admin, {
      place: { platform: 'slack', tenantId: TENANT, channelId: 'CORGA' },
      frameworkId: 'team-health',
      participants: ['UMEMBER'],
      locale: 'en',
    });
    expect(round.unitId).toBe('oa');
    expect((await h.ctx.stores.rounds.get(TENANT, round.id))?.unitId).toBe('oa');
  });

  it('compares the units on a level for coordinators, with k per unit and item', async () => {
    const text = await reply(ADMIN, 'compare organisation team-health', 'compare-orgs');
    expect(text).toContain('Comparison of Team health check per organisation · k = 3 · target 3');
    expect(text).toContain('Org A: 1 round · Org B: 1 round · Org C: 1 round');
    expect(text).toMatch(/Org A\n {2}client: fewer than 3 answers\n {2}organisation: 4 · consensus · n = 3/);
    expect(text).toMatch(/Org B\n {2}client: fewer than 3 answers\n {2}organisation: fewer than 3 answers/);
    expect(text).toContain('Org A 4 … Org C 4.5');
    expect(text).toContain('Per component (median · class)');
    const regions = await reply(ADMIN, 'compare', 'compare-default');
    expect(regions).toContain('per region');
    expect(regions).toMatch(/North\n {2}client: fewer than 3 answers\n {2}organisation: 4 · mixed · n = 5/);
    expect(await reply('UMEMBER', 'vergelijk', 'compare-member')).toBe('Alleen de coördinatoren van deze ronde kunnen dat doen.');
    expect(await reply(ADMIN, 'compare galaxy', 'compare-bad')).toContain('“galaxy” is not a level');
  });

  it('shows a unit’s trend over its rounds to coordinators', async () => {
    const text = await reply(ADMIN, 'trend team-health unit north', 'trend-north');
    expect(text).toContain('Trend of Team health check over 2 rounds');
    expect(text).toMatch(/I know what our team wants to achieve in the coming months: 4 → –/);
    expect(await reply(ADMIN, 'trend', 'trend-here')).toContain('Name a framework: `trend FRAMEWORK`');
    expect(await reply('UMEMBER', 'verloop team-health unit north', 'trend-member')).toBe(
      'Alleen de coördinatoren van deze ronde kunnen dat doen.',
    );
  });

  it('lists the new commands in help, in both languages', async () => {
    expect(await reply(ADMIN, 'help', 'help-en')).toContain('`/reflect compare [LEVEL] [FRAMEWORK] [FROM] [TO]`:');
    expect(await reply('UMEMBER', 'hulp', 'help-nl')).toContain('`/reflect unit EENHEID-ID`: zet dit kanaal in een eenheid');
  });
});
