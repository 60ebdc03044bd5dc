/**
 * Benchmark: Slack rating clicks — signed block_actions requests against the real Slack adapter (Bolt on our
 * express app, the real database from MONGODB_URI [+ MONGODB_DB]), with a stand-in Slack on loopback that
 * answers the Web API and receives the private confirmations (response_url). Figures are printed, never asserted.
 *
 *   (a) database commands per click, counted in the app (driver command monitoring): on the common path (the
 *       member's marker known) at most one round read and one answer write; a member's first answer adds the
 *       marker, once;
 *   (b) the click path at saturation (16 members clicking, each waiting for their confirmation; every click a
 *       member's first answer to its criterion, in fresh rounds) vs the bare driver doing the same minimal work
 *       per click (a point read of the round, an `_id` upsert of the answer) at the same concurrency: the ratio
 *       (target ≥ 0.8). The click path inserts a first answer (on FerretDB a quarter of an upsert's cost to the
 *       database) and updates only one that exists, so the bare driver doing a point read and an insert is
 *       printed beside it: the ratio to that one is the cost of the path itself;
 *   (c) capacity: open-loop runs at 50, 100, 150, 200 and 300 clicks/s, BENCH_OPEN_SECONDS (default 20) each, each
 *       in a fresh round (every click a member's first answer to its criterion, as when a team rates together):
 *       time to acknowledgement (HTTP 200, sent once the answer is stored) p50/p99, turned away ("busy, click
 *       again") and unacknowledged counts; the highest rate with p99 ≤ 1 s and none turned away or unacknowledged.
 *       Then answer changes (the last round's answers given again with other values) at 200 clicks/s: an update,
 *       which FerretDB 1.24 finds by scanning all answers stored; on FerretDB over PostgreSQL, the same once more
 *       after tools/ferretdb/postgresql-indexes.sql.
 *       A bare Bolt app (its action handler only acknowledges) at the same rates, BENCH_BOLT_SECONDS (default 5) each,
 *       beside it.
 *
 * The app under test runs in a child process (its own event loop); the load generator and the stand-in Slack
 * run here. `BENCH_QUICK=1` shortens every phase.
 */
import { roundFixture } from '../test/support/round-fixture.js';
import { addFerretdbIndexes, benchPostgresql } from './support/bench-context.js';
import { fork, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, request, Agent, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { MongoClient, type Db } from 'mongodb';

const SECRET = 'bench-signing-secret-0123456789abcdef';
const TEAM = 'TBENCH';
const CHANNEL = 'CBENCH';
const MEMBERS = 100;
const CRITERIA = 60;
const quick = process.env.BENCH_QUICK === '1';
const seconds = (name: string, fallback: number) => Number(process.env[name] ?? (quick ? Math.min(3, fallback) : fallback));
const durations = {
  saturation: quick ? 4 : 15,
  bare: quick ? 3 : 10,
  open: seconds('BENCH_OPEN_SECONDS', 20),
  bolt: seconds('BENCH_BOLT_SECONDS', 5),
};
const CONCURRENCY = 16;
const RATES = [50, 100, 150, 200, 300];
/** Answer changes (a stored answer given another value), open loop. */
const CHANGES_RATE = 200;
/** Clicks sent one at a time for the command count. */
const COUNTED = 200;

const member = (i: number) => `UM${String(i).padStart(4, '0')}`;
const criterion = (i: number) => `c-${i}`;

// ------------------------------------------------------------------------------------------------
// Child processes: the app under test, and a bare Bolt app.

type Role = 'spiegel' | 'bare';
type FromChild = { type: 'ready'; port: number } | { type: 'commands'; commands: Record<string, number>; cpuMs: number };
type ToChild = { type: 'stop' } | { type: 'commands' };

/** A command's name and collection (`find rounds`), as the driver's monitoring reports it. */
function commandKey(name: string, command: Record<string, unknown>): string {
  const collection = command[name];
  return typeof collection === 'string' ? `${name} ${collection}` : name;
}

async function runChild(role: Role, slackApiUrl: string, uri: string, dbName: string): Promise<void> {
  const { createHttpApp, listen } = await import('../src/http/http-server.js');
  const http = createHttpApp();
  let stop: () => Promise<void>;
  let commands: Record<string, number> = {};
  let cpuMark = process.cpuUsage();
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
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000, monitorCommands: true });
    client.on('commandStarted', (event) => {
      const key = commandKey(event.commandName, event.command);
      commands[key] = (commands[key] ?? 0) + 1;
    });
    await client.connect();
    const db = client.db(dbName);
    const config = loadConfig({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: slackApiUrl,
      // Bolt logs every click deliberately left unacknowledged at error level; the bench counts them itself.
      LOG_LEVEL: 'fatal',
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
  process.on('message', (message: ToChild) => {
    if (message.type === 'commands') {
      const cpu = process.cpuUsage(cpuMark);
      process.send?.({ type: 'commands', commands, cpuMs: (cpu.user + cpu.system) / 1000 } satisfies FromChild);
      commands = {};
      cpuMark = process.cpuUsage();
      return;
    }
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
      if (m.type === 'ready') resolve({ child, port: m.port });
    });
    child.once('exit', (code) => {
      reject(new Error(`${role} app exited with ${code}`));
    });
  });
}

