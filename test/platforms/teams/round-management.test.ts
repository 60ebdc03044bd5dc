/**
 * Managing a round and exporting it from Teams, through Bot Framework activities to /api/messages with the
 * stand-in connector: deadline, participants named by @mention, reopen, copy into a chat, a round planned to
 * start later, a coordinator's status sent privately, and the export as signed, expiring download links served
 * by our HTTP server (a forged or expired link is refused). Members who do not coordinate are refused.
 */
import { startReportServer, type ReportServer } from '../../support/report-server.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/app/actor.js';
import { signLinkToken } from '../../../src/app/report-links.js';
import { openRound } from '../../../src/app/rounds.js';
import type { Round } from '../../../src/domain/round.js';
import { memberIdOf, verbs } from '../../../src/platforms/teams/ids.js';
import { answer } from '../../support/answers.js';
import { cardOf } from './support/fake-connector.js';
import {
  BOT,
  execute,
  invokeResult,
  members,
  message,
  startTeamsHarness,
  TEAM_ID,
  TENANT_ID,
  type TeamsHarness,
} from './support/harness.js';

const PUBLIC_URL = 'https://spiegel.example.org';
const GROUP = '19:group-chat@thread.v2';
const day = 86_400_000;
const an: Actor = { tenantId: TENANT_ID, userId: memberIdOf(members.an), isAdmin: false };

const findAll = (node: unknown, type: string): Record<string, unknown>[] => {
  if (Array.isArray(node)) return node.flatMap((n) => findAll(n, type));
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  return [...(record.type === type ? [record] : []), ...Object.values(record).flatMap((v) => findAll(v, type))];
};

