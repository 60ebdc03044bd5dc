/**
 * Benchmark: Slack rating clicks — signed block_actions requests against the real Slack adapter (Bolt on our
 * express app, the real database from MONGODB_URI [+ MONGODB_DB]), with a stand-in Slack on loopback that
 * answers the Web API and receives the private confirmations (response_url). Figures are printed, never asserted.
 *
 *   (a) the click path at saturation (16 members clicking, each waiting for their confirmation) vs the
 *       driver's bare `_id` upserts on the same database at the same concurrency: the storage ceiling (target ≥ 0.8);
 *   (b) 200 clicks per second for 30 s (open loop): time to the HTTP response, which Spiegel sends once the
 *       answer is stored (at the latest after 1.5 s), and to the private confirmation, p50/p99 (target p99 ≤ 50 ms);
 *       ratings lost: sent vs stored, less the clicks turned away with "busy, click again" (target 0);
 *       (first, for scale, 50 clicks/s for 10 s: latency when the database keeps up);
 *   (c) a bare Bolt app that only acknowledges, same machine, same load generator: its throughput beside ours.
 *
 * The app under test runs in a child process (its own event loop and core); the load generator and the
 * stand-in Slack run here. Bounded: about two minutes. `BENCH_QUICK=1` shortens every phase.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, request, Agent, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { MongoClient, type Collection, type Db } from 'mongodb';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const TEAM = 'TBENCH';
const CHANNEL = 'CBENCH';
const MEMBERS = 100;
const CRITERIA = 60;
const quick = process.env.BENCH_QUICK === '1';
const durations = {
  saturation: quick ? 4 : 15,
  bareUpserts: quick ? 3 : 10,
  breakdown: quick ? 2 : 4,
  light: quick ? 3 : 10,
  steady: quick ? 5 : 30,
  drain: quick ? 10 : 20,
  bareBolt: quick ? 3 : 8,
};
const CONCURRENCY = 16;
const RATE = 200;
const LIGHT_RATE = 50;

const member = (i: number) => `UM${String(i).padStart(4, '0')}`;
const criterion = (i: number) => `c-${i}`;

// ------------------------------------------------------------------------------------------------
// Child processes: the app under test, and a bare Bolt app.

type Role = 'spiegel' | 'bare';
interface FromChild {
  type: 'ready';
  port: number;
}
interface ToChild {
  type: 'stop';
}

async function runChild(role: Role, slackApiUrl: string, uri: string, dbName: string): Promise<void> {
  const { createHttpApp, listen } = await import('../src/http/http-server.js');
  const http = createHttpApp();
  let stop: () => Promise<void>;
  if (role === 'spiegel') {
    const { loadConfig } = await import('../src/config.js');
    const { createLogger } = await import('../src/logger.js');
    const { newRoundId } = await import('../src/app/context.js');
    const { systemClock } = await import('../src/app/ports.js');
    const { loadFrameworkCatalogue } = await import('../src/app/framework-catalogue.js');
    const { createMongoStores } = await import('../src/storage/mongo/mongo-stores.js');
    const { MongoSlackInstallationStore } = await import('../src/storage/mongo/slack-installation-store.js');
    const { MongoSlackWorkspaceStore } = await import('../src/storage/mongo/slack-workspace-store.js');
    const { mountSlack } = await import('../src/platforms/slack/index.js');
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
    await client.connect();
    const db = client.db(dbName);
    const config = loadConfig({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: slackApiUrl,
      LOG_LEVEL: 'error',
      DEFAULT_LOCALE: 'en',
    });
    const ctx = {
      stores: createMongoStores(db),
      clock: systemClock,
      frameworks: await loadFrameworkCatalogue(),
      secret: 'bench-pseudonym-secret-0123456789abcdef',
      newId: newRoundId,
    };
    const slack = await mountSlack(http, {
      config,
      logger: createLogger(config.LOG_LEVEL),
      ctx,
      installations: new MongoSlackInstallationStore(db),
      workspaces: new MongoSlackWorkspaceStore(db),
    });
    if (!slack) throw new Error('Slack not mounted');
    stop = async () => {
      await slack.stop();
      await client.close();
    };
  } else {
    const { App, ExpressReceiver } = await import('@slack/bolt');
    const express = (await import('express')).default;
    const router = express.Router();
    const receiver = new ExpressReceiver({ signingSecret: SECRET, router, endpoints: '/slack/events' });
    http.use(router);
    const app = new App({ receiver, token: 'xoxb-bench', botId: 'BBENCH', botUserId: 'UBENCHBOT', clientOptions: { slackApiUrl } });
    app.action(/.*/, async ({ ack }) => {
      await ack();
    });
    stop = async () => {};
  }
  const server = await listen(http, 0, '127.0.0.1');
  process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port } satisfies FromChild);
  process.on('message', (_message: ToChild) => {
    void stop().finally(() => server.close(() => process.exit(0)));
    server.closeAllConnections();
  });
}

