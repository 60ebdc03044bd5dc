/**
 * Managing a round from chat, the same on Slack and Teams: `deadline`, `participants`, `coordinators`, `reopen`,
 * and the coordinators' `status` lines. Each returns the text to answer with; the adapters find the round, read
 * the members a message names (Slack mentions, Teams mention entities) and carry the text.
 */
import type { Actor } from '../app/actor.js';
import type { AppContext } from '../app/context.js';
import type { Notifier } from '../app/notifier.js';
import { roundJobStatus } from '../app/jobs.js';
import { changeCoordinators, changeDeadline, changeParticipants, reopenRound } from '../app/round-changes.js';
import { getWorkspaceSettings } from '../app/workspace-settings.js';
import type { Locale } from '../domain/framework.js';
import type { Round } from '../domain/round.js';
import { translator } from '../i18n/translator.js';
import { zonedTimeToUtc } from '../presentation/start-form.js';
import { describeJob, formatInstant } from '../presentation/schedule-texts.js';
import { inputInvalid } from '../domain/input-problems.js';

export interface RoundChatCall {
  ctx: AppContext;
  actor: Actor;
  locale: Locale;
  /** The words after the verb and the round id. */
  args: string[];
  /** Tells members privately (participants added to a running round). */
  notifier: Notifier;
  logger: { warn(detail: object, message: string): void };
}

/** A round id leads the words when the first one looks like one (never a date, a keyword or a mention). */
export function splitRoundId(args: string[]): { roundId: string | undefined; rest: string[] } {
  const [first, ...rest] = args;
  if (first && /^[A-Za-z0-9_-]{10,}$/.test(first) && !/^\d{4}-\d{2}-\d{2}$/.test(first)) return { roundId: first, rest };
  return { roundId: undefined, rest: args };
}

const relative = /^\+(\d{1,3})([dh])$/;

/** `2026-12-31`, `2026-12-31 17:00` (in the workspace's time zone; a date alone means 17:00), `+3d`, `+12h`. */
export function parseWhen(words: string[], timeZone: string, now: Date): Date | null {
  const [date, time] = words;
  const rel = date ? relative.exec(date) : null;
  if (rel) return new Date(now.getTime() + Number(rel[1]) * (rel[2] === 'd' ? 24 : 1) * 3_600_000);
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date) && (!time || /^\d{1,2}:\d{2}$/.test(time))) {
    const at = zonedTimeToUtc(date, (time ?? '17:00').padStart(5, '0'), timeZone);
    if (!Number.isNaN(at.getTime())) return at;
  }
  return null;
}

/** The instant the words name, or a refusal that says how to write one. */
function whenOf(call: RoundChatCall, timeZone: string): Date {
  const at = parseWhen(call.args, timeZone, call.ctx.clock.now());
  if (!at) throw inputInvalid('badDate', { value: call.args.join(' ') });
  return at;
}

async function timeZoneOf(ctx: AppContext, actor: Actor): Promise<string> {
  return (await getWorkspaceSettings(ctx, actor.tenantId)).timeZone;
}

function when(date: Date, locale: Locale, timeZone: string): string {
  return formatInstant(date, locale, timeZone);
}

export async function deadlineChat(call: RoundChatCall, round: Round): Promise<string> {
  const t = translator(call.locale);
  if (call.args.length === 0) return t('manage.deadline.usage');
  const timeZone = await timeZoneOf(call.ctx, call.actor);
  const changed = await changeDeadline(call.ctx, call.actor, round.id, whenOf(call, timeZone));
  return t('manage.deadline.changed', { name: changed.name, deadline: when(changed.deadline ?? new Date(), call.locale, timeZone) });
}

const addWords = ['add', 'voeg', 'toevoegen', '+'];
const removeWords = ['remove', 'verwijder', 'verwijderen', '-'];

