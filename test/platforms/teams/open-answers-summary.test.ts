/**
 * Open answers in a Teams summary: under their own heading, never with a name; in an anonymous round a question
 * fewer than k members answered says so and shows nothing of its answers.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import { saveAnswers } from '../../../src/app/save-answers.js';
import { addFramework } from '../../../src/app/tenant-frameworks.js';
import { memberIdOf } from '../../../src/platforms/teams/ids.js';
import { OUR_FRAMEWORK_V1 } from '../../support/workspace-frameworks.js';
import { members, message, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

let h: TeamsHarness;

beforeAll(async () => {
  h = await startTeamsHarness();
});
afterAll(async () => h?.close());

it('shows the open answers of an anonymous round under their own heading, a question under k only as “fewer than k”', async () => {
  const coordinator = { tenantId: TENANT_ID, userId: memberIdOf(members.an), isAdmin: true };
  await addFramework(h.ctx, coordinator, { name: 'our-intake.yaml', text: OUR_FRAMEWORK_V1 });
  const round = await openRound(h.ctx, coordinator, {
    place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
    frameworkId: 'our-intake',
    participants: [members.an, members.bram, members.chloe].map(memberIdOf),
    anonymous: true,
    locale: 'en',
  });
  const texts: Record<string, [string, string | null]> = {
    an: ['Interpreters', 'Only two of us'],
    bram: ['A warm welcome', 'Still two'],
    chloe: ['Coffee', null],
  };
  for (const [name, [missing, best]] of Object.entries(texts)) {
    const actor = { tenantId: TENANT_ID, userId: memberIdOf(members[name as keyof typeof members]), isAdmin: false };
    const openAnswers = [{ questionId: 'in-missing', text: missing }, ...(best ? [{ questionId: 'best-moment', text: best }] : [])];
    const outcome = await saveAnswers(h.ctx, actor, { roundId: round.id, answers: [{ criterionId: 'in-listen', value: 3 }], openAnswers });
    expect(outcome.ok).toBe(true);
  }

  h.connector.clear();
  await h.post(message(h.connector, members.an, `close ${round.id}`, { thread: 'close-open' }));
  const summaryText = () =>
    h.connector
      .sent()
      .map((s) => s.cardText)
      .find((text) => text.includes('Summary:'));
  await h.connector.waitFor(() => summaryText() !== undefined);
  const summary = summaryText()!;
  expect(summary).toContain('Open questions');
  expect(summary).toContain('Intake: What does our intake miss?');
  expect(summary.indexOf('A warm welcome')).toBeLessThan(summary.indexOf('Interpreters'));
  expect(summary).toContain('Which moment went best?');
  expect(summary).toContain('Fewer than 3 members answered: the answers are not shown');
  expect(summary).not.toContain('Only two of us');
  expect(summary).not.toMatch(/An Peeters|Bram|Chlo/);
});
