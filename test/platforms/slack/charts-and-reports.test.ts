/**
 * The summary posts with its chart (an image below it, alt text set, through files.getUploadURLExternal), and a
 * coordinator's `/reflect report` gives a private link to the report page (signed commands, stand-in Slack).
 */
import { startReportServer, type ReportServer } from '../../support/report-server.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { startFollowUp } from '../../../src/app/follow-ups.js';
import { openRound } from '../../../src/app/rounds.js';
import type { Round } from '../../../src/domain/round.js';
import { answer } from '../../support/answers.js';
import { startHarness, type Harness } from './support/harness.js';

const PUBLIC_URL = 'https://spiegel.example.org';
const CHANNEL = 'CCHARTS';
const coordinator: Actor = { tenantId: 'slack:T1', userId: 'UCOORD', isAdmin: false };
const members = ['UANN', 'UBEN', 'UCAT'];
let h: Harness;
let round: Round;
let reports: ReportServer;
let reportsOrigin: string;

beforeAll(async () => {
  h = await startHarness({ PUBLIC_URL });
  h.fake.users = { UCOORD: { locale: 'nl-BE' }, UANN: { locale: 'en-GB' } };
  round = await openRound(h.ctx, coordinator, {
    place: { platform: 'slack', tenantId: 'slack:T1', channelId: CHANNEL },
    frameworkId: 'team-health',
    criterionIds: ['go-clear', 'go-contribution'],
    participants: members,
    name: 'Chart check',
    locale: 'en',
  });
  for (const [i, userId] of members.entries()) {
    await answer(h.ctx, { tenantId: 'slack:T1', userId, isAdmin: false }, { roundId: round.id, criterionId: 'go-clear', value: 3 + i });
  }
  reports = await startReportServer(h.ctx);
  reportsOrigin = reports.origin;
});

afterAll(async () => {
  await reports?.close();
  await h?.close();
});

const say = async (userId: string, text: string, responseUrlId: string) => {
  expect((await h.command({ text, userId, channelId: CHANNEL, responseUrlId })).status).toBe(200);
  return String((await h.fake.waitFor(() => h.fake.responses(responseUrlId).at(-1))).body.text);
};

it('a member is refused the report link; a coordinator gets a private link that opens the report page', async () => {
  expect(await say('UANN', 'report', 'report-member')).toBe('Only the coordinators of this round can do that.');
  const text = await say('UCOORD', 'rapport', 'report-coord');
  expect(text).toMatch(
    /^Het rapport van “Chart check” \(geldig voor 72 uur, enkel voor jou\):\n<https:\/\/spiegel\.example\.org\/reports\/[^|]+\|Open het rapport>$/,
  );
  expect(h.fake.responses('report-coord').at(-1)?.body.response_type).toBe('ephemeral');
  const path = /<https:\/\/spiegel\.example\.org(\/reports\/[^|]+)\|/.exec(text)![1]!;
  const page = await fetch(`${reportsOrigin}${path}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Tussentijdse resultaten: de ronde loopt nog.');
});

it('the closing summary is followed by its chart in the channel, with its alt text', async () => {
  await say('UCOORD', 'close', 'close');
  const asked = await h.fake.waitFor(() => h.fake.of('files.getUploadURLExternal').at(-1));
  expect(asked.body.filename).toBe(`spiegel-${round.id}-distribution.png`);
  expect(String(asked.body.alt_text)).toMatch(/^Spread of the answers on 2 criteria\. .*1 item has fewer than 3 answers/);
  const completed = await h.fake.waitFor(() => h.fake.of('files.completeUploadExternal').at(-1));
  expect(completed.body.channel_id).toBe(CHANNEL);
  expect(JSON.stringify(completed.body.files)).toContain('Chart of “Chart check”');
  expect(h.fake.of('upload').length).toBeGreaterThan(0);
  const summaryPost = h.fake
    .of('chat.postMessage')
    .filter((c) => c.body.channel === CHANNEL)
    .at(-1)!;
  expect(summaryPost.at).toBeLessThanOrEqual(completed.at);
});

it('a Delphi follow-up’s closing summary is followed by its before/after chart', async () => {
  const { round: followUp } = await startFollowUp(h.ctx, coordinator, { roundId: round.id, criterionIds: ['go-clear'] });
  for (const [i, userId] of members.entries()) {
    await answer(
      h.ctx,
      { tenantId: 'slack:T1', userId, isAdmin: false },
      { roundId: followUp.id, criterionId: 'go-clear', value: 4 + (i % 2) },
    );
  }
  await say('UCOORD', `close ${followUp.id}`, 'close-follow-up');
  const asked = await h.fake.waitFor(() =>
    h.fake.of('files.getUploadURLExternal').find((c) => c.body.filename === `spiegel-${followUp.id}-convergence.png`),
  );
  expect(String(asked.body.alt_text)).toMatch(
    /^1 item asked again\. The middle half of the answers narrowed on 1, widened on 0 and stayed as wide on 0\. The answers are (stable|still moving)\.$/,
  );
});