/**
 * Members added to a running round get what a member needs to answer, privately: a message with the way to answer
 * (Slack: a DM with the button that opens their form; Teams: their own cards in the personal chat). Returns how
 * many could not be reached (logged; they still find the round in its channel).
 */
async function inviteAdded(call: RoundChatCall, round: Round, added: readonly string[]): Promise<number> {
  let unreached = 0;
  const text = (locale: Locale) =>
    translator(locale)('manage.invite.message', { name: round.name, framework: round.framework.title[locale] });
  for (const member of added) {
    try {
      await call.notifier.sendPrivateMessage(round.place.tenantId, member, { text, round });
    } catch (error) {
      unreached += 1;
      call.logger.warn({ err: error, roundId: round.id }, 'could not invite a member added to a round');
    }
  }
  return unreached;
}

/** `participants add|remove …` and `coordinators add|remove …`, with the members the message names. */
export async function peopleChat(
  call: RoundChatCall,
  round: Round,
  which: 'participants' | 'coordinators',
  members: string[],
): Promise<string> {
  const t = translator(call.locale);
  const action = call.args[0]?.toLowerCase() ?? '';
  const adding = addWords.includes(action);
  if (!adding && !removeWords.includes(action)) return t('manage.people.usage');
  if (members.length === 0) return t('manage.people.noMembers');
  const change = adding ? { add: members } : { remove: members };
  if (which === 'participants') {
    const changed = await changeParticipants(call.ctx, call.actor, round.id, change);
    const text = t('manage.people.participants', { name: changed.name, count: changed.participants.length });
    const unreached = await inviteAdded(
      call,
      changed,
      changed.participants.filter((m) => !round.participants.includes(m)),
    );
    return unreached > 0 ? `${text} ${t('manage.invite.unreached', { count: unreached })}` : text;
  }
  const changed = await changeCoordinators(call.ctx, call.actor, round.id, change);
  return t('manage.people.coordinators', { name: changed.name, list: changed.coordinators.join(', ') });
}

export async function reopenChat(call: RoundChatCall, round: Round): Promise<string> {
  const t = translator(call.locale);
  const timeZone = await timeZoneOf(call.ctx, call.actor);
  const deadline = call.args.length > 0 ? whenOf(call, timeZone) : null;
  const reopened = await reopenRound(call.ctx, call.actor, round.id, deadline);
  return reopened.deadline
    ? t('manage.reopen.until', { name: reopened.name, deadline: when(reopened.deadline, call.locale, timeZone) })
    : t('manage.reopen.open', { name: reopened.name });
}

/**
 * What a coordinator sees beyond progress: the deadline, reminders planned and sent, every job that was not
 * superseded (with its outcome), and each failed job with its reason.
 */
export async function coordinatorStatusLines(ctx: AppContext, actor: Actor, round: Round, locale: Locale): Promise<string[]> {
  const t = translator(locale);
  const [status, timeZone] = await Promise.all([roundJobStatus(ctx, actor, round.id), timeZoneOf(ctx, actor)]);
  const reminders = status.jobs.filter((j) => j.kind === 'reminder');
  const planned = reminders.filter((j) => j.status === 'pending').length;
  const sent = reminders.reduce((sum, j) => sum + (j.result?.counts.sent ?? 0), 0);
  const shown = status.jobs.filter((j) => j.status !== 'cancelled');
  return [
    round.deadline ? t('manage.status.deadline', { deadline: when(round.deadline, locale, timeZone) }) : t('manage.status.noDeadline'),
    t('manage.status.reminders', { planned, sent }),
    ...(round.reopenings > 0 ? [t('manage.status.reopened', { count: round.reopenings })] : []),
    ...(shown.length > 0 ? [t('manage.status.jobs'), ...shown.map((j) => `• ${describeJob(j, locale, timeZone)}`)] : []),
    ...status.failed.map((j) => t('manage.status.failed', { job: describeJob(j, locale, timeZone) })),
  ];
}
