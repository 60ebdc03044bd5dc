/**
 * Units and comparisons through the real Slack endpoint: `/reflect units`, `/reflect unit ID`, `/reflect compare` (with
 * a private link to the comparison's report page), `/reflect trend` (with its chart in direct messages).
 */
import { startReportServer, type ReportServer } from '../../support/report-server.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { openRound } from '../../../src/app/rounds.js';
import { seedComparison } from '../../support/method-fixtures.js';
import { ADMIN, startHarness, type Harness } from './support/harness.js';

const TENANT = 'slack:T1';
const admin: Actor = { tenantId: TENANT, userId: ADMIN, isAdmin: true };

describe('Slack: units and comparisons', () => {
  let h: Harness;
  let reports: ReportServer;
  let reportsOrigin: string;
  const reply = async (userId: string, text: string, id: string, channelId = 'CORGA') => {
    expect((await h.command({ text, userId, responseUrlId: id, channelId })).status).toBe(200);
    return String((await h.fake.waitFor(() => h.fake.responses(id).at(0))).body.text);
  };

  beforeAll(async () => {
    h = await startHarness({ PUBLIC_URL: 'https://spiegel.example.org' });
    h.fake.users = { [ADMIN]: { locale: 'en-GB' }, UMEMBER: { locale: 'nl-BE' } };
    await seedComparison(h.ctx, admin, { platform: 'slack', tenantId: TENANT, channelId: 'CPAPER' });
    reports = await startReportServer(h.ctx);
    reportsOrigin = reports.origin;
  });
  afterAll(async () => {
    await reports?.close();
    await h?.close();
  });

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
    expect(text).toMatch(
      /The comparison as a report page \(valid for 72 hours, for you only\):\n<https:\/\/spiegel\.example\.org\/comparisons\/[^|]+\|Open the comparison>$/,
    );
    const path = /<https:\/\/spiegel\.example\.org(\/comparisons\/[^|]+)\|/.exec(text)![1]!;
    const page = await (await fetch(`${reportsOrigin}${path}`)).text();
    expect(page).toContain('<h1>Comparison: Team health check per organisation</h1>');
    expect(page).toContain('<th>Org A</th><th>Org B</th><th>Org C</th>');
    expect(page).toContain('4 <span class="n">(n = 3)</span>');
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

  it('sends a coordinator the trend chart in direct messages, with its alt text', async () => {
    const text = await reply(ADMIN, 'trend team-health', 'trend-here-chart', 'CPAPER');
    expect(text).toContain('Trend of Team health check over 3 rounds');
    const asked = await h.fake.waitFor(() =>
      h.fake.of('files.getUploadURLExternal').find((c) => c.body.filename === 'spiegel-trend-team-health.png'),
    );
    expect(String(asked.body.alt_text)).toMatch(
      /^Medians over 3 rounds; 1 criterion drawn\. Largest rise: I know what our team wants to achieve in the coming months \(4 → 4\.5\)\./,
    );
    const completed = await h.fake.waitFor(() => h.fake.of('files.completeUploadExternal').at(-1));
    expect(completed.body.channel_id).toBe(`D${ADMIN}`);
    expect(await h.fake.waitFor(() => h.fake.responses('trend-here-chart').at(1))).toMatchObject({
      body: { text: 'The trend chart is in our direct messages.' },
    });
  });

  it('lists the new commands in help, in both languages', async () => {
    expect(await reply(ADMIN, 'help', 'help-en')).toContain('`/reflect compare [LEVEL] [FRAMEWORK] [FROM] [TO]`:');
    expect(await reply('UMEMBER', 'hulp', 'help-nl')).toContain('`/reflect unit EENHEID-ID`: zet dit kanaal in een eenheid');
  });
});
