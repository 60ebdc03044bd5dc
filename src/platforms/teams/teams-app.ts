/**
 * The teams-ai Application behind POST /api/messages: every activity is remembered (conversation and sender,
 * for proactive messages) and watched for installs and uninstalls, messages are commands, Action.Execute invokes are card actions. Nothing is kept
 * in turn state or process memory.
 */
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Application } from '@microsoft/teams-ai';
import { translator } from '../../i18n/translator.js';
import { localeOf } from './activity.js';
import { handleCardAction } from './actions.js';
import { isActivity } from './parse.js';
import { loopbackOnly, type SpiegelTeamsAdapter, type TeamsAuth } from './adapter.js';
import { handleMessage } from './commands.js';
import { replyText } from './reply.js';
import type { TeamsRuntime } from './runtime.js';

export const MESSAGES_PATH = '/api/messages';

export function createTeamsApplication(rt: TeamsRuntime, adapter: SpiegelTeamsAdapter): Application {
  const app = new Application({ adapter, removeRecipientMention: false, startTypingTimer: false, longRunningMessages: false });
  app.activity(ActivityTypes.Message, async (context) => {
    // Action.Submit data (not used by Spiegel's cards) arrives as a message without text: nothing to answer.
    if (!context.activity.text && context.activity.value) return;
    await handleMessage(rt, context);
  });
  app.adaptiveCards.actionExecute(/.*/, async (context) => {
    await handleCardAction(rt, context);
    return '';
  });
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    rt.logger.error({ err: error, type: context.activity.type }, 'Teams turn failed');
    if (context.activity.type === ActivityTypes.Message) {
      await replyText(context, translator(localeOf(context.activity, rt.config.DEFAULT_LOCALE))('errors.unexpected')).catch(() => {});
    }
  };
  return app;
}

/** Mounts the Bot Framework endpoint; malformed bodies get a 400, unauthenticated calls a 401 (or 403 off-machine in local mode). */
export function mountEndpoint(http: Express, rt: TeamsRuntime, adapter: SpiegelTeamsAdapter, app: Application, auth: TeamsAuth): void {
  const guards: RequestHandler[] = auth.kind === 'local' ? [loopbackOnly] : [];
  const badBody: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, next) => {
    if (error.status && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({ error: error.type === 'entity.too.large' ? 'request body too large' : 'malformed request body' });
      return;
    }
    next(error);
  };
  const handle: RequestHandler = async (req, res) => {
    const body: unknown = req.body;
    if (!isActivity(body)) {
      res.status(400).json({ error: 'the body is not a Bot Framework activity' });
      return;
    }
    await adapter.serve(req, res, rt.logger, async (context) => {
      rt.directory.remember(context.activity);
      await rt.installations.observe(context);
      await app.run(context);
    });
  };
  http.post(MESSAGES_PATH, ...guards, express.json({ limit: '1mb' }), handle, badBody);
}
