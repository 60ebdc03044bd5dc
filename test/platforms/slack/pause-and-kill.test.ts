/**
 * Nothing acknowledged is lost. The bot runs as a real process (src/main.ts) on an embedded FerretDB that this
 * test starts, so it can stop the database process (SIGSTOP) and let it go on (SIGCONT). Signed rating clicks
 * come in while the database stands still; then the bot is killed (kill -9), started again, and the database
 * resumed. Counted per click: every click answered HTTP 200 other than "busy" has its answer stored; every answer
 * that is not stored was turned away with a message, or never acknowledged. First, a shorter pause that ends
 * while the bot lives: clicks it could not store in Slack's window are left unacknowledged, then confirmed
 * privately ("saved after all") once the database answers again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openRound } from '../../../src/app/rounds.js';
import { encodeRate } from '../../../src/platforms/slack/ids.js';
import { ensureFerretdbBinary } from '../../../src/storage/local-database/ferretdb-build.js';
import { startFerretdbOnSqlite, type FerretdbOnSqlite } from '../../../src/storage/local-database/ferretdb-sqlite.js';
import { createTestContext } from '../../support/app-context.js';
import { FakeSlack } from './support/fake-slack.js';
import { blockActionPayload, form, interactionBody, postSigned } from './support/requests.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SECRET = 'pause-and-kill-signing-secret-0123456789';
const TEAM = 'TPAUSE';
const CHANNEL = 'CPAUSE';
const tenantId = `slack:${TEAM}`;
const DB_NAME = 'pause_and_kill';
const CRITERIA = ['go-clear', 'go-contribution', 'go-priorities', 'wl-manageable', 'wl-means', 'wl-energy'];
const MEMBERS = Array.from({ length: 60 }, (_, i) => `UM${String(i).padStart(3, '0')}`);
/** More than the bot keeps in flight (32 storing + 96 waiting), so some are turned away as busy. */
const BURST = 200;
const BURST_PER_SECOND = 50;
const CLICKS_BEFORE_PAUSE = 25;

let ferret: FerretdbOnSqlite;
let client: MongoClient;
let fake: FakeSlack;
let port: number;
let roundId: string;
let bot: ChildProcess | null = null;
let paused = false;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(50);
}

function pauseDatabase(): void {
  process.kill(ferret.pid!, 'SIGSTOP');
  paused = true;
}

function resumeDatabase(): void {
  process.kill(ferret.pid!, 'SIGCONT');
  paused = false;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return free;
}

/** `npm start` as a process of its own, serving Slack on `port` against the paused-or-not database. */
function startBot(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      MONGODB_URI: ferret.uri,
      MONGODB_DB: DB_NAME,
      SPIEGEL_SECRET: 'pause-and-kill-pseudonym-secret-0123456789',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-pause-and-kill',
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      DEFAULT_LOCALE: 'en',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  bot = child;
  return child;
}

async function untilServing(child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('the bot exited while starting');
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
}

