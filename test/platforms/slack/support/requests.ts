/** Signed requests with Slack's real payload shapes (slash commands, block_actions, view_submission, events). */
import { createHmac } from 'node:crypto';

export interface SlackRequestOptions {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Sign with this secret instead (a forgery). */
  secret?: string;
  headers?: Record<string, string>;
}

export interface SlackReply {
  status: number;
  text: string;
  json(): unknown;
  ms: number;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function postSigned(
  baseUrl: string,
  secret: string,
  body: string,
  contentType: string,
  options: SlackRequestOptions = {},
): Promise<SlackReply> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(options.secret ?? secret, timestamp, body),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  const ms = performance.now() - started;
  return { status: response.status, text, ms, json: () => JSON.parse(text) as unknown };
}

export const form = 'application/x-www-form-urlencoded';

export function commandBody(args: {
  text: string;
  teamId: string;
  userId: string;
  channelId: string;
  responseUrl: string;
  triggerId?: string;
}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: args.teamId,
    team_domain: 'spiegel-test',
    channel_id: args.channelId,
    channel_name: 'quality',
    user_id: args.userId,
    user_name: args.userId.toLowerCase(),
    command: '/reflect',
    text: args.text,
    api_app_id: 'ASPIEGEL',
    is_enterprise_install: 'false',
    response_url: args.responseUrl,
    trigger_id: args.triggerId ?? `trigger-${Math.random().toString(36).slice(2)}`,
  }).toString();
}

export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function blockActionPayload(args: {
  teamId: string;
  userId: string;
  channelId: string;
  responseUrl: string;
  actionId: string;
  blockId: string;
  value: string;
  messageTs?: string;
  container?: Record<string, unknown>;
  view?: Record<string, unknown>;
  selectedOption?: { text: string; value: string };
}): Record<string, unknown> {
  const action = args.selectedOption
    ? {
        type: 'static_select',
        action_id: args.actionId,
        block_id: args.blockId,
        selected_option: { text: { type: 'plain_text', text: args.selectedOption.text, emoji: true }, value: args.selectedOption.value },
        action_ts: `${Date.now() / 1000}`,
      }
    : {
        type: 'button',
        action_id: args.actionId,
        block_id: args.blockId,
        text: { type: 'plain_text', text: args.value, emoji: true },
        value: args.value,
        action_ts: `${Date.now() / 1000}`,
      };
  return {
    type: 'block_actions',
    user: { id: args.userId, username: args.userId.toLowerCase(), name: args.userId.toLowerCase(), team_id: args.teamId },
    api_app_id: 'ASPIEGEL',
    token: 'legacy-verification-token',
    container: args.container ?? {
      type: 'message',
      message_ts: args.messageTs ?? '1700000000.000100',
      channel_id: args.channelId,
      is_ephemeral: false,
    },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    team: { id: args.teamId, domain: 'spiegel-test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: args.channelId, name: 'quality' },
    ...(args.view ? { view: args.view } : {}),
    message: { type: 'message', ts: args.messageTs ?? '1700000000.000100', text: 'prompts' },
    state: { values: {} },
    response_url: args.responseUrl,
    actions: [action],
  };
}

export function viewSubmissionPayload(args: {
  teamId: string;
  userId: string;
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
  viewId?: string;
}): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: args.teamId, domain: 'spiegel-test' },
    user: { id: args.userId, username: args.userId.toLowerCase(), name: args.userId.toLowerCase(), team_id: args.teamId },
    api_app_id: 'ASPIEGEL',
    token: 'legacy-verification-token',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    view: {
      id: args.viewId ?? 'VFORM1',
      team_id: args.teamId,
      type: 'modal',
      callback_id: args.callbackId,
      private_metadata: args.privateMetadata,
      state: { values: args.values },
      hash: 'h1',
      title: { type: 'plain_text', text: 'Form' },
      blocks: [],
      app_id: 'ASPIEGEL',
      bot_id: 'BSPIEGEL',
      root_view_id: args.viewId ?? 'VFORM1',
      previous_view_id: null,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function eventBody(args: { teamId: string; eventId: string; event: Record<string, unknown> }): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: args.teamId,
    api_app_id: 'ASPIEGEL',
    event: args.event,
    type: 'event_callback',
    event_id: args.eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: args.teamId, user_id: 'UBOTSPIEGEL', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}
