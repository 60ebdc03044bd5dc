/**
 * The gate in front of every Slack listener: a request whose fields are not of the shape Spiegel sends (see
 * parse.ts) is refused here, clearly and before anything is read or written; a body Bolt itself cannot route
 * (`payload=null`, an array) gets a 400 instead of a 500.
 */
import { HTTPModuleFunctions, type AnyMiddlewareArgs, type App, type RespondFn } from '@slack/bolt';
import express, { type RequestHandler } from 'express';
import { pickLocale, translator } from '../../i18n/translator.js';
import { renderNoticeView } from './blocks/answer-form.js';
import { checkPayload, hasResponseUrl, isRoutablePayload } from './parse.js';
import { ephemeral } from './reply.js';
import type { SlackRuntime } from './runtime.js';

type Ack = (response?: unknown) => Promise<void>;

export function refuseMalformedRequests(app: App, rt: SlackRuntime): void {
  app.use(async (args) => {
    const verdict = checkPayload(args.body);
    if (verdict === null) return args.next();
    const { ack, respond } = args as AnyMiddlewareArgs & { ack?: Ack; respond?: RespondFn };
    const body = args.body as { type?: unknown; user?: { locale?: unknown } };
    const locale = pickLocale(typeof body.user?.locale === 'string' ? body.user.locale : undefined, rt.config.DEFAULT_LOCALE);
    const text = translator(locale)(verdict === 'unknown' ? 'inbound.unknownAction' : 'inbound.notUnderstood');
    rt.logger.warn({ verdict, type: typeof body.type === 'string' ? body.type : typeof body.type }, 'Slack request refused at the edge');
    if (body.type === 'view_submission') return ack?.({ response_action: 'update', view: renderNoticeView(locale, 'notSaved', [text]) });
    await ack?.();
    if (respond && hasResponseUrl(args.body)) await ephemeral(respond, text);
  });
}

/** For ExpressReceiver: a body that is no Slack payload at all is a 400; anything else keeps Bolt's answer. */
export const processEventErrorHandler: typeof HTTPModuleFunctions.defaultProcessEventErrorHandler = async (args) => {
  if (!args.response.headersSent && checkPayload((args.request as { body?: unknown }).body) !== null) {
    args.response.writeHead(400);
    args.response.end();
    return false;
  }
  return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
};

/** Bolt's own limit on a request body. */
const BODY_LIMIT = '4mb';

/** Before Bolt: reads the body once (Bolt takes it from `rawBody`). */
export const readRawBody: RequestHandler = express.raw({ type: () => true, limit: BODY_LIMIT });

/** Answers 400 to a body that is no Slack payload at all; Bolt still verifies the signature of everything else. */
export const refuseUnroutableBody: RequestHandler = (req, res, next) => {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (!isRoutablePayload(raw.toString('utf8'), req.headers['content-type'] ?? '')) {
    res.status(400).json({ error: 'not a Slack payload' });
    return;
  }
  Object.assign(req, { rawBody: raw });
  next();
};
