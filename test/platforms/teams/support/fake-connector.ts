/**
 * A stand-in for the Bot Framework connector on 127.0.0.1, given to the bot as the activities' serviceUrl.
 * It answers what Spiegel calls (send, reply, update, create conversation, paged members) and records every
 * call with its method, path and body.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  /** Path after the service URL's base, decoded: `/v3/conversations/<id>/activities[/<activityId>]`. */
  path: string;
  conversationId: string | null;
  activityId: string | null;
  body: Record<string, unknown>;
}

export interface FakeAccount {
  id: string;
  name: string;
  aadObjectId: string;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** Team or chat id → its members (what paged members returns). */
  rosters = new Map<string, FakeAccount[]>();
  /** Conversations that answer 404 "Conversation not found" (e.g. after a client restart). */
  goneConversations = new Set<string>();
  /** Files a member attached in the personal chat, by name: served at `fileUrl(name)`, as Teams serves a downloadUrl. */
  files = new Map<string, string>();
  #server: Server | null = null;
  #next = 1000;
  serviceUrl = '';

  fileUrl(name: string): string {
    return this.serviceUrl.replace(/connector\/$/, `files/${encodeURIComponent(name)}`);
  }

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      if (req.url?.startsWith('/files/')) {
        const content = this.files.get(decodeURIComponent(req.url.slice('/files/'.length)));
        this.calls.push({ method: 'GET', path: req.url, conversationId: null, activityId: null, body: {} });
        res.writeHead(content === undefined ? 404 : 200, { 'content-type': 'application/octet-stream' });
        res.end(content ?? '');
        return;
      }
      void this.#handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: String(error) }));
        },
      );
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.serviceUrl = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/connector/`;
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

  clear(): void {
    this.calls.length = 0;
  }

  async #handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname.replace(/^\/connector/, ''));
    const body = req.method === 'GET' ? {} : await readJson(req);
    const match = /^\/v3\/conversations\/([^/]+)(?:\/(activities|pagedmembers|members)(?:\/([^/]+))?)?$/.exec(
      url.pathname.replace(/^\/connector/, ''),
    );
    const conversationId = match?.[1] ? decodeURIComponent(match[1]) : null;
    const activityId = match?.[3] ? decodeURIComponent(match[3]) : null;
    this.calls.push({ method: req.method ?? '', path, conversationId, activityId, body });

    if (req.method === 'POST' && path === '/v3/conversations') {
      const members = (body.members as { id: string }[] | undefined) ?? [];
      return { status: 201, body: { id: `a:personal-${members[0]?.id ?? 'unknown'}-${this.#next++}` } };
    }
    if (conversationId && this.goneConversations.has(conversationId)) {
      return { status: 404, body: { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } } };
    }
    if (match?.[2] === 'pagedmembers' && req.method === 'GET') {
      return { status: 200, body: { members: this.rosters.get(conversationId ?? '') ?? [] } };
    }
    if (match?.[2] === 'activities' && req.method === 'POST') return { status: 201, body: { id: String(this.#next++) } };
    if (match?.[2] === 'activities' && req.method === 'PUT') return { status: 200, body: { id: activityId } };
    return { status: 404, body: { error: { code: 'NotFound', message: `no stand-in for ${req.method} ${path}` } } };
  }

  /** Activities the bot sent (new messages and replies), optionally in one conversation. */
  sent(conversationId?: string): (ConnectorCall & { cardText: string })[] {
    return this.calls
      .filter((c) => c.method === 'POST' && c.path.includes('/activities') && (!conversationId || c.conversationId === conversationId))
      .map((c) => ({ ...c, cardText: cardText(c.body) }));
  }

  updates(): (ConnectorCall & { cardText: string })[] {
    return this.calls.filter((c) => c.method === 'PUT').map((c) => ({ ...c, cardText: cardText(c.body) }));
  }

  /** Waits until `predicate` holds for the recorded calls (background sends, debounced updates). */
  async waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs = 5_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > until)
        throw new Error(`the connector did not see the expected calls:\n${this.calls.map((c) => `${c.method} ${c.path}`).join('\n')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** Every text of a card (TextBlock texts, input labels, choice titles, action titles), joined: for assertions. */
export function cardText(activityOrCard: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && ['text', 'label', 'title', 'value', 'placeholder'].includes(key)) out.push(value);
      else walk(value);
    }
  };
  walk(activityOrCard);
  return out.join('\n');
}

/** The Adaptive Card of a sent activity or invoke response. */
export function cardOf(activity: Record<string, unknown>): Record<string, unknown> {
  const attachments = activity.attachments as { content: Record<string, unknown> }[] | undefined;
  const card = attachments?.[0]?.content;
  if (!card) throw new Error(`no card in ${JSON.stringify(activity).slice(0, 300)}`);
  return card;
}
