/**
 * Open answers after answering, in Slack: the channel summary shows them under their own heading (alphabetically,
 * never with a name; in an anonymous round only a question at least k members answered), the export has them in
 * its own file (no respondent column), `my-data` sends a member theirs, and `forget-me` erases them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { openRound } from '../../../src/app/rounds.js';
import { saveAnswers } from '../../../src/app/save-answers.js';
import { addFramework } from '../../../src/app/tenant-frameworks.js';
import type { Round } from '../../../src/domain/round.js';
import { actionIds } from '../../../src/platforms/slack/ids.js';
import { OUR_FRAMEWORK_V1 } from '../../support/workspace-frameworks.js';
import { startHarness, type Harness } from './support/harness.js';
import { blockActionPayload } from './support/requests.js';

const tenantId = 'slack:T1';
const COORD = 'UCOORD';
const coordinator: Actor = { tenantId, userId: COORD, isAdmin: true };
const member = (userId: string): Actor => ({ tenantId, userId, isAdmin: false });

describe('Slack: open answers in the summary, the export and a member’s own data', () => {
  let h: Harness;
  let named: Round;
  let anonymous: Round;
  let replies = 0;

  async function say(userId: string, text: string, channelId: string): Promise<string> {
    const id = `r${++replies}`;
    expect((await h.command({ text, userId, channelId, responseUrlId: id })).status).toBe(200);
    return String((await h.fake.waitFor(() => h.fake.responses(id).at(-1))).body.text);
  }

  const summaryIn = async (channel: string) => {
    const posted = await h.fake.waitFor(() =>
      h.fake.of('chat.postMessage').find((c) => c.body.channel === channel && String(c.body.text).startsWith('Summary:')),
    );
    return JSON.stringify(h.fake.of('chat.postMessage').filter((c) => c.body.channel === channel && c.body.text === posted.body.text));
  };

  beforeAll(async () => {
    h = await startHarness();
    h.fake.users = { [COORD]: { locale: 'en-GB' }, UANN: { locale: 'en-GB' }, UBOB: { locale: 'en-GB' }, UCAS: { locale: 'en-GB' } };
    await addFramework(h.ctx, coordinator, { name: 'our-intake.yaml', text: OUR_FRAMEWORK_V1 });
    const open = (channelId: string, isAnonymous: boolean) =>
      openRound(h.ctx, coordinator, {
        place: { platform: 'slack', tenantId, channelId },
        frameworkId: 'our-intake',
        participants: ['UANN', 'UBOB', 'UCAS'],
        anonymous: isAnonymous,
        locale: 'en',
      });
    named = await open('CNAMED', false);
    anonymous = await open('CANON', true);
    const give = async (round: Round, userId: string, openAnswers: { questionId: string; text: string }[]) => {
      const outcome = await saveAnswers(h.ctx, member(userId), {
        roundId: round.id,
        answers: [{ criterionId: 'in-listen', value: 4 }],
        openAnswers,
      });
      expect(outcome.ok).toBe(true);
    };
    await give(named, 'UANN', [{ questionId: 'best-moment', text: 'Zebra talk' }]);
    await give(named, 'UBOB', [{ questionId: 'best-moment', text: 'Apple talk' }]);
    await give(anonymous, 'UANN', [
      { questionId: 'best-moment', text: 'Only two of us' },
      { questionId: 'in-missing', text: 'A warm welcome' },
    ]);
    await give(anonymous, 'UBOB', [
      { questionId: 'best-moment', text: 'Still two' },
      { questionId: 'in-missing', text: 'Coffee' },
    ]);
    await give(anonymous, 'UCAS', [{ questionId: 'in-missing', text: 'Interpreters' }]);
  });
  afterAll(async () => h?.close());

  it('shows a named round’s open answers under their own heading, alphabetically and without names', async () => {
    expect(await say(COORD, 'close', 'CNAMED')).toContain('closed');
    const summary = await summaryIn('CNAMED');
    expect(summary).toContain('*Open questions*');
    expect(summary).toContain('Which moment went best?');
    expect(summary.indexOf('Apple talk')).toBeLessThan(summary.indexOf('Zebra talk'));
    expect(summary).toContain('Intake: What does our intake miss?');
    expect(summary).toContain('No answers.');
    expect(summary).not.toMatch(/UANN|UBOB/);
  });

  it('shows an anonymous round’s question only when at least k members answered it', async () => {
    expect(await say(COORD, 'close', 'CANON')).toContain('closed');
    const summary = await summaryIn('CANON');
    expect(summary).toContain('Fewer than 3 members answered: the answers are not shown');
    expect(summary).not.toContain('Only two of us');
    expect(summary).not.toContain('Still two');
    for (const answer of ['A warm welcome', 'Coffee', 'Interpreters']) expect(summary).toContain(answer);
  });

  it('exports the open answers in their own file, with no respondent column and nothing of a question under k', async () => {
    const uploads = h.fake.of('upload').length;
    const text = await say(COORD, `export ${anonymous.id} csv`, 'CANON');
    expect(text).toContain(`spiegel-${anonymous.id}-open-answers.csv`);
    const open = h.fake
      .of('upload')
      .slice(uploads)
      .map((u) => String(u.body.content))
      .find((content) => content.startsWith('question,'));
    expect(open).toBe(
      'question,component,answer\nin-missing,intake,A warm welcome\nin-missing,intake,Coffee\nin-missing,intake,Interpreters\n',
    );

    const json = h.fake.of('upload').length;
    await say(COORD, `export ${named.id} json`, 'CNAMED');
    const document = JSON.parse(String(h.fake.of('upload')[json]!.body.content)) as { openAnswers: unknown[] };
    expect(document.openAnswers).toEqual([
      { question: 'best-moment', component: '', answer: 'Apple talk' },
      { question: 'best-moment', component: '', answer: 'Zebra talk' },
    ]);
  });

  it('sends a member their open answers with their data, and erases them with the rest', async () => {
    const uploads = h.fake.of('upload').length;
    await say('UANN', 'my-data', 'CNAMED');
    const mine = String((await h.fake.waitFor(() => h.fake.of('upload')[uploads])).body.content);
    expect(mine.split('\n')[0]).toContain(',comment,openAnswer,answeredAt');
    expect(mine).toContain('Which moment went best?');
    expect(mine).toContain('Zebra talk');
    expect(mine).toContain('A warm welcome');

    await say('UBOB', 'forget-me', 'CNAMED');
    await h.interact(
      blockActionPayload({
        teamId: 'T1',
        userId: 'UBOB',
        channelId: 'CNAMED',
        responseUrl: h.fake.responseUrl('erase-bob'),
        actionId: actionIds.forgetConfirm,
        blockId: 'forget-actions',
        value: 'erase',
      }),
    );
    expect(String((await h.fake.waitFor(() => h.fake.responses('erase-bob').at(-1))).body.text)).toContain('Erased: 5 answers in 2 rounds');
    const left = await h.ctx.stores.openAnswers.listForRound(tenantId, named.id);
    expect(left.map((a) => a.text)).toEqual(['Zebra talk']);
    expect(await h.ctx.stores.openAnswers.listForRound(tenantId, anonymous.id)).toHaveLength(3);
    const recomputed = await h.ctx.stores.summaries.get(tenantId, named.id);
    expect(recomputed?.openQuestions?.find((q) => q.questionId === 'best-moment')?.answers).toEqual(['Zebra talk']);
  });
});
