/**
 * Rating clicks answered before Bolt (HTTP modes). Clicks are the one request that comes by the hundred a second,
 * when a team answers together at the end of a meeting; Bolt's way through (parsing the body again, the
 * middleware chain, a fetch per response_url) costs several times what storing the answer costs this process.
 * This route checks the signature and timestamp as Bolt does, reads only the exact payload Spiegel's rating
 * buttons send (parse.ts) and answers it with the same ratingClickAnswerer as Bolt's listener. Every other
 * request, and any click this route does not recognise, goes on to Bolt unchanged.
 */
import { isValidSlackRequest } from '@slack/bolt';
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../../logger.js';
import { arrivalOfRequest, SLACK_ACK_WINDOW_MS } from './ack-deadline.js';
import { ratingClickOf } from './parse.js';
import type { AnswerRatingClick } from './rating-click.js';
import { ephemeralTo } from './reply.js';
import { MAX_CLOCK_SKEW_S } from './slack-app.js';
import type { SlackClients } from './web-api.js';

export interface ClickRouteDeps {
  signingSecret: string;
  answer: AnswerRatingClick;
  clients: SlackClients;
  /** Keeps the click's work known to the adapter's stop(), which lets it finish. */
  track(work: Promise<void>): void;
  logger: Logger;
}

/** Signed with the app's secret, and stamped within five minutes either way of now. */
function isSignedBySlack(req: Request, raw: string, signingSecret: string): boolean {
  const signature = req.header('x-slack-signature');
  const timestamp = Number(req.header('x-slack-request-timestamp'));
  if (!signature || !Number.isFinite(timestamp) || Math.abs(timestamp - Date.now() / 1000) > MAX_CLOCK_SKEW_S) return false;
  return isValidSlackRequest({
    signingSecret,
    body: raw,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
  });
}

/** Mounted after the raw body is read (`req.body` is a Buffer) and before Bolt's receiver. */
export function ratingClickRoute(deps: ClickRouteDeps): RequestHandler {
  return (req, res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const click = isSignedBySlack(req, raw, deps.signingSecret) ? ratingClickOf(raw, req.headers['content-type'] ?? '') : null;
    if (!click) {
      next();
      return;
    }
    const receivedAt = arrivalOfRequest(req);
    const work = deps.clients.forTeam(click.teamId).then(
      (client) =>
        deps.answer({ ...click, receivedAt }, client, {
          acknowledge: () => {
            res.status(200).end();
            return Promise.resolve();
          },
          // Once Slack has stopped waiting, what Bolt answers a request its listener never acknowledged.
          leaveUnacknowledged: () => {
            setTimeout(
              () => {
                if (!res.headersSent) res.status(404).end();
              },
              SLACK_ACK_WINDOW_MS - (Date.now() - receivedAt),
            ).unref();
          },
          tell: (text) => ephemeralTo(click.responseUrl, text),
        }),
      // Not installed (OAuth): Bolt answers that as it answers every other request from such a workspace.
      () => {
        next();
      },
    );
    deps.track(
      work.catch((error: unknown) => {
        deps.logger.error({ err: error }, 'rating click failed');
        if (!res.headersSent) res.status(500).end();
      }),
    );
  };
}
