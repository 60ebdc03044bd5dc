/** Units and comparisons through the real Teams endpoint: `units`, `unit ID`, `compare`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import { seedComparison } from '../../support/method-fixtures.js';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { execute, members, message, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

let h: TeamsHarness;
const admin = { tenantId: TENANT_ID, userId: members.an.aadObjectId, isAdmin: true };

beforeAll(async () => {
  h = await startTeamsHarness({ SPIEGEL_ADMINS: members.an.aadObjectId });
  await seedComparison(h.ctx, admin, { platform: 'teams', tenantId: TENANT_ID, channelId: 'paper' });
});
afterAll(async () => h?.close());

async function say(
  from: (typeof members)[keyof typeof members],
  text: string,
  kind: 'channel' | 'personal' = 'channel',
): Promise<string[]> {
  h.connector.clear();
  const res = await h.post(message(h.connector, from, text, { kind }));
  expect(res.status).toBe(200);
  return h.connector.sent().map((c) => c.cardText);
}

describe('Teams: units and comparisons', () => {
  it('puts the channel in a unit (admins only); rounds opened there remember it', async () => {
    expect((await say(members.bram, 'unit oa')).join('\n')).toContain('Only the admins of this workspace can do that.');
    expect((await say(members.an, 'unit oa')).join('\n')).toContain('This channel now belongs to Org A (organisation).');
    const units = (await say(members.bram, 'units')).join('\n');
    expect(units).toContain('Org A (organisation, oa)');
    expect(units).toContain('This channel belongs to: Org A (organisation).');
    const round = await openRound(h.ctx, admin, {
      place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
      frameworkId: 'team-health',
      participants: [members.bram.aadObjectId],
      locale: 'en',
    });
    expect(round.unitId).toBe('oa');
  });

  it('sends the comparison privately to a coordinator and refuses others', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.an, 'compare organisation team-health'));
    const personal = h.connector.sent().filter((c) => c.conversationId?.startsWith('a:personal-'));
    expect(personal).toHaveLength(2);
    expect(personal[0]!.cardText).toContain('Comparison of Team health check per organisation · k = 3 · target 3');
    expect(personal[1]!.cardText).toContain('The comparison as a report page (valid for 72 hours, for you only):');
    expect(personal[0]!.cardText).toContain('Org A 4 … Org C 4.5');
    expect(h.connector.sent().map((c) => c.cardText)).toContain('I sent the comparison to our personal chat.');
    expect((await say(members.bram, 'compare', 'personal')).join('\n')).toContain('Only the coordinators');
  });

  it('sends a unit’s trend privately to a coordinator', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.an, 'trend team-health unit south'));
    const personal = h.connector.sent().filter((c) => c.conversationId?.startsWith('a:personal-'));
    expect(personal[0]!.cardText).toContain('Trend of Team health check over 1 round');
    expect(personal[0]!.cardText).toContain('I know what our team wants to achieve in the coming months: 4.5');
  });

  it('starts a round on one perspective only from the start form (only process, as the seed’s minimal criteria)', async () => {
    h.connector.clear();
    const res = await h.post(
      execute(h.connector, members.an, verbs.startSubmit, {
        f: 'mentoring-to-work',
        name: 'Process only',
        perspectives: 'process',
        language: 'en',
      }),
    );
    expect(res.status).toBe(200);
    const [round] = await h.ctx.stores.rounds.list(TENANT_ID, { state: 'open', frameworkId: 'mentoring-to-work', limit: 1 });
    const framework = h.ctx.frameworks.get('mentoring-to-work');
    expect(round!.framework.criteria.map((c) => c.id)).toEqual(
      framework.criteria.filter((c) => c.perspective === 'process').map((c) => c.id),
    );
    expect(round!.framework.criteria.length).toBeGreaterThan(0);
  });

  it('lists the new commands in help', async () => {
    expect((await say(members.bram, 'help', 'personal')).join('\n')).toContain('**compare [LEVEL] [FRAMEWORK] [FROM] [TO]**:');
  });
});
