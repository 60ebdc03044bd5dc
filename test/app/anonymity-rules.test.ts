/**
 * The rules that guard k: an anonymous round needs k ≥ 3 and at least k participants, wherever it is opened
 * (the start forms are tested through Slack and Teams); comments never line up with their respondents.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.js';
import { importRound } from '../../src/app/import-round.js';
import { createRecurrence } from '../../src/app/recurrences.js';
import { openRound, type OpenRoundInput } from '../../src/app/rounds.js';
import { roundSummary } from '../../src/app/summaries.js';
import type { ErrorCode } from '../../src/domain/errors.js';
import { errorText } from '../../src/presentation/error-text.js';
import { answer } from '../support/answers.js';
import { useTestContext } from '../support/app-context.js';

const tenantId = 'slack:TRULES';
const coordinator: Actor = { tenantId, userId: 'UCOORD', isAdmin: false };
const member = (userId: string): Actor => ({ tenantId, userId, isAdmin: false });
const place = { platform: 'slack' as const, tenantId, channelId: 'CRULES' };
const testContext = useTestContext();

const input = (extra: Partial<OpenRoundInput>): OpenRoundInput => ({
  place,
  frameworkId: 'team-health',
  criterionIds: ['go-clear', 'co-help'],
  participants: ['U1', 'U2', 'U3'],
  locale: 'en',
  anonymous: true,
  ...extra,
});

async function refusal(promise: Promise<unknown>, code: ErrorCode): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: 'SpiegelError', code });
  return errorText(error, 'nl');
}

describe('an anonymous round needs k ≥ 3 and at least k participants', () => {
  it('opening: refuses fewer participants than k and a k below 3, in the user’s language', async () => {
    const text = await refusal(openRound(testContext.ctx, coordinator, input({ participants: ['U1', 'U2'] })), 'round.tooFewForAnonymity');
    expect(text).toBe(
      'Een anonieme ronde heeft minstens 3 deelnemers nodig, zodat geen antwoord tot een persoon te herleiden is; deze heeft er 2. Voeg deelnemers toe of maak de ronde op naam.',
    );
    await refusal(openRound(testContext.ctx, coordinator, input({ settings: { anonymityThreshold: 2 } })), 'round.thresholdTooLow');
    await refusal(
      openRound(testContext.ctx, coordinator, input({ participants: ['U1', 'U2', 'U3', 'U4'], settings: { anonymityThreshold: 5 } })),
      'round.tooFewForAnonymity',
    );
    expect(await testContext.ctx.stores.rounds.list(tenantId, {})).toEqual([]);
  });

  it('opening: k defaults to 3, is set per round, and a named round may open with fewer participants', async () => {
    expect((await openRound(testContext.ctx, coordinator, input({}))).settings.anonymityThreshold).toBe(3);
    const five = await openRound(
      testContext.ctx,
      coordinator,
      input({ participants: ['U1', 'U2', 'U3', 'U4', 'U5'], settings: { anonymityThreshold: 5 } }),
    );
    expect(five.settings.anonymityThreshold).toBe(5);
    const named = await openRound(testContext.ctx, coordinator, input({ anonymous: false, participants: ['U1'] }));
    expect(named.settings.anonymityThreshold).toBe(3);
  });

  it('import: refuses an anonymous paper round of fewer members than k, and imports nothing', async () => {
    const before = await testContext.ctx.stores.rounds.list(tenantId, {});
    const csv = ['member,criterion,dimension,value,comment', 'an,go-clear,,4,', 'bo,go-clear,,2,'].join('\n');
    await refusal(
      importRound(
        testContext.ctx,
        { ...coordinator, isAdmin: true },
        { place, frameworkId: 'team-health', locale: 'en', anonymous: true, csv },
      ),
      'round.tooFewForAnonymity',
    );
    expect(await testContext.ctx.stores.rounds.list(tenantId, {})).toEqual(before);
  });

  it('recurrences: refuses a schedule whose rounds would be anonymous with too few participants', async () => {
    await refusal(
      createRecurrence(testContext.ctx, coordinator, {
        ...input({ participants: ['U1', 'U2'] }),
        cron: '0 9 * * 1',
        timeZone: 'Europe/Brussels',
      }),
      'round.tooFewForAnonymity',
    );
    expect(await testContext.ctx.stores.recurrences.list(tenantId)).toEqual([]);
  });
});

it('lists comments by text, so that comments on different criteria cannot be tied to one person by position', async () => {
  const members = ['U1', 'U2', 'U3', 'U4'];
  const round = await openRound(testContext.ctx, coordinator, input({ participants: members }));
  // Each member comments on both criteria; in answer order, position i of both lists would be member i.
  const comments: Record<string, [string, string]> = {
    U1: ['delta: goals', 'alpha: help'],
    U2: ['alpha: goals', 'charlie: help'],
    U3: ['charlie: goals', 'delta: help'],
    U4: ['bravo: goals', 'bravo: help'],
  };
  for (const m of members) {
    const [goals, help] = comments[m]!;
    await answer(testContext.ctx, member(m), { roundId: round.id, criterionId: 'go-clear', value: 2, comment: goals });
    await answer(testContext.ctx, member(m), { roundId: round.id, criterionId: 'co-help', value: 2, comment: help });
  }
  const { summary } = await roundSummary(testContext.ctx, coordinator, round.id);
  const listed = (criterionId: string) => {
    const item = summary.criteria.find((c) => c.criterionId === criterionId);
    return item && !item.suppressed ? item.comments : [];
  };
  expect(listed('go-clear')).toEqual(['alpha: goals', 'bravo: goals', 'charlie: goals', 'delta: goals']);
  expect(listed('co-help')).toEqual(['alpha: help', 'bravo: help', 'charlie: help', 'delta: help']);
  // Sorted by text, the same position no longer means the same person.
  const author = (text: string) => members.find((m) => comments[m]!.includes(text));
  const pairs = listed('go-clear').map((c, i) => [author(c), author(listed('co-help')[i]!)]);
  expect(pairs.filter(([a, b]) => a !== b).length).toBeGreaterThan(0);
  expect(summary.discussionPoints.find((p) => p.criterionId === 'go-clear')?.comments).toEqual(listed('go-clear'));
});
