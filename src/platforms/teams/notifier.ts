/**
 * The core's Notifier port for Teams: what the scheduler (deadlines, reminders, recurring rounds) asks Teams
 * to say. Everything goes through conversation references stored in MongoDB, so it works after a restart.
 */
import { SpiegelError } from '../../domain/errors.js';
import type { IntervisionPost } from '../../app/intervision.js';
import type { Notifier, PrivateMessage, ReminderDetails } from '../../app/notifier.js';
import type { IntervisionSession } from '../../domain/intervision/session.js';
import { postInConversation } from './intervision-flow.js';
import type { Round } from '../../domain/round.js';
import type { Summary } from '../../domain/summary-types.js';
import { pickLocale } from '../../i18n/translator.js';
import { isValidTimeZone } from '../../domain/time-zones.js';
import { personalPromptCards } from './answer-flow.js';
import { renderMessageCard, renderReminderCard } from './cards/reply-cards.js';
import type { TeamsRuntime } from './runtime.js';

export class TeamsNotifier implements Notifier {
  constructor(private readonly rt: TeamsRuntime) {}

  async postSummary(round: Round, summary: Summary): Promise<void> {
    await this.rt.rounds.postSummary(round, summary);
  }

  /**
   * In the member's personal chat (created when needed), in their language: the reminder, then their own
   * cards, so they can answer right there. It says nothing about anyone else's answers.
   */
  async sendReminder(round: Round, memberId: string, progress: ReminderDetails): Promise<void> {
    const member = await this.rt.directory.member(round.place.tenantId, memberId);
    if (!member)
      throw new SpiegelError(
        'member.unreachable',
        `Teams member ${memberId} is unknown in ${round.place.tenantId}: no way to reach them yet`,
      );
    const locale = pickLocale(member.locale, round.locale);
    const timeZone = [progress.timeZone, member.timeZone].find((z): z is string => !!z && isValidTimeZone(z)) ?? 'UTC';
    const actor = { tenantId: round.place.tenantId, userId: memberId, isAdmin: false };
    const cards = [
      renderReminderCard(round, progress, locale, timeZone),
      ...(await personalPromptCards(this.rt, round, actor, locale, member.teamsId)),
    ];
    await this.rt.messenger.sendToMember(member, cards);
  }

  /**
   * Teams cannot tell: a bot cannot read back what it sent to a personal chat (only Microsoft Graph can, with
   * a tenant-wide permission Spiegel does not ask for). So a reminder whose sender died mid-send goes out
   * again: at least once, a duplicate only when the crash fell between the send and its confirmation.
   */
  reminderDelivered(): Promise<boolean> {
    return Promise.resolve(false);
  }

  /** Posts a newly opened (recurring) round as a new thread in its channel, or in its chat. */
  async announceRound(round: Round): Promise<void> {
    const conversation = await this.rt.store.getConversation(round.place.tenantId, round.place.channelId);
    if (!conversation)
      throw new SpiegelError(
        'member.unreachable',
        `no Teams conversation is known for ${round.place.channelId}: Spiegel must have been used there once`,
      );
    await this.rt.rounds.postRound(round, conversation.reference);
  }

  async memberTimeZone(round: Round, memberId: string): Promise<string | null> {
    return (await this.rt.directory.member(round.place.tenantId, memberId))?.timeZone ?? null;
  }

  async postIntervision(session: IntervisionSession, post: IntervisionPost): Promise<void> {
    await postInConversation(this.rt, session, post);
  }

  /** In the member's personal chat, in their language; with a round, their answer cards follow. */
  async sendPrivateMessage(tenantId: string, memberId: string, message: PrivateMessage): Promise<void> {
    const member = await this.rt.directory.member(tenantId, memberId);
    if (!member)
      throw new SpiegelError('member.unreachable', `Teams member ${memberId} is unknown in ${tenantId}: no way to reach them yet`);
    const locale = pickLocale(member.locale, message.round?.locale ?? this.rt.config.DEFAULT_LOCALE);
    const actor = { tenantId, userId: memberId, isAdmin: false };
    const cards = [
      renderMessageCard(message.text(locale)),
      ...(message.round ? await personalPromptCards(this.rt, message.round, actor, locale, member.teamsId) : []),
    ];
    await this.rt.messenger.sendToMember(member, cards);
  }
}
