/** Answering a member privately: ephemeral messages through the request's response_url. */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RespondFn } from '@slack/bolt';
import { isRefusal, SpiegelError } from '../../domain/errors.js';
import type { Locale } from '../../domain/framework.js';
import type { Logger } from '../../logger.js';
import { errorText } from '../../presentation/error-text.js';
import type { SlackMessage } from './blocks/prompts.js';
import { limits, truncate } from './blocks/limits.js';

/** A private answer as response_url takes it: text alone, or blocks with the text as their fallback. */
function ephemeralBody(message: string | SlackMessage): Record<string, unknown> {
  const m = typeof message === 'string' ? { text: message } : message;
  return {
    response_type: 'ephemeral',
    replace_original: false,
    text: truncate(m.text, 'blocks' in m ? limits.messageText : limits.plainMessageText),
    ...('blocks' in m ? { blocks: m.blocks } : {}),
  };
}

export async function ephemeral(respond: RespondFn, message: string | SlackMessage): Promise<void> {
  const response: unknown = await respond(ephemeralBody(message));
  // Bolt's respond returns fetch's Response unread; reading it lets the connection be reused at once.
  if (response instanceof Response) await response.arrayBuffer().catch(() => {});
}

/** The same, for a response_url at hand: one kept from an earlier request, or a click's answered before Bolt. */
export async function ephemeralTo(responseUrl: string, message: string | SlackMessage): Promise<void> {
  const status = await postJson(responseUrl, ephemeralBody(message));
  if (status < 200 || status >= 300) throw new SpiegelError('platform.failed', `response_url answered ${status}`);
}

const keptAlive = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };
const RESPONSE_URL_TIMEOUT_MS = 15_000;

/**
 * POSTs JSON over a kept-alive connection and resolves with the status. Plain node:http rather than fetch: a
 * busy round sends one of these per click, and fetch costs several times as much CPU per request.
 */
function postJson(url: string, body: unknown): Promise<number> {
  const target = new URL(url);
  const payload = JSON.stringify(body);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        agent: target.protocol === 'https:' ? keptAlive['https:'] : keptAlive['http:'],
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) },
        timeout: RESPONSE_URL_TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new SpiegelError('platform.failed', 'response_url did not answer in time')));
    req.on('error', reject);
    req.end(payload);
  });
}

/** A refusal in the member's language: the core's message for its errors, a general one (logged) for the rest. */
export function refusal(error: unknown, locale: Locale, logger: Logger): string {
  if (!isRefusal(error)) logger.error({ err: error }, 'Slack request failed');
  return errorText(error, locale);
}
