/**
 * Speaking on the bot's own initiative through the Bot Framework connector: posting and updating cards in a
 * stored conversation, and reaching a member in their personal chat (created through the connector when
 * there is none yet, or when the stored one is gone).
 */
import { SpiegelError } from '../../domain/errors.js';
import { MessageFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Clock } from '../../app/ports.js';
import type { Logger } from '../../logger.js';
import { attachmentOf, type AdaptiveCardJson } from './cards/elements.js';
import { aadTenantOf } from './ids.js';
import type { ConversationRef, TeamsConversationStore, TeamsMember } from '../../app/teams-conversation-ports.js';

/** The OAuth scope of the Bot Framework channels (what proactive calls ask a token for). */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

export function cardActivity(card: AdaptiveCardJson) {
  return MessageFactory.attachment(attachmentOf(card));
}

/** Posts cards one after the other in the turn's conversation; returns their activity ids. */
export async function sendCards(context: TurnContext, cards: readonly AdaptiveCardJson[]): Promise<string[]> {
  const ids: string[] = [];
  for (const card of cards) ids.push((await context.sendActivity(cardActivity(card)))?.id ?? '');
  return ids;
}

/** Keeps the error of a proactive turn's logic, which the adapter would otherwise pass to onTurnError. */
function capture(logic: (context: TurnContext) => Promise<void>) {
  let error: Error | null = null;
  return {
    logic: async (context: TurnContext) => {
      try {
        await logic(context);
      } catch (caught) {
        error = caught instanceof Error ? caught : new Error('proactive turn failed', { cause: caught });
      }
    },
    rethrow() {
      if (error) throw error;
    },
  };
}

export class TeamsMessenger {
  constructor(
    private readonly adapter: TeamsAdapter,
    /** The bot's app id; empty in local mode. */
    private readonly appId: string,
    private readonly store: TeamsConversationStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Runs `logic` in the conversation; its failure is thrown here (the adapter would hand it to onTurnError). */
  async continueIn(reference: ConversationRef, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const failure = capture(logic);
    await this.adapter.continueConversationAsync(this.appId, reference as Partial<ConversationReference>, failure.logic);
    failure.rethrow();
  }

  async send(reference: ConversationRef, cards: readonly AdaptiveCardJson[]): Promise<string[]> {
    let ids: string[] = [];
    await this.continueIn(reference, async (context) => {
      ids = await sendCards(context, cards);
    });
    return ids;
  }

  async update(reference: ConversationRef, activityId: string, card: AdaptiveCardJson): Promise<void> {
    await this.continueIn(reference, async (context) => {
      await context.updateActivity({ ...cardActivity(card), id: activityId });
    });
  }

  /** Sends cards to a member's personal chat: the stored one, else (or when it is gone) a new one. */
  async sendToMember(member: TeamsMember, cards: readonly AdaptiveCardJson[]): Promise<void> {
    if (member.personalConversationId) {
      try {
        await this.send(this.personalReference(member, member.personalConversationId), cards);
        return;
      } catch (error) {
        this.logger.info({ err: error, memberId: member.memberId }, 'personal chat unavailable; creating a new one');
      }
    }
    const conversationId = await this.createPersonalChat(member);
    await this.send(this.personalReference(member, conversationId), cards);
  }

  private personalReference(member: TeamsMember, conversationId: string): ConversationRef {
    const tenantId = aadTenantOf(member.tenantId);
    return {
      serviceUrl: member.serviceUrl,
      channelId: 'msteams',
      bot: { id: member.botId },
      conversation: { id: conversationId, tenantId, conversationType: 'personal', isGroup: false },
    };
  }

  private async createPersonalChat(member: TeamsMember): Promise<string> {
    const tenantId = aadTenantOf(member.tenantId);
    let conversationId: string | undefined;
    const failure = capture((context) => {
      conversationId = context.activity.conversation?.id;
      return Promise.resolve();
    });
    await this.adapter.createConversationAsync(
      this.appId,
      'msteams',
      member.serviceUrl,
      BOT_FRAMEWORK_AUDIENCE,
      {
        isGroup: false,
        bot: { id: member.botId, name: '' },
        members: [{ id: member.teamsId, name: member.name ?? '' }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
        activity: undefined,
      },
      failure.logic,
    );
    failure.rethrow();
    if (!conversationId)
      throw new SpiegelError('member.unreachable', `the connector created no personal chat for member ${member.memberId}`);
    await this.store.saveMembers(
      [
        {
          tenantId: member.tenantId,
          memberId: member.memberId,
          teamsId: member.teamsId,
          serviceUrl: member.serviceUrl,
          botId: member.botId,
          personalConversationId: conversationId,
        },
      ],
      this.clock.now(),
    );
    return conversationId;
  }
}