/** The database commands the app sent since the last call, by command and collection, and the CPU time it used. */
function usageOf(child: ChildProcess): Promise<{ commands: Record<string, number>; cpuMs: number }> {
  return new Promise((resolve) => {
    const listener = (m: FromChild) => {
      if (m.type !== 'commands') return;
      child.off('message', listener);
      resolve(m);
    };
    child.on('message', listener);
    child.send({ type: 'commands' } satisfies ToChild);
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
  const stores = createMongoStores(db);
  await stores.ensureIndexes();
  const id = `bench-${name}-${randomBytes(3).toString('hex')}`;
  await stores.rounds.insert(
    roundFixture({
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
        questions: [],
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
      platformRefs: { slackIntroTs: '1700000000.000100' },
    }),
  );
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

/**
 * The bare driver doing a click's minimal work: a point read of the round, then the answer's `_id` upsert (the
 * issue's ceiling) or, as the click path stores a first answer, its insert.
 */
async function bareClicks(db: Db, roundId: string, seconds: number, write: 'upsert' | 'insert'): Promise<number> {
  const rounds = db.collection<{ _id: string }>('rounds');
  const answers = db.collection<{ _id: string } & Record<string, unknown>>(`bench_bare_${write}s`);
  const { done, elapsed } = await closedLoop(seconds, CONCURRENCY, async (n) => {
    await rounds.findOne({ _id: roundId, tenantId: `slack:${TEAM}` });
    const _id = `${roundId}/${criterion(n % CRITERIA)}/rating/${member(Math.floor(n / CRITERIA) % MEMBERS)}`;
    const fields = { roundId, criterionId: criterion(n % CRITERIA), dimension: 'rating', comment: null };
    if (write === 'insert')
      await answers.insertOne({ _id: `${_id}/${n}`, tenantId: `slack:${TEAM}`, ...fields, value: (n % 5) + 1, updatedAt: new Date() });
    else
      await answers.updateOne(
        { _id, tenantId: `slack:${TEAM}` },
        { $set: { value: (n % 5) + 1, updatedAt: new Date() }, $setOnInsert: fields },
        { upsert: true },
      );
  });
  return done / elapsed;
}

interface OpenRun {
  rate: number;
  sent: number;
  acked: number;
  turnedAway: number;
  unacknowledged: number;
  p50: number;
  p99: number;
}

/** Open loop: `rate` clicks a second for `seconds`, whatever the app's pace; resolves once every click is answered. */
async function openLoop(
  agent: Agent,
  port: number,
  slack: StandInSlack,
  rate: number,
  seconds: number,
  make: (n: number) => Click,
): Promise<OpenRun> {
  const acks: number[] = [];
  const acked: Click[] = [];
  let unacknowledged = 0;
  const clicks: Promise<void>[] = [];
  const started = performance.now();
  const total = Math.round(rate * seconds);
  for (let n = 0; n < total; n++) {
    const wait = started + (n * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const click = make(n);
    const sent = performance.now();
    clicks.push(
      post(agent, port, clickBody(click, slack.origin)).then(
        (status) => {
          if (status !== 200) unacknowledged++;
          else {
            acks.push(performance.now() - sent);
            acked.push(click);
          }
        },
        () => {
          unacknowledged++;
        },
      ),
    );
  }
  await Promise.all(clicks);
  // A turned-away click is acknowledged first, then told "busy": wait for its message.
  await Promise.race([Promise.all(acked.map((c) => slack.confirmation(c.id))), new Promise((r) => setTimeout(r, 5_000))]);
  return {
    rate,
    sent: total,
    acked: acks.length,
    turnedAway: acked.filter((c) => slack.turnedAway.has(c.id)).length,
    unacknowledged,
    p50: percentile(acks, 50),
    p99: percentile(acks, 99),
  };
}

const perClick = (count: number | undefined, clicks: number) => ((count ?? 0) / clicks).toFixed(2);
/** The click path's commands: the round read, the answer write (a first answer's insert, else an update returning it), the marker. */
const clickCommands = {
  roundReads: ['find rounds'],
  answerWrites: ['insert responses', 'findAndModify responses', 'update responses'],
  markerInserts: ['insert answered'],
};
const sum = (commands: Record<string, number>, keys: string[]) => keys.reduce((total, key) => total + (commands[key] ?? 0), 0);
const describeCounts = (commands: Record<string, number>, clicks: number) =>
  `round reads ${perClick(sum(commands, clickCommands.roundReads), clicks)}, answer writes ${perClick(sum(commands, clickCommands.answerWrites), clicks)}, marker inserts ${perClick(sum(commands, clickCommands.markerInserts), clicks)}`;

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
  const report: Record<string, unknown> = { database: process.env.BENCH_DATABASE_KIND ?? 'MONGODB_URI' };
  let spiegel: { child: ChildProcess; port: number } | null = null;
  let bare: { child: ChildProcess; port: number } | null = null;
  try {
    const [roundA, roundB] = [await seedRound(db, 'counted'), await seedRound(db, 'load')];
    spiegel = await startChild('spiegel', `${slack.origin}/api/`, uri, dbName);
    const { port } = spiegel;
    const sendClick = async (click: Click) => {
      const sent = performance.now();
      const status = await post(agent, port, clickBody(click, slack.origin));
      const acked = performance.now();
      if (status !== 200) throw new Error(`click answered ${status}`);
      await slack.confirmation(click.id);
      return acked - sent;
    };
    // Warm-up: every member once in each round (users.info, Bolt's auth.test, connection pools, the markers), ten
    // at a time; a click the cold process does not store in time is confirmed late, which is all that is waited for.
    for (const roundId of [roundA, roundB])
      for (let i = 0; i < MEMBERS; i += 10)
        await Promise.all(
          Array.from({ length: 10 }, async (_, j) => {
            const click = { id: `warm-${roundId}-${i + j}`, roundId, member: member(i + j), criterion: criterion(0), value: 3 };
            await post(agent, port, clickBody(click, slack.origin));
            await slack.confirmation(click.id);
          }),
        );
    await usageOf(spiegel.child);

    // (a) commands per click, one click at a time: the common path, then members' first answers in a round.
    const counted = async (round: string, name: string, count: number) => {
      for (let n = 0; n < count; n++)
        await sendClick({
          id: `${name}-${n}`,
          roundId: round,
          member: member(n % MEMBERS),
          criterion: criterion(1 + Math.floor(n / MEMBERS)),
          value: (n % 5) + 1,
        });
      return (await usageOf(spiegel!.child)).commands;
    };
    const common = await counted(roundA, 'common', COUNTED);
    const firstRound = await seedRound(db, 'first');
    const first = await counted(firstRound, 'first', MEMBERS);
    console.log(`(a) database commands per click, counted in the app (driver command monitoring)`);
    console.log(`    common path (${COUNTED} clicks, markers known):  ${describeCounts(common, COUNTED)}   (target ≤ 1, 1, 0)`);
    console.log(`    first answer of ${MEMBERS} members in a round:   ${describeCounts(first, MEMBERS)}   (target ≤ 1, 1, 1)`);
    const others = Object.entries(common).filter(([k]) => !Object.values(clickCommands).flat().includes(k));
    console.log(
      `    other commands during the common-path clicks (debounced progress updates, background): ${others.map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    );
    Object.assign(report, { commonPath: common, firstAnswers: first });

    // (b) saturation vs the bare driver doing a click's minimal work at the same concurrency
    const ceiling = await bareClicks(db, roundA, durations.bare, 'upsert');
    const insertCeiling = await bareClicks(db, roundA, durations.bare, 'insert');
    await usageOf(spiegel.child);
    // Every click a first answer, as in the open loop: a round takes MEMBERS × CRITERIA of them.
    const saturationRounds = [await seedRound(db, 'sat-1'), await seedRound(db, 'sat-2'), await seedRound(db, 'sat-3')];
    const acksB: number[] = [];
    const loadCpu = process.cpuUsage();
    const { done, elapsed } = await closedLoop(durations.saturation, CONCURRENCY, async (n) => {
      acksB.push(
        await sendClick({
          id: `b-${n}`,
          roundId: saturationRounds[Math.floor(n / (MEMBERS * CRITERIA)) % saturationRounds.length]!,
          member: member(n % MEMBERS),
          criterion: criterion(Math.floor(n / MEMBERS) % CRITERIA),
          value: (n % 5) + 1,
        }),
      );
    });
    const clickRate = done / elapsed;
    const { user, system } = process.cpuUsage(loadCpu);
    const loadCpuPerClick = (user + system) / 1000 / done;
    const saturated = await usageOf(spiegel.child);
    const cpuPerClick = saturated.cpuMs / done;
    console.log(
      `(b) saturation: ${CONCURRENCY} members clicking, each waiting for their confirmation (${durations.saturation} s); bare driver ${durations.bare} s`,
    );
    console.log(
      `    click path    ${perSecond(clickRate).padStart(7)}  (stored and confirmed; acknowledgement p50 ${ms(percentile(acksB, 50))}, p99 ${ms(percentile(acksB, 99))})`,
    );
    console.log(
      `    bare driver   ${perSecond(ceiling).padStart(7)}  (findOne round by _id + updateOne upsert by _id, concurrency ${CONCURRENCY})`,
    );
    console.log(`    ratio         ${(clickRate / ceiling).toFixed(2)}   (target ≥ 0.8)`);
    console.log(
      `    bare driver   ${perSecond(insertCeiling).padStart(7)}  (findOne round by _id + insertOne, as the click path stores a first answer; ratio ${(clickRate / insertCeiling).toFixed(2)})`,
    );
    console.log(`    app CPU per click ${cpuPerClick.toFixed(2)} ms (user + system, the app process only; the database's is not counted)`);
    console.log(
      `    load generator CPU per click ${loadCpuPerClick.toFixed(2)} ms (signing, sending, the stand-in Slack taking the confirmation: this process, on the same cores)`,
    );
    console.log(
      `    database commands per click: ${describeCounts(saturated.commands, done)} (clicks on one round share a round read sent after each of them arrived)`,
    );
    Object.assign(report, {
      saturationCommands: saturated.commands,
      loadGeneratorCpuMsPerClick: loadCpuPerClick,
      clickRate,
      bareDriverRate: ceiling,
      bareDriverInsertRate: insertCeiling,
      ratio: clickRate / ceiling,
      appCpuMsPerClick: cpuPerClick,
    });

    // (c) capacity: open loop at each rate, each in a round of its own, so that every click is a member's first answer
    // to its criterion (as when a team rates together at the end of a meeting); then answer changes.
    const make =
      (prefix: string, roundId: string, shift = 0) =>
      (n: number): Click => ({
        id: `${prefix}-${n}`,
        roundId,
        member: member(n % MEMBERS),
        criterion: criterion(Math.floor(n / MEMBERS) % CRITERIA),
        value: ((n + shift) % 5) + 1,
      });
    const runs: OpenRun[] = [];
    let lastRound = roundB;
    for (const rate of RATES) {
      lastRound = await seedRound(db, `open-${rate}`);
      runs.push(await openLoop(agent, port, slack, rate, durations.open, make(`c${rate}`, lastRound)));
      await new Promise((r) => setTimeout(r, 2_000));
    }
    // The last round's answers given again, each with another value: a stored answer replaced costs the database more.
    const changes = await openLoop(agent, port, slack, CHANGES_RATE, durations.open, make('changes', lastRound, 2));
    // Again, once PostgreSQL has indexes it can use for FerretDB's queries (README, Databases).
    const postgresql = benchPostgresql();
    if (postgresql) await addFerretdbIndexes(postgresql, dbName);
    const indexedChanges = postgresql
      ? await openLoop(agent, port, slack, CHANGES_RATE, durations.open, make('changes-indexed', lastRound, 4))
      : null;
    await stopChild(spiegel.child);
    spiegel = null;
    bare = await startChild('bare', `${slack.origin}/api/`, uri, dbName);
    const boltRuns: OpenRun[] = [];
    for (const rate of RATES) boltRuns.push(await openLoop(agent, bare.port, slack, rate, durations.bolt, make(`bolt${rate}`, roundB)));
    console.log(`(c) open loop, ${durations.open} s per rate (bare Bolt ${durations.bolt} s): time to acknowledgement`);
    console.log('    rate/s   Spiegel p50    p99        turned away  unacknowledged   | bare Bolt p50   p99');
    for (const [i, r] of runs.entries()) {
      const b = boltRuns[i]!;
      console.log(
        `    ${String(r.rate).padStart(6)}   ${ms(r.p50).padStart(10)} ${ms(r.p99).padStart(10)}   ${String(r.turnedAway).padStart(5)}/${r.sent}  ${String(r.unacknowledged).padStart(8)}         | ${ms(b.p50).padStart(10)} ${ms(b.p99).padStart(10)}`,
      );
    }
    console.log(
      `    answer changes at ${CHANGES_RATE}/s: p50 ${ms(changes.p50)}, p99 ${ms(changes.p99)}, turned away ${changes.turnedAway}/${changes.sent}, unacknowledged ${changes.unacknowledged}`,
    );
    if (indexedChanges)
      console.log(
        `    the same after tools/ferretdb/postgresql-indexes.sql: p50 ${ms(indexedChanges.p50)}, p99 ${ms(indexedChanges.p99)}, turned away ${indexedChanges.turnedAway}/${indexedChanges.sent}, unacknowledged ${indexedChanges.unacknowledged}`,
      );
    const capacity = runs.filter((r) => r.p99 <= 1000 && r.turnedAway === 0 && r.unacknowledged === 0).map((r) => r.rate);
    const highest = capacity.length > 0 ? Math.max(...capacity) : 0;
    console.log(
      `    highest rate with p99 ≤ 1 s and none turned away or unacknowledged: ${highest ? `${highest} clicks/s` : 'none of the rates'}   (target ≥ 300)`,
    );
    Object.assign(report, { open: runs, changes, indexedChanges, bareBolt: boltRuns, capacity: highest });
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
