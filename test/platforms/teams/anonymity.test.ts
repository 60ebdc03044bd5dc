/** An anonymous round needs at least k participants: the Teams start form refuses fewer, clearly, and stores nothing. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { cardText } from './support/fake-connector.js';
import { execute, invokeResult, members, startTeamsHarness, TENANT_ID, type TeamsHarness } from './support/harness.js';

let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness();
});
afterAll(async () => h?.close());

it('shows the start form again with the refusal, and opens no round', async () => {
  const before = (await h.ctx.stores.rounds.list(TENANT_ID, {})).length;
  const res = await h.post(
    execute(h.connector, members.an, verbs.startSubmit, {
      f: 'team-health',
      name: 'Too few to hide',
      participants: `${members.an.aadObjectId},${members.bram.aadObjectId}`,
      anonymous: 'true',
      language: 'en',
    }),
  );
  const text = cardText(invokeResult(res.body).card);
  expect(text).toContain('An anonymous round needs at least 3 participants, so that no answer can be traced to a person; this one has 2.');
  expect(text).toContain('Too few to hide');
  expect((await h.ctx.stores.rounds.list(TENANT_ID, {})).length).toBe(before);
});

it('takes k from the form: below 3 refused for an anonymous round; k = 3 with three participants opens the round', async () => {
  const submit = (k: string, name: string) =>
    h.post(
      execute(h.connector, members.an, verbs.startSubmit, {
        f: 'team-health',
        name,
        participants: [members.an, members.bram, members.chloe].map((m) => m.aadObjectId).join(','),
        anonymous: 'true',
        language: 'en',
        k,
      }),
    );
  const low = cardText(invokeResult((await submit('2', 'k too low')).body).card);
  expect(low).toContain('k too low');
  expect((await h.ctx.stores.rounds.list(TENANT_ID, {})).some((r) => r.name === 'k too low')).toBe(false);
  await submit('3', 'k three');
  const round = (await h.ctx.stores.rounds.list(TENANT_ID, {})).find((r) => r.name === 'k three');
  expect(round?.settings.anonymityThreshold).toBe(3);
});
