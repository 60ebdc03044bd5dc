import { errorText } from '../../src/presentation/error-text.js';
import { expect, it } from 'vitest';
import { importRound } from '../../src/app/import-round.js';
import { listRounds } from '../../src/app/rounds.js';
import { useTestContext } from '../support/app-context.js';

const actor = { tenantId: 'cli:test', userId: 'cli', isAdmin: true };
const place = { platform: 'cli' as const, tenantId: 'cli:test', channelId: 'cli' };
const header = 'member,criterion,dimension,value,comment';

const testContext = useTestContext();

it('creates a closed round with the members and criteria of the file, and its summary', async () => {
  const csv = [
    header,
    'an,rc-profile-mentors,importance,5,',
    'an,rc-profile-mentors,practice,2,"We werven vooral via via, zonder profiel"',
    'bo,rc-profile-mentors,importance,4,',
    'bo,rc-profile-mentors,practice,2,',
    'cy,rc-profile-mentors,importance,5,',
    'cy,rc-profile-mentors,practice,3,',
    'dy,rc-profile-mentors,practice,na,',
  ].join('\n');
  const framework = testContext.ctx.frameworks.get('mentoring-to-work');
  const criterion = framework.criteria[0]!;
  const { round, summary } = await importRound(testContext.ctx, actor, {
    place,
    frameworkId: 'mentoring-to-work',
    locale: 'nl',
    csv: csv.replaceAll('rc-profile-mentors', criterion.id),
  });
  expect(round.state).toBe('closed');
  expect(round.participants).toEqual(['an', 'bo', 'cy', 'dy']);
  expect(round.framework.criteria.map((c) => c.id)).toEqual([criterion.id]);
  const practice = summary.criteria.find((c) => c.dimension === 'practice');
  expect(practice).toMatchObject({ n: 3, naCount: 1, median: 2 });
  expect(summary.gaps).toContainEqual(
    expect.objectContaining({ kind: 'dimensionGap', criterionId: criterion.id, highMedian: 5, lowMedian: 2 }),
  );
  expect(await listRounds(testContext.ctx, actor, { state: 'closed' })).toHaveLength(1);
});

it('reports every bad row with its line number and imports nothing', async () => {
  const csv = [
    header,
    'an,go-clear,,4,ok',
    'bo,no-such-criterion,,4,',
    'cy,go-clear,,7,',
    'dd,go-clear,practice,3,',
    `ee,go-clear,,3,${'x'.repeat(2001)}`,
    'an,go-clear,,5,twice',
    ',go-clear,,2,',
  ].join('\n');
  const before = await testContext.database.db.collection('responses').countDocuments();
  const error = await importRound(testContext.ctx, actor, { place, frameworkId: 'team-health', locale: 'en', csv }).catch(
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: 'import.invalid' });
  const problems = (error as { details: { problems: { problem: string; line: number }[] } }).details.problems;
  expect(problems.map((p) => [p.line, p.problem])).toEqual([
    [3, 'unknownCriterion'],
    [4, 'offScale'],
    [5, 'noDimensions'],
    [6, 'commentLength'],
    [7, 'secondAnswer'],
    [8, 'memberEmpty'],
  ]);
  expect(errorText(error, 'en')).toContain('line 3: unknown criterion “no-such-criterion”.');
  expect(errorText(error, 'nl')).toContain('regel 3: onbekend criterium “no-such-criterion”.');
  expect(await testContext.database.db.collection('responses').countDocuments()).toBe(before);
  expect((await listRounds(testContext.ctx, actor)).filter((r) => r.framework.id === 'team-health')).toEqual([]);
});

it('refuses a file without the expected header or without answers', async () => {
  await expect(
    importRound(testContext.ctx, actor, { place, frameworkId: 'team-health', locale: 'en', csv: 'who,what\nan,go-clear' }),
  ).rejects.toMatchObject({
    code: 'import.invalid',
    details: { problems: [{ problem: 'csvHeader', params: { header: 'member,criterion,dimension,value,comment' }, line: 1 }] },
  });
  await expect(importRound(testContext.ctx, actor, { place, frameworkId: 'team-health', locale: 'en', csv: header })).rejects.toMatchObject(
    { code: 'import.invalid' },
  );
});