function startChild(role: Role, slackApiUrl: string, uri: string, dbName: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['--child', role, slackApiUrl, uri, dbName], {
    execArgv: process.execArgv,
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: FromChild) => {
      resolve({ child, port: m.port });
    });
    child.once('exit', (code) => {
      reject(new Error(`${role} app exited with ${code}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' } satisfies ToChild);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

// ------------------------------------------------------------------------------------------------
// The stand-in Slack: Web API answers, and the confirmations' arrival times.

class StandInSlack {
  readonly confirmations = new Map<string, number>();
  /** Clicks whose confirmation turned them away (busy: click again). */
  readonly turnedAway = new Set<string>();
  readonly waiting = new Map<string, (at: number) => void>();
  webApiCalls: Record<string, number> = {};
  #server: Server | null = null;
  origin = '';

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        const path = req.url ?? '';
        if (path.startsWith('/respond/')) {
          const id = path.slice('/respond/'.length);
          const { text } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text?: unknown };
          if (typeof text === 'string' && text.includes('busy')) this.turnedAway.add(id);
          this.confirmations.set(id, at);
          this.waiting.get(id)?.(at);
          this.waiting.delete(id);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
          return;
        }
        const method = path.replace(/^\/api\//, '');
        this.webApiCalls[method] = (this.webApiCalls[method] ?? 0) + 1;
        const body =
          method === 'auth.test'
            ? { ok: true, user_id: 'UBENCHBOT', bot_id: 'BBENCH', team_id: TEAM }
            : method === 'users.info'
              ? { ok: true, user: { id: 'U', locale: 'en-GB', tz: 'Europe/Brussels', is_bot: false } }
              : { ok: true, ts: '1.1', channel: CHANNEL };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  confirmation(id: string): Promise<number> {
    const at = this.confirmations.get(id);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => {
      if (this.#server)
        this.#server.close(() => {
          resolve();
        });
      else resolve();
    });
  }
}

// ------------------------------------------------------------------------------------------------
// The load generator: signed block_actions over keep-alive connections.

interface Click {
  id: string;
  roundId: string;
  member: string;
  criterion: string;
  value: number;
}

function clickBody(click: Click, responseUrlBase: string): string {
  const payload = {
    type: 'block_actions',
    user: { id: click.member, username: click.member.toLowerCase(), name: click.member.toLowerCase(), team_id: TEAM },
    api_app_id: 'ABENCH',
    token: 'legacy',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: CHANNEL, is_ephemeral: false },
    trigger_id: `t.${click.id}`,
    team: { id: TEAM, domain: 'bench' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: CHANNEL, name: 'bench' },
    message: { type: 'message', ts: '1700000000.000100', text: 'Questions' },
    state: { values: {} },
    response_url: `${responseUrlBase}/respond/${click.id}`,
    actions: [
      {
        type: 'button',
        action_id: `spiegel.rate:${click.value}`,
        block_id: `rate|${click.criterion}|rating`,
        text: { type: 'plain_text', text: String(click.value), emoji: true },
        value: `${click.roundId}|${click.criterion}|rating|${click.value}`,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

function post(agent: Agent, port: number, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        },
      },
      (res: IncomingMessage) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const perSecond = (v: number) => `${v.toFixed(0)}/s`;

// ------------------------------------------------------------------------------------------------
// The data: two rounds of 60 criteria and 100 members (one per phase), written through the core's store.

async function seedRound(db: Db, name: string): Promise<string> {
  const { createMongoStores } = await import('../src/storage/mongo/mongo-stores.js');
  const { defaultReminderPlan, defaultSummarySettings } = await import('../src/domain/round.js');
  const stores = createMongoStores(db);
  await stores.ensureIndexes();
  const id = `bench-${name}-${randomBytes(3).toString('hex')}`;
  await stores.rounds.insert({
    id,
    place: { platform: 'slack', tenantId: `slack:${TEAM}`, channelId: CHANNEL },
    name: `Bench ${name}`,
    framework: {
      id: 'bench',
      version: '1',
      title: { nl: 'Bench', en: 'Bench' },
      scale: { min: 1, max: 5, labels: {}, allowNotApplicable: true },
      components: [{ id: 'part', title: { nl: 'Deel', en: 'Part' } }],
      criteria: Array.from({ length: CRITERIA }, (_, i) => ({
        id: criterion(i),
        component: 'part',
        perspective: 'process' as const,
        text: { nl: `Criterium ${i}`, en: `Criterion ${i}` },
      })),
      dimensions: [],
    },
    state: 'open',
    anonymous: false,
    locale: 'en',
    participants: Array.from({ length: MEMBERS }, (_, i) => member(i)),
    createdBy: member(0),
    coordinators: [member(0)],
    openedAt: new Date(),
    deadline: null,
    closedAt: null,
    settings: defaultSummarySettings,
    reminderPlan: defaultReminderPlan,
    recurrenceId: null,
    caseId: null,
    unitId: null,
    followUp: null,
    platformRefs: { slackIntroTs: '1700000000.000100' },
    revision: 0,
    reopenings: 0,
  });
  return id;
}

/** Closed loop: `concurrency` workers, each sending its next item when the previous one completed. */
async function closedLoop(
  seconds: number,
  concurrency: number,
  work: (n: number) => Promise<void>,
): Promise<{ done: number; elapsed: number }> {
  const started = performance.now();
  const until = started + seconds * 1000;
  let n = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await work(n++);
        done++;
      }
    }),
  );
  return { done, elapsed: (performance.now() - started) / 1000 };
}

async function bareUpserts(collection: Collection, roundId: string, seconds: number): Promise<number> {
  const { done, elapsed } = await closedLoop(seconds, CONCURRENCY, async (n) => {
    const key = `${roundId}/${criterion(n % CRITERIA)}/rating/${member(Math.floor(n / CRITERIA) % MEMBERS)}`;
    await collection.updateOne(
      { _id: key as never, tenantId: `slack:${TEAM}` },
      {
        $set: { value: (n % 5) + 1, updatedAt: new Date() },
        $setOnInsert: { roundId, criterionId: criterion(n % CRITERIA), dimension: 'rating', comment: null },
      },
      { upsert: true },
    );
  });
  return done / elapsed;
}

/** Where a click's time goes: the core's operations on the same database, same concurrency, no HTTP, no Slack. */
async function coreBreakdown(db: Db, roundId: string, seconds: number): Promise<Record<string, number>> {
  const { createMongoStores } = await import('../src/storage/mongo/mongo-stores.js');
  const { saveAnswers } = await import('../src/app/save-answers.js');
  const { systemClock } = await import('../src/app/ports.js');
  const stores = createMongoStores(db);
  const ctx = {
    stores,
    clock: systemClock,
    frameworks: {
      get: () => {
        throw new Error('unused');
      },
      list: () => [],
    },
    secret: 'bench-pseudonym-secret-0123456789abcdef',
    newId: () => 'unused',
  };
  const tenantId = `slack:${TEAM}`;
  const key = (n: number) => ({
    roundId,
    criterionId: criterion(n % CRITERIA),
    dimension: 'rating',
    respondent: member(Math.floor(n / CRITERIA) % MEMBERS),
  });
  const ops: Record<string, (n: number) => Promise<unknown>> = {
    'rounds.get': () => stores.rounds.get(tenantId, roundId),
    'responses.write': (n) => stores.responses.write(tenantId, key(n), { value: (n % 5) + 1, updatedAt: new Date() }),
    'participation.markAnswered': (n) => stores.participation.markAnswered(tenantId, { id: roundId }, member(n % MEMBERS), new Date()),
    saveAnswers: (n) =>
      saveAnswers(
        ctx,
        { tenantId, userId: member(n % MEMBERS), isAdmin: false },
        { roundId, answers: [{ criterionId: criterion(n % CRITERIA), value: (n % 5) + 1 }] },
      ),
  };
  const rates: Record<string, number> = {};
  for (const [name, op] of Object.entries(ops)) {
    const { done, elapsed } = await closedLoop(seconds, CONCURRENCY, async (n) => {
      await op(n);
    });
    rates[name] = done / elapsed;
  }
  return rates;
}

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    console.error('MONGODB_URI is required (npm run bench starts a database and sets it).');
    process.exit(2);
  }
  const ownDatabase = !process.env.MONGODB_DB;
  const dbName = process.env.MONGODB_DB ?? `spiegel_bench_slack_${randomBytes(4).toString('hex')}`;
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000, maxPoolSize: 32 });
  await client.connect();
  const db = client.db(dbName);
  const slack = new StandInSlack();
  await slack.start();
  // As many connections as there are requests in flight, as Slack does: no queueing in the load generator.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const report: Record<string, number | string> = { database: process.env.BENCH_DATABASE_KIND ?? 'MONGODB_URI' };
  let spiegel: { child: ChildProcess; port: number } | null = null;
  let bare: { child: ChildProcess; port: number } | null = null;
  try {
    const [roundA, roundB] = [await seedRound(db, 'saturation'), await seedRound(db, 'steady')];
    spiegel = await startChild('spiegel', `${slack.origin}/api/`, uri, dbName);
    const sendClick = async (click: Click, onAck?: (ms: number) => void) => {
      const sent = performance.now();
      const status = await post(agent, spiegel!.port, clickBody(click, slack.origin));
      const acked = performance.now();
      if (status !== 200) throw new Error(`click answered ${status}`);
      onAck?.(acked - sent);
      const confirmed = await slack.confirmation(click.id);
      return { ack: acked - sent, confirm: confirmed - sent };
    };

    /** Open loop: clicks sent on a fixed schedule whatever the app's pace; resolves once every click is sent. */
    const openLoop = async (rate: number, seconds: number, make: (n: number) => Click) => {
      const acks: number[] = [];
      const confirms: number[] = [];
      const acked: Click[] = [];
      let failed = 0;
      const clicks: Promise<void>[] = [];
      const started = performance.now();
      for (let n = 0; n < rate * seconds; n++) {
        const wait = started + (n * 1000) / rate - performance.now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        const click = make(n);
        clicks.push(
          sendClick(click, (ack) => {
            acks.push(ack);
            acked.push(click);
          }).then(
            (r) => {
              confirms.push(r.confirm);
            },
            () => {
              failed++;
            },
          ),
        );
      }
      return { acks, confirms, acked, failed: () => failed, done: Promise.all(clicks) };
    };

    // Warm-up: every member once (users.info, Bolt's auth.test, connection pools).
    await Promise.all(
      Array.from({ length: MEMBERS }, (_, i) =>
        sendClick({ id: `warm-${i}`, roundId: roundA, member: member(i), criterion: criterion(0), value: 3 }),
      ),
    );

    // (a) saturation vs the bare upsert ceiling
    console.log(
      `(a) saturation: ${CONCURRENCY} members clicking, each waiting for their confirmation, ${durations.saturation} s; bare upserts ${durations.bareUpserts} s`,
    );
    const ceiling = await bareUpserts(db.collection('bench_bare_upserts'), roundA, durations.bareUpserts);
    const acksA: number[] = [];
    const confirmsA: number[] = [];
    const { done, elapsed } = await closedLoop(durations.saturation, CONCURRENCY, async (n) => {
      const r = await sendClick({
        id: `a-${n}`,
        roundId: roundA,
        member: member(n % MEMBERS),
        criterion: criterion(Math.floor(n / MEMBERS) % CRITERIA),
        value: (n % 5) + 1,
      });
      acksA.push(r.ack);
      confirmsA.push(r.confirm);
    });
    const clickRate = done / elapsed;
    console.log(
      `    click path    ${perSecond(clickRate).padStart(7)}  (stored and confirmed clicks; response (stored) p50 ${ms(percentile(acksA, 50))}, p99 ${ms(percentile(acksA, 99))}; confirmation p50 ${ms(percentile(confirmsA, 50))}, p99 ${ms(percentile(confirmsA, 99))})`,
    );
    console.log(
      `    bare upserts  ${perSecond(ceiling).padStart(7)}  (driver updateOne upsert by _id, same database, concurrency ${CONCURRENCY})`,
    );
    console.log(`    ratio         ${(clickRate / ceiling).toFixed(2)}   (target ≥ 0.8)`);
    Object.assign(report, { clickRate, bareUpsertRate: ceiling, ratio: clickRate / ceiling });
    const breakdown = await coreBreakdown(db, roundA, durations.breakdown);
    console.log(`    where a click's time goes (the core alone, same database, concurrency ${CONCURRENCY}):`);
    for (const [name, rate] of Object.entries(breakdown)) console.log(`      ${name.padEnd(28)} ${perSecond(rate).padStart(7)}`);
    Object.assign(report, Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [`core.${k}`, v])));

    // (b) 200 clicks per second for 30 s, each on its own (member, criterion): every one must be stored.
    // First, for scale, a lighter load the database can follow (latency without a backlog).
    const light = await openLoop(LIGHT_RATE, durations.light, (n) => ({
      id: `l-${n}`,
      roundId: roundA,
      member: member(n % MEMBERS),
      criterion: criterion(n % CRITERIA),
      value: (n % 5) + 1,
    }));
    await light.done;
    console.log(`(b) open loop, ${LIGHT_RATE} clicks/s for ${durations.light} s (for scale)`);
    console.log(
      `    time to HTTP response (the answer stored)  p50 ${ms(percentile(light.acks, 50))}  p99 ${ms(percentile(light.acks, 99))}`,
    );
    console.log(
      `    time to the private confirmation           p50 ${ms(percentile(light.confirms, 50))}  p99 ${ms(percentile(light.confirms, 99))}`,
    );
    Object.assign(report, {
      lightRate: LIGHT_RATE,
      lightAckP50: percentile(light.acks, 50),
      lightAckP99: percentile(light.acks, 99),
      lightConfirmP99: percentile(light.confirms, 99),
    });

    const total = RATE * durations.steady;
    console.log(`(b) steady load: ${RATE} clicks/s for ${durations.steady} s (${total} clicks, open loop)`);
    const steady = await openLoop(RATE, durations.steady, (n) => ({
      id: `b-${n}`,
      roundId: roundB,
      member: member(n % MEMBERS),
      criterion: criterion(Math.floor(n / MEMBERS) % CRITERIA),
      value: (n % 5) + 1,
    }));
    const { acks: acksB, confirms: confirmsB } = steady;
    await Promise.race([steady.done, new Promise((r) => setTimeout(r, durations.drain * 1000))]);
    await stopChild(spiegel.child); // lets acknowledged clicks finish storing (mountSlack's stop drains them)
    spiegel = null;
    const storedKeys = new Set(
      (
        await db
          .collection('responses')
          .find({ roundId: roundB }, { projection: { criterionId: 1, respondent: 1 } })
          .toArray()
      ).map((d) => `${String(d.respondent)}/${String(d.criterionId)}`),
    );
    const stored = storedKeys.size;
    const turnedAway = steady.acked.filter((c) => slack.turnedAway.has(c.id)).length;
    // Lost: Slack was told "received" (HTTP 200), the member was not told to click again, and the answer is not stored.
    const lost = steady.acked.filter((c) => !slack.turnedAway.has(c.id) && !storedKeys.has(`${c.member}/${c.criterion}`)).length;
    console.log(
      `    time to HTTP response (the answer stored)  p50 ${ms(percentile(acksB, 50))}  p99 ${ms(percentile(acksB, 99))}  max ${ms(Math.max(...acksB))}   (target p99 ≤ 50 ms)`,
    );
    console.log(
      `    time to the private confirmation           p50 ${ms(percentile(confirmsB, 50))}  p99 ${ms(percentile(confirmsB, 99))}  max ${ms(Math.max(...confirmsB))}`,
    );
    console.log(
      `    sent ${total}, acknowledged ${steady.acked.length}, not acknowledged ${steady.failed()}, turned away "busy, click again" ${turnedAway}, stored ${stored}`,
    );
    console.log(`    lost ${lost} (acknowledged, not turned away, not stored)   (target 0)`);
    console.log(`    progress updates (chat.update) during the run: ${slack.webApiCalls['chat.update'] ?? 0}`);
    Object.assign(report, {
      steadyAckP50: percentile(acksB, 50),
      steadyAckP99: percentile(acksB, 99),
      steadyConfirmP50: percentile(confirmsB, 50),
      steadyConfirmP99: percentile(confirmsB, 99),
      sent: total,
      acknowledged: steady.acked.length,
      confirmed: confirmsB.length,
      turnedAway,
      stored,
      lost,
      chatUpdates: slack.webApiCalls['chat.update'] ?? 0,
    });

    // (c) a bare Bolt app that only acknowledges, same load generator (closed loop on the HTTP response).
    bare = await startChild('bare', `${slack.origin}/api/`, uri, dbName);
    const acksC: number[] = [];
    const c = await closedLoop(durations.bareBolt, CONCURRENCY, async (n) => {
      const sent = performance.now();
      await post(
        agent,
        bare!.port,
        clickBody({ id: `c-${n}`, roundId: roundA, member: member(n % MEMBERS), criterion: criterion(0), value: 3 }, slack.origin),
      );
      acksC.push(performance.now() - sent);
    });
    const bareRate = c.done / c.elapsed;
    console.log(`(c) bare Bolt app (ack only), concurrency ${CONCURRENCY}, ${durations.bareBolt} s`);
    console.log(
      `    bare Bolt     ${perSecond(bareRate).padStart(7)}  (ack p50 ${ms(percentile(acksC, 50))}, p99 ${ms(percentile(acksC, 99))})`,
    );
    console.log(`    Spiegel       ${perSecond(clickRate).padStart(7)}  (stored and confirmed clicks, from (a))`);
    Object.assign(report, { bareBoltRate: bareRate });
    console.log(JSON.stringify({ bench: 'slack-clicks', ...report }));
  } finally {
    if (spiegel) await stopChild(spiegel.child);
    if (bare) await stopChild(bare.child);
    agent.destroy();
    await slack.stop();
    if (ownDatabase) await db.dropDatabase().catch(() => {});
    await client.close();
  }
}

if (process.argv[2] === '--child') {
  const [, , , role, slackApiUrl, uri, dbName] = process.argv;
  await runChild(role as Role, slackApiUrl!, uri!, dbName!);
} else {
  await main();
}
