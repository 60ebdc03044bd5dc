/** Open answers in the core: snapshots take the questions of the round's components, and saveAnswers stores them under the respondent key. */
import { expect, it } from 'vitest';
import { openRound, snapshotFramework } from '../../src/app/rounds.js';
import { saveAnswers } from '../../src/app/save-answers.js';
import { pseudonymFor } from '../../src/app/pseudonym.js';
import { addFramework, frameworksOf } from '../../src/app/tenant-frameworks.js';
import { testSecret, useTestContext } from '../support/app-context.js';
import { OUR_FRAMEWORK_V1 } from '../support/workspace-frameworks.js';

const testContext = useTestContext();
const tenantId = 'slack:TOPEN';
const admin = { tenantId, userId: 'UADMIN', isAdmin: true };

it('snapshots a component’s question only when the round asks that component; the round’s questions always', async () => {
  const { ctx } = testContext;
  const twoComponents = OUR_FRAMEWORK_V1.replace(
    'criteria:\n',
    '  - id: closing\n    title: { en: Closing, nl: Afsluiting }\ncriteria:\n  - id: cl-done\n    component: closing\n    perspective: result\n    text: { en: Done, nl: Klaar }\n',
  );
  await addFramework(ctx, admin, { name: 'two.yaml', text: twoComponents });
  const framework = (await frameworksOf(ctx, tenantId)).get('our-intake');
  expect(snapshotFramework(framework, ['cl-done']).questions.map((q) => q.id)).toEqual(['best-moment']);
  expect(snapshotFramework(framework, ['in-listen']).questions.map((q) => q.id)).toEqual(['in-missing', 'best-moment']);
});

it('stores an anonymous member’s open answer under their pseudonym, without a time, and refuses all of a save with one bad input', async () => {
  const { ctx } = testContext;
  await addFramework(ctx, admin, { name: 'v1.yaml', text: OUR_FRAMEWORK_V1 });
  const round = await openRound(ctx, admin, {
    place: { platform: 'slack', tenantId, channelId: 'CANON' },
    frameworkId: 'our-intake',
    participants: ['U1', 'U2', 'U3'],
    anonymous: true,
    locale: 'en',
  });
  const member = { tenantId, userId: 'U1', isAdmin: false };
  const refused = await saveAnswers(ctx, member, {
    roundId: round.id,
    answers: [{ criterionId: 'in-listen', value: 4 }],
    openAnswers: [
      { questionId: 'best-moment', text: 'Fine' },
      { questionId: 'in-missing', text: 'y'.repeat(2001) },
    ],
  });
  expect(refused).toMatchObject({ ok: false, refusals: [{ questionId: 'in-missing', field: 'open', code: 'openAnswer.tooLong' }] });
  expect(await ctx.stores.responses.listForRound(tenantId, round.id)).toEqual([]);
  expect(await ctx.stores.openAnswers.listForRound(tenantId, round.id)).toEqual([]);

  const saved = await saveAnswers(ctx, member, {
    roundId: round.id,
    answers: [],
    openAnswers: [{ questionId: 'best-moment', text: ' Fine ' }],
  });
  expect(saved).toMatchObject({ ok: true, openChanged: 1 });
  expect(await ctx.stores.openAnswers.listForRound(tenantId, round.id)).toEqual([
    {
      roundId: round.id,
      questionId: 'best-moment',
      respondent: pseudonymFor(testSecret, tenantId, round.id, 'U1'),
      text: 'Fine',
      updatedAt: null,
    },
  ]);
});
