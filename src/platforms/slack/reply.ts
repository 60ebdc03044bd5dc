/** Answering a member privately: ephemeral messages through the request's response_url. */
import type { RespondFn } from '@slack/bolt';
import { isRefusal, SpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import type { Logger } from '../../logger.js';
import { errorText } from '../../presentation/error-text.js';
import type { SlackMessage } from './blocks/prompts.js';
import { limits, truncate } from './blocks/limits.js';

export async function ephemeral(respond: RespondFn, message: string | SlackMessage): Promise<void> {
  const m = typeof message === 'string' ? { text: message } : message;
  const response: unknown = await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: truncate(m.text, 'blocks' in m ? limits.messageText : limits.plainMessageText),
    ...('blocks' in m ? { blocks: m.blocks } : {}),
  });
  await drain(response);
}

/** Bolt's respond returns fetch's Response unread; reading it lets the connection be reused at once. */
async function drain(response: unknown): Promise<void> {
  if (response instanceof Response) await response.arrayBuffer().catch(() => {});
}

/** The same, for a response_url kept from an earlier request (the start form remembers its slash command's). */
export async function ephemeralTo(responseUrl: string, text: string): Promise<void> {
  const response = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: truncate(text, limits.messageText) }),
  });
  await drain(response);
  if (!response.ok) throw new SpiegelError('platform.failed', `response_url answered ${response.status}`);
}

/** A refusal in the member's language: the core's message for its errors, a general one (logged) for the rest. */
export function refusal(error: unknown, locale: Locale, logger: Logger): string {
  if (!isRefusal(error)) logger.error({ err: error }, 'Slack request failed');
  return errorText(error, locale);
}
