/** Answering in Teams: cards in the conversation, and invoke responses to Action.Execute (a card or a message). */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { isRefusal } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import type { Logger } from '../../logger.js';
import { errorText } from '../../presentation/error-text.js';
import { CARD_CONTENT_TYPE, type AdaptiveCardJson } from './cards/elements.js';
import { renderMessageCard } from './cards/reply-cards.js';
import { cardActivity } from './messenger.js';

export async function replyCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity(cardActivity(card));
}

export async function replyText(context: TurnContext, text: string): Promise<void> {
  await replyCard(context, renderMessageCard(text));
}

/** The card the member sees in place of the one they acted on (their own view). */
export async function invokeCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: CARD_CONTENT_TYPE, value: card } },
  });
}

/** A short message Teams shows the member who acted; the card stays as it was. */
export async function invokeMessage(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } },
  });
}

/**
 * No answer within Teams' window (the work was not finished): an error status, never a 200, so Teams shows the
 * member that the action failed instead of taking it as done.
 */
export async function invokeUnanswered(context: TurnContext): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 503 } });
}

/** A refusal in the member's language: the core's message for its errors, a general one (logged) for the rest. */
export function refusal(error: unknown, locale: Locale, logger: Logger): string {
  if (!isRefusal(error)) logger.error({ err: error }, 'Teams request failed');
  return errorText(error, locale);
}
