/**
 * The summary card shows its chart (an Image from a signed link to our server, alt text set), and a coordinator's
 * `report` gives a private card with a button to the report page; `compare` adds a button to the comparison's page,
 * `trend` the trend chart as an Image (Bot Framework activities, stand-in connector).
 */
import { startReportServer, type ReportServer } from '../../support/report-server.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { openRound } from '../../../src/app/rounds.js';
import type { Round } from '../../../src/domain/round.js';
import { memberIdOf } from '../../../src/platforms/teams/ids.js';
import { answer } from '../../support/answers.js';
import { importUnitRound, seedComparison } from '../../support/method-fixtures.js';
import { cardOf } from './support/fake-connector.js';
import { members, message, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

const PUBLIC_URL = 'https://spiegel.example.org';
let h: TeamsHarness;
let round: Round;
let reports: ReportServer;
let reportsOrigin: string;
const coordinator: Actor = { tenantId: TENANT_ID, userId: memberIdOf(members.an), isAdmin: false };

beforeAll(async () => {
  h = await startTeamsHarness({ PUBLIC_URL });
  round = await openRound(h.ctx, coordinator, {
    place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
    frameworkId: 'team-health',
    criterionIds: ['go-clear', 'go-contribution'],
    participants: [members.an, members.bram, members.chloe].map(memberIdOf),
    name: 'Chart check',
    locale: 'en',
  });
  for (const [i, member] of [members.an, members.bram, members.chloe].entries()) {
    const actor = { tenantId: TENANT_ID, userId: memberIdOf(member), isAdmin: false };
    await answer(h.ctx, actor, { roundId: round.id, criterionId: 'go-clear', value: 2 + i });
  }
  reports = await startReportServer(h.ctx);
  reportsOrigin = reports.origin;
});

afterAll(async () => {
  await reports?.close();
  await h?.close();
});

const findAll = (node: unknown, type: string): Record<string, unknown>[] => {
  if (Array.isArray(node)) return node.flatMap((n) => findAll(n, type));
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  return [...(record.type === type ? [record] : []), ...Object.values(record).flatMap((v) => findAll(v, type))];
};

it('a coordinator gets the report link privately, as a button that opens the report page; a member is refused', async () => {
  h.connector.clear();
  await h.post(message(h.connector, members.bram, 'report', { thread: 't-report' }));
  expect(h.connector.sent().at(-1)!.cardText).toContain('Only the coordinators of this round can do that.');

  h.connector.clear();
  await h.post(message(h.connector, members.an, 'report', { thread: 't-report' }));
  const sent = h.connector.sent();
  const [button] = sent.flatMap((s) => findAll(cardOf(s.body), 'Action.OpenUrl'));
  expect(button?.title).toBe('Open the report');
  expect(String(button?.url)).toMatch(/^https:\/\/spiegel\.example\.org\/reports\//);
  expect(sent.some((s) => s.conversationId?.startsWith('a:') === true || s.conversationId?.startsWith(TEAM_ID) !== true)).toBe(true);
  expect(sent.at(-1)!.cardText).toContain('I sent you the link to the report in our personal chat.');
  const page = await fetch(String(button?.url).replace(PUBLIC_URL, reportsOrigin));
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<h1>Report: Chart check</h1>');
});

it('the closing summary card shows the chart from a signed link, with its alt text', async () => {
  h.connector.clear();
  await h.post(message(h.connector, members.an, 'close', { thread: 't-report' }));
  await h.connector.waitFor(() => h.connector.sent().some((s) => findAll(cardOf(s.body), 'Image').length > 0));
  const image = h.connector.sent().flatMap((s) => findAll(cardOf(s.body), 'Image'))[0]!;
  expect(String(image.url)).toMatch(/^https:\/\/spiegel\.example\.org\/charts\/[^/]+\.png$/);
  expect(String(image.altText)).toMatch(/^Spread of the answers on 2 criteria\. .*1 item has fewer than 3 answers/);
  const png = await fetch(String(image.url).replace(PUBLIC_URL, reportsOrigin));
  expect(png.status).toBe(200);
  expect(png.headers.get('content-type')).toBe('image/png');
});

it('compare: a button to the comparison’s report page; trend: the chart as an image, both privately to a coordinator', async () => {
  const admin: Actor = { tenantId: TENANT_ID, userId: 'admin', isAdmin: true };
  const paper = { platform: 'teams' as const, tenantId: TENANT_ID, channelId: 'paper' };
  await seedComparison(h.ctx, admin, paper);
  await importUnitRound(h.ctx, admin, paper, 'oc', { goClear: [3, 3, 4] });

  h.connector.clear();
  await h.post(message(h.connector, members.an, 'compare organisation team-health', { thread: 't-method' }));
  const [button] = h.connector.sent().flatMap((s) => findAll(cardOf(s.body), 'Action.OpenUrl'));
  expect(button?.title).toBe('Open the comparison');
  expect(String(button?.url)).toMatch(/^https:\/\/spiegel\.example\.org\/comparisons\//);
  const page = await (await fetch(String(button?.url).replace(PUBLIC_URL, reportsOrigin))).text();
  expect(page).toContain('<h1>Comparison: Team health check per organisation</h1>');
  expect(page).toContain('<th>Org A</th><th>Org B</th><th>Org C</th>');

  h.connector.clear();
  await h.post(message(h.connector, members.an, 'trend team-health unit south', { thread: 't-method' }));
  const [image] = h.connector.sent().flatMap((s) => findAll(cardOf(s.body), 'Image'));
  expect(String(image?.url)).toMatch(/^https:\/\/spiegel\.example\.org\/charts\/[^/]+\.png$/);
  expect(String(image?.altText)).toMatch(
    /^Medians over 2 rounds; 1 criterion drawn\. No criterion rose\. Largest fall: I know what our team/,
  );
  const png = await fetch(String(image?.url).replace(PUBLIC_URL, reportsOrigin));
  expect(png.status).toBe(200);
  expect(png.headers.get('content-type')).toBe('image/png');
});
