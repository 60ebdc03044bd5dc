/**
 * Intervision sessions in Teams: Bot Framework activities to /api/messages (the command, the form's
 * Action.Execute, contributions and "Next step" on the step cards), cards through the stand-in connector into
 * the thread, step deadlines run by the real scheduler, attendance into the licence log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWorkspaceSettings } from '../../../src/domain/scheduling.js';
import { createLogger } from '../../../src/logger.js';
import { intervisionInputIds, verbs } from '../../../src/platforms/teams/ids.js';
import { ManualClock } from '../../support/manual-clock.js';
import { Scheduler } from '../../../src/scheduling/scheduler.js';
import { execute, invokeResult, members, message, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

const THREAD = 'iv-root';
const CONVERSATION = `${TEAM_ID};messageid=${THREAD}`;
const presenter = members.bram;
const facilitator = members.chloe;
let h: TeamsHarness;
let sessionId = '';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const form = (date: string) => ({
  [intervisionInputIds.caseText]: 'A school mediation where a parent kept joining uninvited; I was unsure whether to stop the session.',
  [intervisionInputIds.method]: 'problem-solving',
  [intervisionInputIds.facilitator]: facilitator.aadObjectId,
  [intervisionInputIds.deadlineDate]: date,
  [intervisionInputIds.deadlineTime]: '12:00',
});
const act = async (from: (typeof members)[keyof typeof members], verb: string, data: Record<string, unknown>) =>
  invokeResult((await h.post(execute(h.connector, from, verb, data, { thread: THREAD }))).body);
const cards = () => h.connector.sent(CONVERSATION).map((s) => s.cardText);

beforeAll(async () => {
  h = await startTeamsHarness({ SPIEGEL_ADMINS: members.an.aadObjectId });
  await h.ctx.stores.workspaceSettings.put({ ...defaultWorkspaceSettings(TENANT_ID), quietHours: null }, new Date());
});

afterAll(async () => {
  await h?.close();
});

describe('intervision sessions in Teams', () => {
  it('answers `intervision` with the form, reminding the presenter to anonymise, and lists it in help', async () => {
    await h.post(message(h.connector, presenter, 'intervision', { thread: THREAD }));
    const formCard = cards().at(-1) ?? '';
    expect(formCard).toContain('anonymise it: leave out names');
    await h.post(message(h.connector, presenter, 'help', { thread: 'help' }));
    expect(h.connector.sent(`${TEAM_ID};messageid=help`).at(-1)?.cardText).toContain(
      'bring a case to an intervision session in this channel',
    );
  });

  it('refuses a first deadline in the past on the form, and stores nothing', async () => {
    const refused = await act(presenter, verbs.intervisionStart, form('2020-02-02'));
    expect(JSON.stringify(refused.card)).toContain('the deadline 2020-02-02 11:00 lies in the past');
    expect(await h.db.db.collection('intervision_sessions').countDocuments()).toBe(0);
  });

  it('starts the session in the thread with the first step card', async () => {
    h.connector.clear();
    const started = await act(presenter, verbs.intervisionStart, form(inDays(3)));
    expect(JSON.stringify(started.card)).toContain('Short problem solving');
    const [session] = await h.db.db.collection('intervision_sessions').find().toArray();
    sessionId = String(session?._id);
    expect(session?.threadId).toBe(CONVERSATION);
    expect(cards().some((c) => c.includes('Step 1 of 3: The question'))).toBe(true);
  });

  it('takes contributions on the step card and moves on only for the facilitator', async () => {
    const stored = await act(presenter, verbs.intervisionContribute, {
      s: sessionId,
      n: 0,
      [intervisionInputIds.contribution]: 'How do I set limits?',
    });
    expect(stored.message).toBe('Your contribution to step “The question” is stored.');
    await act(members.an, verbs.intervisionContribute, {
      s: sessionId,
      n: 0,
      [intervisionInputIds.contribution]: 'Who invited the parent?',
    });
    expect((await act(presenter, verbs.intervisionNext, { s: sessionId, n: 0 })).message).toBe(
      'Only the facilitator of this session or an admin can move it on.',
    );
    expect((await act(facilitator, verbs.intervisionNext, { s: sessionId, n: 0 })).message).toBe('Moved on to step 2.');
    expect((await act(facilitator, verbs.intervisionNext, { s: sessionId, n: 0 })).message).toBe(
      'The session had moved on already: step 2 is open.',
    );
    expect(cards().filter((c) => c.includes('Step 2 of 3: Ideas'))).toHaveLength(1);
    await act(presenter, verbs.intervisionContribute, { s: sessionId, n: 1, [intervisionInputIds.contribution]: 'Agree on roles first.' });
    await act(members.an, verbs.intervisionContribute, {
      s: sessionId,
      n: 1,
      [intervisionInputIds.contribution]: 'Meet the parent apart.',
    });
    const tooLong = await act(members.an, verbs.intervisionContribute, {
      s: sessionId,
      n: 1,
      [intervisionInputIds.contribution]: 'x'.repeat(3001),
    });
    expect(tooLong.message).toContain('3000');
  });

  it('opens the last step at the deadline, then ends: attendance in the licence log and the rating round', async () => {
    const [session] = await h.db.db.collection('intervision_sessions').find().toArray();
    const deadlines = session?.deadlines as Date[];
    const ctx = { ...h.ctx, clock: new ManualClock(new Date(deadlines[1]!.getTime() + 60_000)) };
    const scheduler = (id: string) =>
      new Scheduler({ ctx, notifiers: { teams: h.teams.notifier }, logger: createLogger('silent'), instanceId: id });
    await Promise.all([scheduler('a').drain(), scheduler('b').drain()]);
    expect(cards().filter((c) => c.includes('Step 3 of 3: Choice and first step'))).toHaveLength(1);

    expect((await act(facilitator, verbs.intervisionNext, { s: sessionId, n: 2 })).message).toBe('Moved on to step 4.');
    const end = cards().find((c) => c.includes('The intervision session has ended'));
    expect(end).toContain('Attended (contributed to at least 2 steps): ');
    expect(end).toContain(presenter.name);
    const rating = await h.ctx.stores.rounds.get(TENANT_ID, `iv-${sessionId}`);
    expect(rating?.framework.id).toBe('intervision-case');
    const entries = await h.ctx.stores.licenceEntries.list(TENANT_ID, '2000-01-01', '9999-12-31');
    expect(entries.map((e) => e.member).sort()).toEqual([members.an.aadObjectId, presenter.aadObjectId].sort());
    const late = await act(members.an, verbs.intervisionContribute, { s: sessionId, n: 2, [intervisionInputIds.contribution]: 'late' });
    expect(late.message).toBe('This intervision session has ended.');
  });
});
