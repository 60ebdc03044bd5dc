/** The core's Notifier port for Slack: what the scheduler (deadlines, reminders, recurring rounds) asks Slack to say. */
import type { AppContext } from '../../app/context.js';
import type { Notifier, PrivateMessage, ReminderDetails } from '../../app/notifier.js';
import type { IntervisionPost, IntervisionSession } from '../../domain/intervision/session.js';
import { postInThread } from './intervision-posts.js';
import { translator } from '../../i18n/translator.js';
import type { Round } from '../../domain/round.js';
import type { Summary } from '../../domain/summary-types.js';
import type { Logger } from '../../logger.js';
import { postRound, postSummary } from './announce.js';
import { renderReminderMessage } from './blocks/reminder.js';
import { button, escapeMrkdwn, limits, section, truncate } from './blocks/limits.js';
import { actionIds, teamIdOf } from './ids.js';
import { directMessageChannel, findReminder, reminderMetadata } from './reminder-metadata.js';
import type { SlackDirectory } from './users.js';
import type { SlackClients, WebClient } from './web-api.js';

export class SlackNotifier implements Notifier {
  constructor(
    private readonly ctx: AppContext,
    private readonly clients: SlackClients,
    private readonly directory: SlackDirectory,
    private readonly logger: Logger,
  ) {}

  #client(round: Round): Promise<WebClient> {
    return this.clients.forTeam(teamIdOf(round.place.tenantId));
  }

  async postSummary(round: Round, summary: Summary): Promise<void> {
    await postSummary(this.ctx, await this.#client(round), round, summary, this.logger);
  }

  /**
   * A direct message (conversations.open + chat.postMessage) in the member's language; it says nothing about
   * answers. Its metadata names round and slot, so that reminderDelivered can find it again.
   */
  async sendReminder(round: Round, memberId: string, progress: ReminderDetails): Promise<void> {
    const client = await this.#client(round);
    const teamId = teamIdOf(round.place.tenantId);
    const [locale, user] = await Promise.all([
      this.directory.localeOf(client, teamId, memberId),
      this.directory.user(client, teamId, memberId),
    ]);
    const channel = await directMessageChannel(client, memberId);
    const message = renderReminderMessage(round, progress, locale, progress.timeZone || user?.timeZone || 'UTC');
    const metadata = reminderMetadata({ roundId: round.id, slot: progress.slot });
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, metadata });
  }

  /** Looks for the reminder in the member's direct messages (conversations.history with metadata) since `since`. */
  async reminderDelivered(round: Round, memberId: string, slot: string, since: Date): Promise<boolean> {
    const client = await this.#client(round);
    const channel = await directMessageChannel(client, memberId);
    return findReminder(client, channel, { roundId: round.id, slot }, since);
  }

  async announceRound(round: Round): Promise<void> {
    await postRound(this.ctx, await this.#client(round), round);
  }

  async memberTimeZone(round: Round, memberId: string): Promise<string | null> {
    const client = await this.#client(round);
    return (await this.directory.user(client, teamIdOf(round.place.tenantId), memberId))?.timeZone ?? null;
  }

  async postIntervision(session: IntervisionSession, post: IntervisionPost): Promise<void> {
    await postInThread(this.ctx, await this.clients.forTeam(teamIdOf(session.tenantId)), session, post);
  }

  /** A direct message in the member's language; with a round, a button that opens its answers form. */
  async sendPrivateMessage(tenantId: string, memberId: string, message: PrivateMessage): Promise<void> {
    const teamId = teamIdOf(tenantId);
    const client = await this.clients.forTeam(teamId);
    const locale = await this.directory.localeOf(client, teamId, memberId);
    const text = message.text(locale);
    const channel = await directMessageChannel(client, memberId);
    const blocks = [
      section(escapeMrkdwn(truncate(text, limits.sectionText))),
      ...(message.round
        ? [
            {
              type: 'actions',
              elements: [button(translator(locale)('slack.remind.open'), actionIds.continue, message.round.id, 'primary')],
            },
          ]
        : []),
    ];
    await client.chat.postMessage({ channel, text: truncate(text, limits.messageText), blocks });
  }
}