describe('managing a round from Teams', () => {
  let h: TeamsHarness;
  let round: Round;
  let files: ReportServer;
  let filesOrigin: string;

  beforeAll(async () => {
    h = await startTeamsHarness({ PUBLIC_URL });
    h.connector.rosters.set(GROUP, [members.an, members.chloe]);
    round = await openRound(h.ctx, an, {
      place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
      frameworkId: 'team-health',
      criterionIds: ['go-clear', 'go-contribution'],
      participants: [members.an, members.bram, members.chloe].map(memberIdOf),
      deadline: new Date(Date.now() + 5 * day),
      name: 'Team check',
      locale: 'en',
    });
    for (const [i, member] of [members.an, members.bram, members.chloe].entries()) {
      await answer(
        h.ctx,
        { tenantId: TENANT_ID, userId: memberIdOf(member), isAdmin: false },
        { roundId: round.id, criterionId: 'go-clear', value: 2 + i },
      );
    }
    files = await startReportServer(h.ctx);
    filesOrigin = files.origin;
  });
  afterAll(async () => {
    await files?.close();
    await h?.close();
  });

  /** Sends a command in the team's channel (or elsewhere) and returns the text of the bot's last answer. */
  async function say(from: typeof members.an, text: string, where: Parameters<typeof message>[3] = {}): Promise<string> {
    h.connector.clear();
    const res = await h.post(message(h.connector, from, text, where));
    expect(res.status).toBeLessThan(300);
    return h.connector.sent().at(-1)?.cardText ?? '';
  }
  const stored = (id = round.id) => h.ctx.stores.rounds.get(TENANT_ID, id);

  it('moves the deadline for a coordinator, and refuses a member and a date in the past', async () => {
    expect(await say(members.an, `deadline ${round.id} +9d`)).toMatch(/^The deadline of “Team check” is now .+\. Reminders follow/);
    const after = await stored();
    expect(after?.revision).toBe(1);
    expect(after!.deadline!.getTime() - Date.now()).toBeGreaterThan(8.9 * day);
    expect(await say(members.bram, 'deadline +20d')).toContain('Only the coordinators of this round can do that.');
    expect(await say(members.an, 'deadline 2020-05-01')).toContain('lies in the past');
    expect((await stored())?.revision).toBe(1);
  });

  it('removes and adds the participants a message @mentions, and names a co-coordinator', async () => {
    const mention = (m: typeof members.an) => ({ type: 'mention', mentioned: { id: m.id, name: m.name }, text: `<at>${m.name}</at>` });
    const withMentions = (from: typeof members.an, text: string, named: (typeof members.an)[]) => ({
      ...message(h.connector, from, `${text} ${named.map((m) => `<at>${m.name}</at>`).join(' ')}`),
      entities: [{ type: 'mention', mentioned: BOT, text: `<at>${BOT.name}</at>` }, ...named.map(mention)],
    });
    h.connector.clear();
    await h.post(withMentions(members.an, 'participants remove', [members.chloe]));
    expect(h.connector.sent().at(-1)?.cardText).toBe('“Team check” now has 2 participants.');
    expect((await stored())?.participants).toEqual([members.an, members.bram].map(memberIdOf));

    h.connector.clear();
    await h.post(withMentions(members.an, 'coordinators add', [members.bram]));
    expect(h.connector.sent().at(-1)?.cardText).toContain(memberIdOf(members.bram));
    expect(await say(members.bram, 'deadline +8d')).toContain('The deadline of “Team check”');

    h.connector.clear();
    await h.post(withMentions(members.chloe, 'participants add', [members.chloe]));
    expect(h.connector.sent().at(-1)?.cardText).toContain('Only the coordinators of this round can do that.');

    // Added back to the running round, Chloé is told in her personal chat, with her own cards to answer on.
    h.connector.clear();
    await h.post(withMentions(members.an, 'participants add', [members.chloe]));
    expect(h.connector.sent().at(-1)?.cardText).toBe('“Team check” now has 3 participants.');
    const personalOf = (m: typeof members.an) => h.connector.sent().filter((c) => c.conversationId?.startsWith(`a:personal-${m.id}`));
    const personal = personalOf(members.chloe);
    expect(personal[0]?.cardText).toContain('You now take part in the round “Team check” (Team health check).');
    expect(
      findAll(
        personal.map((s) => cardOf(s.body)),
        'Action.Execute',
      ).some((a) => a.verb === verbs.answer),
    ).toBe(true);
    expect(personalOf(members.bram)).toEqual([]);
  });

  it('sends a coordinator the status privately with deadline and reminders; a member sees progress here', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.an, 'status'));
    const sent = h.connector.sent();
    const privately = sent
      .filter((s) => s.conversationId?.startsWith('a:') === true)
      .map((s) => s.cardText)
      .join('\n');
    expect(privately).toContain('Deadline: ');
    expect(privately).toMatch(/Reminders: 2 planned, 0 sent\./);
    expect(privately).toContain('Scheduled work:');
    expect(sent.at(-1)?.cardText).toContain('I sent you the round’s status');
    const member = await say(members.chloe, 'status');
    expect(member).not.toContain('Reminders:');
  });

  it('reopens a closed round for a coordinator; another member is refused', async () => {
    expect(await say(members.an, 'close')).toContain('Team check');
    expect((await stored())?.state).toBe('closed');
    expect(await say(members.chloe, `reopen ${round.id}`)).toContain('Only the coordinators of this round can do that.');
    expect(await say(members.an, `reopen ${round.id} +3d`)).toMatch(/is open again until .+ marked as updated/);
    expect(await stored()).toMatchObject({ state: 'open', reopenings: 1, closedAt: null });
  });

  it('gives every card of a reopened round its questions back, not only the first', async () => {
    const big = await openRound(h.ctx, an, {
      place: { platform: 'teams', tenantId: TENANT_ID, channelId: TEAM_ID },
      frameworkId: 'team-health',
      participants: [members.an, members.bram].map(memberIdOf),
      locale: 'en',
    });
    await h.teams.notifier.announceRound(big);
    const cards = (await h.store.getRoundCards(TENANT_ID, big.id))!;
    expect(cards.activityIds.length).toBeGreaterThan(1);
    expect(await say(members.an, `close ${big.id}`)).toContain('closed');
    h.connector.clear();
    expect(await say(members.an, `reopen ${big.id} +2d`)).toMatch(/is open again until/);
    const restored = h.connector.updates();
    expect(restored.map((u) => u.activityId).sort()).toEqual([...cards.activityIds].sort());
    for (const update of restored) {
      expect(findAll(cardOf(update.body), 'Action.Execute').some((a) => a.verb === verbs.answer)).toBe(true);
    }
  });

  it('copies the round into a group chat, for the chat’s members', async () => {
    const text = await say(members.an, `copy ${round.id}`, { kind: 'group' });
    const [copy] = await h.ctx.stores.rounds.list(TENANT_ID, { channelId: GROUP });
    expect(text).toBe(`Started “Team check” here as a copy (${copy!.id}), with 2 participants.`);
    expect(copy).toMatchObject({ participants: [members.an, members.chloe].map(memberIdOf), framework: { id: 'team-health' } });
    expect(await say(members.chloe, `copy ${round.id}`, { kind: 'group' })).toContain('Only the coordinators');
  });

  it('plans a round to start later: the form says when, and Start plans it with its start job', async () => {
    h.connector.clear();
    await h.post(message(h.connector, members.an, 'later +3d team-health'));
    const form = cardOf(h.connector.sent().at(-1)!.body);
    expect(JSON.stringify(form)).toContain('This round starts on');
    const submit = findAll(form, 'Action.Execute').find((a) => a.verb === verbs.startSubmit);
    const data = submit?.data as { f: string; s: string };
    expect(data.s).toBeTruthy();
    const res = await h.post(
      execute(h.connector, members.an, verbs.startSubmit, { ...data, name: 'Later check', anonymous: 'false', language: 'en' }),
    );
    const planned = invokeResult(res.body);
    const id = /\(([A-Za-z0-9]+)\) will start on/.exec(JSON.stringify(planned.card))?.[1];
    expect(id).toBeTruthy();
    expect(await stored(id)).toBeNull();
    const jobs = await h.ctx.stores.jobs.list({ tenantId: TENANT_ID, roundId: id! });
    expect(jobs).toMatchObject([{ kind: 'round-start', status: 'pending', runAt: new Date(data.s) }]);
    expect(await say(members.an, 'later +3d')).toContain('Write when the round should start');
  });

  it('sends a coordinator signed download links privately; forged and expired links are refused', async () => {
    expect(await say(members.chloe, `export ${round.id}`)).toContain('Only the coordinators of this round can do that.');
    h.connector.clear();
    await h.post(message(h.connector, members.an, `export ${round.id} csv`));
    const buttons = h.connector.sent().flatMap((s) => findAll(cardOf(s.body), 'Action.OpenUrl'));
    expect(buttons.map((b) => b.title)).toEqual(['answers.csv', 'summary.csv']);
    expect(h.connector.sent().at(-1)?.cardText).toContain('I sent you the export in our personal chat.');
    const local = (url: unknown) => String(url).replace(PUBLIC_URL, filesOrigin);
    const answers = await fetch(local(buttons[0]?.url));
    expect(answers.status).toBe(200);
    expect(answers.headers.get('content-disposition')).toBe(`attachment; filename="spiegel-${round.id}-answers.csv"`);
    expect(await answers.text()).toMatch(/^criterion,component,dimension,value,comment\ngo-clear,goals,rating,2,/);

    const forged = local(buttons[0]?.url).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fetch(forged)).status).toBe(404);
    const expired = signLinkToken(h.ctx.secret, {
      kind: 'export',
      tenantId: TENANT_ID,
      roundId: round.id,
      userId: an.userId,
      isAdmin: false,
      locale: 'en',
      file: 'answers.csv',
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    expect((await fetch(`${filesOrigin}/exports/${expired}`)).status).toBe(404);
  });

  it('lists the new commands in help, in English and in Dutch', async () => {
    const en = await say(members.an, 'help', { kind: 'personal' });
    for (const verb of ['deadline', 'participants', 'coordinators', 'reopen', 'copy', 'later', 'export']) expect(en).toContain(`**${verb}`);
    const nl = await say(members.an, 'hulp', { kind: 'personal', locale: 'nl-BE' });
    for (const verb of ['deelnemers', 'coordinatoren', 'heropen', 'kopieer', 'exporteer']) expect(nl).toContain(`**${verb}`);
  });
});
