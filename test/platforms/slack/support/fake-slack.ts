/**
 * A stand-in for Slack on 127.0.0.1: answers the Web API methods Spiegel calls (given to the bot as
 * SLACK_API_URL) and receives response_url posts. Every call is recorded with its method and body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  /** A Web API method (`chat.postMessage`) or `response_url`. */
  method: string;
  body: Record<string, unknown>;
  /** The bearer token sent, if any. */
  token: string | null;
  /** For response_url calls: the id in the URL. */
  responseUrlId?: string;
  at: number;
}

export interface FakeUser {
  locale?: string;
  tz?: string;
  is_bot?: boolean;
}

export const BOT_USER_ID = 'UBOTSPIEGEL';

/** A message as Slack keeps it in a conversation's history. */
export interface PostedMessage {
  channel: string;
  ts: string;
  text: unknown;
  metadata?: unknown;
}

/** A chat.postMessage held unanswered (a call "in flight" at Slack): `reached` resolves when it arrives. */
export interface HeldPost {
  reached: Promise<RecordedCall>;
  /** Ends the hold: `deliver` posts the message (Slack took it), otherwise it is dropped; answers if still connected. */
  release(deliver: boolean): void;
}

function decodeField(value: string): unknown {
  if (/^[[{]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readText(req);
  if (text === '') return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) out[k] = decodeField(v);
  return out;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  users: Record<string, FakeUser> = {};
  channelMembers: Record<string, string[]> = {};
  /** Methods answered once with 429 and `Retry-After` (seconds), then normally. */
  rateLimitOnce = new Map<string, number>();
  /** Method → Slack error code to answer with (`{ ok: false, error }`). */
  failWith = new Map<string, string>();
  oauthTeam = { id: 'TOAUTH', name: 'OAuth Team' };
  /** Files shared with the bot, by id: files.info describes them, their url_private serves `content` to the bot token. */
  files = new Map<string, { name: string; content: string; size?: number }>();
  /** Every message posted, per channel, oldest first (what conversations.history answers). */
  readonly posted = new Map<string, PostedMessage[]>();
  /** When set, message timestamps follow this clock (milliseconds), as Slack's follow real time. */
  messageClock: (() => number) | null = null;
  #holds: {
    matches: (body: Record<string, unknown>) => boolean;
    hold: (call: RecordedCall, answer: (deliver: boolean) => void) => void;
  }[] = [];
  #server: Server | null = null;
  #ts = 1_700_000_000;
  #seq = 0;
  #origin = '';

  get apiUrl(): string {
    return `${this.#origin}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.#origin}/respond/${id}`;
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.#origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (this.#server)
        this.#server.close(() => {
          resolve();
        });
      else resolve();
    });
  }

  of(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responses(id: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'response_url' && c.responseUrlId === id);
  }

  /** Messages posted in a channel. */
  messages(channel: string): PostedMessage[] {
    return this.posted.get(channel) ?? [];
  }

  /** Holds the next chat.postMessage whose body matches, until released. */
  holdPost(matches: (body: Record<string, unknown>) => boolean): HeldPost {
    let onReached!: (call: RecordedCall) => void;
    const reached = new Promise<RecordedCall>((resolve) => (onReached = resolve));
    let answer: ((deliver: boolean) => void) | null = null;
    let decided: boolean | null = null;
    this.#holds.push({
      matches,
      hold: (call, respond) => {
        answer = respond;
        onReached(call);
        if (decided !== null) respond(decided);
      },
    });
    return {
      reached,
      release: (deliver) => {
        decided = deliver;
        answer?.(deliver);
      },
    };
  }

  async waitFor<T>(find: () => T | undefined | null | false, timeoutMs = 5_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      if (Date.now() > until) throw new Error('timed out waiting for the stand-in Slack to receive a call');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.#origin);
    if (url.pathname.startsWith('/upload/')) {
      // files.getUploadURLExternal's upload_url: the file's bytes, recorded as `upload` with the file id.
      const content = await readText(req);
      this.calls.push({ method: 'upload', body: { fileId: url.pathname.slice('/upload/'.length), content }, token: null, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK - 200');
      return;
    }
    if (url.pathname.startsWith('/files-private/')) {
      // A file's url_private: only with the bot token, as Slack serves it.
      const fileId = url.pathname.slice('/files-private/'.length);
      const file = this.files.get(fileId);
      this.calls.push({ method: 'download', body: { fileId }, token: req.headers.authorization ?? null, at: Date.now() });
      const allowed = req.headers.authorization === 'Bearer xoxb-test-token';
      res.writeHead(file && allowed ? 200 : 404, { 'content-type': 'application/octet-stream' });
      res.end(file && allowed ? file.content : '');
      return;
    }
    const body = await readBody(req);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof body.token === 'string' ? body.token : null;
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (url.pathname.startsWith('/respond/')) {
      this.calls.push({ method: 'response_url', body, token, responseUrlId: url.pathname.slice('/respond/'.length), at: Date.now() });
      json(200, { ok: true });
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    this.calls.push({ method, body, token, at: Date.now() });
    const retryAfter = this.rateLimitOnce.get(method);
    if (retryAfter !== undefined) {
      this.rateLimitOnce.delete(method);
      json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
      return;
    }
    const failure = this.failWith.get(method);
    if (failure) {
      json(200, { ok: false, error: failure });
      return;
    }
    const held = method === 'chat.postMessage' ? this.#holds.findIndex((h) => h.matches(body)) : -1;
    if (held >= 0) {
      const [hold] = this.#holds.splice(held, 1);
      hold!.hold(this.calls.at(-1)!, (deliver) => {
        const answer = deliver ? this.#answer(method, body) : { ok: false, error: 'request_timeout' };
        if (!res.destroyed) json(200, answer);
      });
      return;
    }
    json(200, this.#answer(method, body));
  }

  #nextTs(): string {
    if (!this.messageClock) return `${this.#ts++}.000100`;
    return `${Math.floor(this.messageClock() / 1000)}.${String(this.#seq++ % 1_000_000).padStart(6, '0')}`;
  }

  #post(body: Record<string, unknown>): PostedMessage {
    const channel = String(body.channel);
    const message: PostedMessage = {
      channel,
      ts: this.#nextTs(),
      text: body.text,
      ...(body.metadata ? { metadata: body.metadata } : {}),
    };
    this.posted.set(channel, [...this.messages(channel), message]);
    return message;
  }

  /** conversations.history: newest first, from `oldest` on, metadata only when asked for (as Slack does). */
  #history(body: Record<string, unknown>): Record<string, unknown> {
    const oldest = Number(body.oldest ?? 0);
    const withMetadata = String(body.include_all_metadata) === 'true';
    const messages = this.messages(String(body.channel))
      .filter((m) => Number(m.ts) >= oldest)
      .reverse()
      .map((m) => ({
        type: 'message',
        user: BOT_USER_ID,
        ts: m.ts,
        text: m.text,
        ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
      }));
    return { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } };
  }

  #answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: BOT_USER_ID, bot_id: 'BSPIEGEL', team_id: 'T1', user: 'spiegel', url: 'https://example.slack.com/' };
      case 'chat.postMessage': {
        const message = this.#post(body);
        return { ok: true, channel: message.channel, ts: message.ts, message: { text: message.text } };
      }
      case 'conversations.history':
        return this.#history(body);
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.#ts++}.000200` };
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: `V${this.#ts++}`, hash: 'h1' } };
      case 'users.info': {
        const id = String(body.user);
        const user = this.users[id];
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id,
            name: id.toLowerCase(),
            is_bot: user.is_bot ?? false,
            tz: user.tz ?? 'Europe/Brussels',
            locale: user.locale ?? 'en-US',
          },
        };
      }
      case 'conversations.members': {
        const members = this.channelMembers[String(body.channel)];
        return members ? { ok: true, members, response_metadata: { next_cursor: '' } } : { ok: false, error: 'channel_not_found' };
      }
      case 'files.getUploadURLExternal': {
        const fileId = `F${this.#ts++}`;
        return { ok: true, upload_url: `${this.#origin}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: body.files ?? [] };
      case 'files.info': {
        const id = String(body.file);
        const file = this.files.get(id);
        if (!file) return { ok: false, error: 'file_not_found' };
        const size = file.size ?? Buffer.byteLength(file.content);
        return { ok: true, file: { id, name: file.name, size, url_private: `${this.#origin}/files-private/${id}` } };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users)}` } };
      case 'oauth.v2.access':
        return {
          ok: true,
          app_id: 'ASPIEGEL',
          authed_user: { id: 'UINSTALLER' },
          scope: 'commands,chat:write,users:read,channels:read,groups:read,im:write,im:history,files:write,files:read',
          token_type: 'bot',
          access_token: 'xoxb-oauth-installed',
          bot_user_id: BOT_USER_ID,
          team: this.oauthTeam,
          enterprise: null,
          is_enterprise_install: false,
        };
      default:
        return { ok: true };
    }
  }
}
