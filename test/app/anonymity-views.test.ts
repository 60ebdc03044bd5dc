/**
 * k applies to everything shown about an item: with n = 1, 2 and k − 1 numeric ratings (plus "not applicable"
 * answers with comments), every view — interim and channel summary in Slack blocks and Teams cards, CLI text and
 * JSON, the export, the App Home — shows of that item only "fewer than k answers", and the response rate stays.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import { progressOf, closeRound, openRound } from '../../src/app/rounds.js';
import { roundSummary } from '../../src/app/summaries.js';
import type { CliSession } from '../../src/cli/cli-context.js';
import { exportCommand, summaryCommand } from '../../src/cli/rounds-command.js';
import type { Round } from '../../src/domain/round.js';
import type { Summary } from '../../src/domain/summary-types.js';
import { renderHomeView } from '../../src/platforms/slack/blocks/home.js';
import { renderSummaryMessages } from '../../src/platforms/slack/blocks/summary.js';
import { renderSummaryCards } from '../../src/platforms/teams/cards/summary-card.js';
import { criterionName } from '../../src/presentation/round-texts.js';
import { answer } from '../support/answers.js';
import { noSummaryPost, useTestContext } from '../support/app-context.js';

const tenantId = 'slack:TVIEWS';
const coordinator: Actor = { tenantId, userId: 'UCOORD', isAdmin: false };
const member = (userId: string): Actor => ({ tenantId, userId, isAdmin: false });
const testContext = useTestContext();

const FEW = 'go-clear';
const MANY = 'co-help';

/** Every text a view shows, one string per view. */
async function renderAll(round: Round, summary: Summary, interim: boolean): Promise<Record<string, string>> {
  const session: CliSession = {
    ctx: testContext.ctx,
    connection: testContext.database,
    actor: coordinator,
    place: round.place,
    close: async () => {},
  };
  return {
    slack: JSON.stringify(renderSummaryMessages(round, summary, 'en', interim)),
    teams: JSON.stringify(renderSummaryCards(round, summary, 'en', interim)),
    cliText: await summaryCommand(session, round.id, 'text', 'en'),
    cliJson: await summaryCommand(session, round.id, 'json', 'en'),
    exportCsv: await exportCommand(session, round.id, 'csv'),
    exportJson: await exportCommand(session, round.id, 'json'),
    appHome: JSON.stringify(
      renderHomeView({ locale: 'en', participating: [], coordinating: [{ round, progress: await progressOf(testContext.ctx, round) }] }),
    ),
  };
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe.each([
  { k: 3, n: 1, anonymous: true },
  { k: 3, n: 2, anonymous: false },
  { k: 4, n: 3, anonymous: true },
])('an item with n = $n numeric ratings below k = $k (anonymous: $anonymous)', ({ k, n, anonymous }) => {
  it('shows nothing of it but “fewer than k answers” in any view; the response rate stays', async () => {
    const members = Array.from({ length: k + 1 }, (_, i) => `U${k}${n}${i}`);
    const round = await openRound(testContext.ctx, coordinator, {
      place: { platform: 'slack', tenantId, channelId: `C${k}${n}` },
      frameworkId: 'team-health',
      criterionIds: [FEW, MANY],
      participants: members,
      anonymous,
      settings: { anonymityThreshold: k },
      locale: 'en',
    });
    for (const [i, m] of members.entries()) {
      await answer(testContext.ctx, member(m), { roundId: round.id, criterionId: MANY, value: 4, comment: `shared view ${i}` });
      // n members rate the item 1 (below target: a gap and a discussion point if it were shown); the rest say n.a.
      const value = i < n ? 1 : 'na';
      await answer(testContext.ctx, member(m), { roundId: round.id, criterionId: FEW, value, comment: `secret-${i}` });
    }
    const name = criterionName(round, FEW, 'en');
    const fewer = `${name}: fewer than ${k} answers`;

    const interim = await roundSummary(testContext.ctx, coordinator, round.id);
    const interimViews = await renderAll(round, interim.summary, true);
    const closed = await closeRound(testContext.ctx, coordinator, round.id, noSummaryPost);
    const views = await renderAll(closed.round, closed.summary, false);
    for (const [view, text] of [...Object.entries(interimViews), ...Object.entries(views)]) {
      expect(text, view).not.toContain('secret-');
      expect(occurrences(text, name), view).toBe(occurrences(text, fewer));
    }
    for (const summary of [interim.summary, closed.summary]) {
      expect(summary.criteria.find((c) => c.criterionId === FEW)).toEqual({
        criterionId: FEW,
        component: 'goals',
        dimension: 'rating',
        suppressed: true,
      });
      const aboutFew = [...summary.strengths, ...summary.gaps, ...summary.discussionPoints].filter((x) => x.criterionId === FEW);
      expect(aboutFew).toEqual([]);
    }
    for (const json of [interimViews['cliJson'], views['cliJson']]) {
      const parsed = JSON.parse(json ?? '') as { criteria: Array<Record<string, unknown>>; responseRate: number };
      expect(parsed.criteria.find((c) => c['criterionId'] === FEW)).toEqual({
        criterionId: FEW,
        component: 'goals',
        dimension: 'rating',
        suppressed: true,
      });
      expect(parsed.responseRate).toBe(1);
    }
    for (const text of [
      interimViews['slack'],
      interimViews['teams'],
      interimViews['cliText'],
      views['slack'],
      views['teams'],
      views['cliText'],
    ]) {
      expect(text).toContain(fewer);
      expect(text).toContain(`Response rate: ${k + 1} of ${k + 1} (100%)`);
    }
    for (const text of [interimViews['exportCsv'], views['exportCsv'], views['exportJson']]) {
      expect(text).not.toContain(FEW);
      expect(text).toContain('shared view 0');
    }
  });
});
