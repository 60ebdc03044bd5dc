/**
 * Recurring rounds from Teams through Bot Framework activities: `schedule` in a channel answers with the form;
 * a bad time zone comes back on the form; a good one stores the schedule for the team's members; the list in
 * the personal chat pauses, resumes and deletes it; someone who does not manage it is refused. A schedule on one
 * perspective stores it, and the round it opens asks only that perspective's criteria.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecurrences } from '../../../src/app/recurrences.js';
import { verbs } from '../../../src/platforms/teams/ids.js';
import { criteriaOnPerspective, roundOfNextOccurrence } from '../../support/recurring-rounds.js';
import { cardText } from './support/fake-connector.js';
import { execute, invokeResult, members, message, startTeamsHarness, TEAM_ID, TENANT_ID, type TeamsHarness } from './support/harness.js';

let h: TeamsHarness;
const an = { tenantId: TENANT_ID, userId: members.an.aadObjectId, isAdmin: false };

beforeAll(async () => {
  h = await startTeamsHarness();
});
afterAll(async () => {
  await h?.close();
});

const form = {
  framework: 'team-health',
  name: 'Monthly check',
  cadence: 'monthly',
  weekday: '1',
  dayOfMonth: 3,
  time: '10:00',
  cron: '',
  timeZone: 'Europe/Brussels',
  answerDays: 10,
  anonymous: 'false',
  reminders: 'false',
  k: '',
  language: 'en',
};

describe('recurring rounds in Teams', () => {
  let recurrenceId = '';

  it('answers `schedule` in a channel with the form, and lists it in help in both languages', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.an, 'schedule', { thread: 't-schedule' }));
    const [card] = h.connector.sent();
    expect(card!.cardText).toContain('Recurring round');
    expect(card!.cardText).toContain('Every two weeks');
    await h.post(message(h.connector, members.an, 'help', { thread: 't-help' }));
    await h.post(message(h.connector, members.an, 'hulp', { thread: 't-help', locale: 'nl-BE' }));
    const [en, nl] = h.connector.sent(`${TEAM_ID};messageid=t-help`);
    expect(en!.cardText).toContain('**schedule**');
    expect(nl!.cardText).toContain('**plan**');
  });

  it('returns the form with the problem for an unknown time zone, and stores nothing', async () => {
    const res = await h.post(
      execute(h.connector, members.an, verbs.scheduleSubmit, { ...form, timeZone: 'Mars/Olympus' }, { thread: 't-schedule' }),
    );
    const text = cardText(invokeResult(res.body).card);
    expect(text).toContain('Mars/Olympus');
    expect(await listRecurrences(h.ctx, an)).toEqual([]);
  });

  it('schedules a monthly round for the team’s members', async () => {
    const res = await h.post(execute(h.connector, members.an, verbs.scheduleSubmit, form, { thread: 't-schedule' }));
    expect(cardText(invokeResult(res.body).card)).toMatch(/Scheduled “Monthly check” \(rec-[\w-]+\): every month on day 3 at 10:00\./);
    const [view] = await listRecurrences(h.ctx, an);
    expect(view?.recurrence).toMatchObject({
      cadence: 'monthly',
      cron: '0 10 3 * *',
      place: { platform: 'teams', channelId: TEAM_ID },
      round: { durationHours: 240, anonymous: false, reminderPlan: { max: 0 } },
    });
    expect(view?.recurrence.round.participants).toHaveLength(3);
    recurrenceId = view!.recurrence.id;
  });

  it('lists it in the personal chat with pause, resume and delete, refusing a member who does not manage it', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.an, 'schedule', { kind: 'personal' }));
    const [list] = h.connector.sent();
    expect(list!.cardText).toContain(`Monthly check (${recurrenceId})`);
    expect(list!.cardText).toContain('Pause');

    const refused = await h.post(
      execute(h.connector, members.bram, verbs.scheduleChange, { a: 'delete', id: recurrenceId }, { kind: 'personal' }),
    );
    expect(invokeResult(refused.body).message).toBe('Only the coordinators of this round can do that.');

    const paused = await h.post(
      execute(h.connector, members.an, verbs.scheduleChange, { a: 'pause', id: recurrenceId }, { kind: 'personal' }),
    );
    const pausedText = cardText(invokeResult(paused.body).card);
    expect(pausedText).toContain('Paused “Monthly check”');
    expect(pausedText).toContain('Resume');
    expect((await listRecurrences(h.ctx, an))[0]?.recurrence.pausedAt).not.toBeNull();

    const resumed = await h.post(
      execute(h.connector, members.an, verbs.scheduleChange, { a: 'resume', id: recurrenceId }, { kind: 'personal' }),
    );
    expect(cardText(invokeResult(resumed.body).card)).toContain('Resumed “Monthly check”');

    const forged = await h.post(
      execute(h.connector, members.an, verbs.scheduleChange, { a: 'explode', id: recurrenceId }, { kind: 'personal' }),
    );
    expect(invokeResult(forged.body).message).toContain('I did not understand that');

    h.connector.clear();
    await h.post(message(h.connector, members.an, `schedule delete ${recurrenceId}`, { kind: 'personal' }));
    expect(h.connector.sent()[0]!.cardText).toContain(`Deleted the recurring round ${recurrenceId}`);
    expect(await listRecurrences(h.ctx, an)).toEqual([]);
  });

  it('schedules a round on the process perspective only, and the round it opens asks only process criteria', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.an, 'schedule', { thread: 't-perspective' }));
    expect(JSON.stringify(h.connector.sent()[0])).toContain('"id":"perspectives"');
    const res = await h.post(
      execute(
        h.connector,
        members.an,
        verbs.scheduleSubmit,
        { ...form, name: 'Process check', perspectives: 'process' },
        { thread: 't-perspective' },
      ),
    );
    expect(cardText(invokeResult(res.body).card)).toMatch(/Scheduled “Process check” \(rec-[\w-]+\)/);
    const [view] = await listRecurrences(h.ctx, an);
    expect(view?.recurrence.round).toMatchObject({ name: 'Process check', perspectives: ['process'], criterionIds: [] });

    const round = await roundOfNextOccurrence(h.ctx, { teams: h.teams.notifier }, view!);
    const processCriteria = criteriaOnPerspective(h.ctx, 'team-health', 'process');
    expect(processCriteria.length).toBeGreaterThan(1);
    expect(round?.framework.criteria.map((c) => c.id)).toEqual(processCriteria);
    expect(round?.framework.criteria.every((c) => c.perspective === 'process')).toBe(true);
  });
});