async function killBot(): Promise<void> {
  const child = bot;
  if (child?.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

interface Click {
  id: string;
  member: string;
  criterion: string;
  value: number;
  /** HTTP status, or null when the connection broke before any answer (the bot was killed). */
  status?: number | null;
}

let sequence = 0;

function click(member: string, criterion: string, value: number): Click {
  return { id: `click-${++sequence}`, member, criterion, value };
}

async function send(c: Click): Promise<Click> {
  const payload = blockActionPayload({
    teamId: TEAM,
    userId: c.member,
    channelId: CHANNEL,
    responseUrl: fake.responseUrl(c.id),
    actionId: `spiegel.rate:${c.value}`,
    blockId: `rate|${c.criterion}|rating`,
    value: encodeRate({ roundId, criterionId: c.criterion, dimension: 'rating', value: String(c.value) }),
  });
  c.status = await postSigned(`http://127.0.0.1:${port}`, SECRET, interactionBody(payload), form).then(
    (reply) => reply.status,
    () => null,
  );
  return c;
}

/** The private messages a click got through its response_url. */
const told = (c: Click) => fake.responses(c.id).map((r) => String(r.body.text));
const busy = (c: Click) => told(c).some((text) => text.includes('Spiegel is very busy right now'));

async function storedAnswers(): Promise<Map<string, unknown>> {
  const docs = await client.db(DB_NAME).collection('responses').find({ roundId }).toArray();
  return new Map(docs.map((d) => [`${String(d.respondent)}/${String(d.criterionId)}`, d.value]));
}

const keyOf = (c: Click) => `${c.member}/${c.criterion}`;

beforeAll(async () => {
  const binary = await ensureFerretdbBinary(path.join(root, '.data'), () => {});
  if ('problem' in binary) throw new Error(`the embedded FerretDB is needed for this test: ${binary.problem}`);
  ferret = await startFerretdbOnSqlite(binary.path, path.join(root, '.data'), false);
  client = new MongoClient(ferret.uri, { serverSelectionTimeoutMS: 60_000 });
  await client.connect();
  const ctx = await createTestContext(client.db(DB_NAME));
  const round = await openRound(
    ctx,
    { tenantId, userId: MEMBERS[0]!, isAdmin: false },
    {
      place: { platform: 'slack', tenantId, channelId: CHANNEL },
      frameworkId: 'team-health',
      criterionIds: CRITERIA,
      participants: MEMBERS,
      locale: 'en',
    },
  );
  roundId = round.id;
  fake = new FakeSlack();
  fake.users = Object.fromEntries(MEMBERS.map((m) => [m, { locale: 'en-GB' }]));
  await fake.start();
  port = await freePort();
  const started = startBot();
  await untilServing(started);
  // Warm: the bot's Slack identity and the members' languages are known before the database stops.
  await Promise.all(MEMBERS.map((m) => send(click(m, CRITERIA[0]!, 3))));
}, 180_000);

afterAll(async () => {
  if (paused) resumeDatabase();
  await killBot();
  await fake?.stop();
  await client?.close();
  await ferret?.stop();
});

it('a click not stored within Slack’s window is left unacknowledged, then confirmed privately once stored', async () => {
  const clicks = MEMBERS.slice(0, 5).map((m) => click(m, CRITERIA[1]!, 2));
  pauseDatabase();
  // Bolt answers 404 to a request its listener never acknowledged (after Slack's 3 s): only then go on.
  const sent = await Promise.all(clicks.map(send));
  expect(sent.map((c) => c.status)).toEqual(clicks.map(() => 404));
  resumeDatabase();
  await until(() => clicks.every((c) => told(c).length > 0));
  for (const c of clicks) expect(told(c)).toEqual([expect.stringMatching(/^Saved after all: /)]);
  const stored = await storedAnswers();
  for (const c of clicks) expect(stored.get(keyOf(c))).toBe(2);
}, 30_000);

it('a burst while the database stands still, then kill -9: every acknowledged click is stored, every other click was told or never acknowledged', async () => {
  // Each click on its own (member, criterion), none answered before.
  const keys = MEMBERS.flatMap((m) => CRITERIA.slice(2).map((c) => [m, c] as const)).slice(0, BURST);
  expect(keys).toHaveLength(BURST);
  const clicks = keys.map(([m, c], i) => click(m, c, (i % 5) + 1));
  const answered: Promise<Click>[] = [];
  const started = performance.now();
  for (const [i, c] of clicks.entries()) {
    const due = started + (i * 1000) / BURST_PER_SECOND - performance.now();
    if (due > 0) await sleep(due);
    if (i === CLICKS_BEFORE_PAUSE) {
      // The clicks sent so far are settled before the database stops: answered, stored and confirmed privately
      // (on a busy machine some of them late, unacknowledged, as "saved after all").
      await Promise.all(answered);
      await until(() => clicks.slice(0, i).every((earlier) => told(earlier).length > 0));
      pauseDatabase();
    }
    answered.push(send(c));
  }
  // Every click has had its HTTP answer (busy turn-aways at once, Bolt's 404 for the unacknowledged after 3 s), and
  // every turn-away its private message; the unacknowledged clicks are still held by the bot when it is killed.
  await Promise.all(answered);
  await until(() => clicks.every((c) => c.status !== 200 || told(c).length > 0));
  await killBot();
  const restarted = startBot();
  resumeDatabase();
  await untilServing(restarted);

  const stored = await storedAnswers();
  const acknowledged = clicks.filter((c) => c.status === 200 && !busy(c));
  const turnedAway = clicks.filter((c) => c.status === 200 && busy(c));
  const unacknowledged = clicks.filter((c) => c.status !== 200);
  const notStored = clicks.filter((c) => !stored.has(keyOf(c)));

  // While the database stood still the bot held as many clicks as it takes and turned the rest away: both kinds
  // happened, so the counts below say something.
  expect(turnedAway.length).toBeGreaterThan(0);
  expect(unacknowledged.length).toBeGreaterThan(0);
  expect(acknowledged.length + turnedAway.length + unacknowledged.length).toBe(BURST);

  // Every click answered HTTP 200 (and not turned away) has its answer stored, with the value clicked.
  for (const c of acknowledged) expect(stored.get(keyOf(c)), c.id).toBe(c.value);
  // Every answer not stored was turned away with a message, or never acknowledged.
  for (const c of notStored) expect(busy(c) || c.status !== 200, c.id).toBe(true);
  // A click turned away as busy was acknowledged at once and never written.
  for (const c of turnedAway) expect(stored.has(keyOf(c)), c.id).toBe(false);

  // The members click again what was not confirmed, until each click is confirmed (stored in time, or "saved after
  // all" when the freshly started bot is slow): the restarted bot stores all of it.
  let retried = [...turnedAway, ...unacknowledged];
  while (retried.length > 0) {
    const again: Click[] = [];
    for (let i = 0; i < retried.length; i += 16) {
      again.push(...(await Promise.all(retried.slice(i, i + 16).map((c) => send(click(c.member, c.criterion, c.value))))));
    }
    await until(() => again.every((c) => told(c).length > 0));
    retried = again.filter((c) => !told(c).some((text) => text.startsWith('Saved')));
  }
  const after = await storedAnswers();
  for (const c of clicks) expect(after.get(keyOf(c)), c.id).toBe(c.value);
}, 150_000);
