import type { IntervisionPost } from '../../src/app/intervision.js';
import type { IntervisionSession } from '../../src/domain/intervision/session.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import type { AppContext } from '../../src/app/context.js';
import { ManualClock } from '../support/manual-clock.js';
import { createTestContext } from '../support/app-context.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import type { Notifier, PrivateMessage, ReminderDetails } from '../../src/app/notifier.js';
import type { Clock } from '../../src/app/ports.js';
import type { Round } from '../../src/domain/round.js';
import type { Summary } from '../../src/domain/summary-types.js';
import type { Logger } from '../../src/logger.js';

export const silentLogger: Logger = pino({ level: 'silent' });

export interface SentReminder {
  roundId: string;
  memberId: string;
  at: Date;
  details: Record<string, unknown>;
}

/** A platform stand-in that records what the core asked it to say (the notifier is outside the core). */
export class RecordingNotifier implements Notifier {
  readonly summaries: { roundId: string; summary: Summary }[] = [];
  readonly reminders: SentReminder[] = [];
  readonly announced: Round[] = [];
  /** Private messages, rendered in English. */
  readonly privateMessages: { tenantId: string; memberId: string; text: string; roundId: string | null; at: Date }[] = [];
  /** Member id → IANA zone; absent: the platform does not know it. */
  readonly timeZones = new Map<string, string>();
  /** Members whose reminders fail (the platform refuses). */
  readonly failFor = new Set<string>();
  failSummaries = 0;
  /** Called after each recorded reminder (lets a test await the background loop without sleeping). */
  onReminder: (() => void) | null = null;
  /**
   * Members whose next send never returns, as if its process died mid-send: before the platform took the
   * reminder, or after (then it is recorded, as delivered). `onStall` is called when it happens.
   */
  readonly stallFor = new Map<string, 'before-delivery' | 'after-delivery'>();
  onStall: (() => void) | null = null;

  constructor(private readonly clock: Clock) {}

  async postSummary(round: Round, summary: Summary): Promise<void> {
    if (this.failSummaries > 0) {
      this.failSummaries--;
      throw new Error('platform unavailable');
    }
    this.summaries.push({ roundId: round.id, summary });
  }

  async sendReminder(round: Round, memberId: string, progress: ReminderDetails): Promise<void> {
    if (this.failFor.has(memberId)) throw new Error(`cannot open a direct message with ${memberId}`);
    const stall = this.stallFor.get(memberId);
    this.stallFor.delete(memberId);
    if (stall === 'before-delivery') return this.#stall();
    this.reminders.push({ roundId: round.id, memberId, at: this.clock.now(), details: { ...progress } });
    this.onReminder?.();
    if (stall === 'after-delivery') return this.#stall();
  }

  #stall(): Promise<never> {
    this.onStall?.();
    return new Promise<never>(() => {});
  }

  async reminderDelivered(round: Round, memberId: string, slot: string, since: Date): Promise<boolean> {
    return this.reminders.some(
      (r) => r.roundId === round.id && r.memberId === memberId && r.details.slot === slot && r.at.getTime() >= since.getTime(),
    );
  }

  /** Posts the summary as the scheduler would: for closeRound called by a test in a coordinator's place. */
  readonly post = (round: Round, summary: Summary): Promise<void> => this.postSummary(round, summary);

  async announceRound(round: Round): Promise<void> {
    this.announced.push(round);
  }

  async memberTimeZone(_round: Round, memberId: string): Promise<string | null> {
    return this.timeZones.get(memberId) ?? null;
  }

  async sendPrivateMessage(tenantId: string, memberId: string, message: PrivateMessage): Promise<void> {
    if (this.failFor.has(memberId)) throw new Error(`cannot open a direct message with ${memberId}`);
    this.privateMessages.push({ tenantId, memberId, text: message.text('en'), roundId: message.round?.id ?? null, at: this.clock.now() });
  }

  /** Intervision posts, in order. */
  readonly intervisionPosts: { sessionId: string; post: IntervisionPost }[] = [];

  async postIntervision(session: IntervisionSession, post: IntervisionPost): Promise<void> {
    this.intervisionPosts.push({ sessionId: session.id, post });
  }
}

export const hour = 3_600_000;

export interface SchedulingFixture {
  database: TestDatabase;
  clock: ManualClock;
  ctx: AppContext;
  notifier: RecordingNotifier;
}

/** A fresh database, a clock standing at `start`, the context on both, and a recording notifier. */
export async function schedulingFixture(start: string): Promise<SchedulingFixture> {
  const database = await openTestDatabase();
  const clock = new ManualClock(start);
  const ctx = await createTestContext(database.db, clock);
  return { database, clock, ctx, notifier: new RecordingNotifier(clock) };
}

export interface InstanceProcess<T> {
  /** Resolves when the process printed READY. */
  ready: Promise<void>;
  go(): void;
  /** Its JSON line; rejects when it exits without one. */
  output: Promise<T>;
  kill(): void;
  exited: Promise<void>;
}

/**
 * A scheduler instance in its own process, from a fixture script that prints READY, waits for a line on stdin,
 * and prints one JSON line. Processes are added to `children`, for the test to kill in its clean-up.
 */
export function spawnInstance<T>(fixture: string, env: Record<string, string>, children: ChildProcess[]): InstanceProcess<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  const lines = createInterface({ input: child.stdout });
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const output = new Promise<T>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'READY') onReady();
      else if (line.startsWith('{')) resolve(JSON.parse(line) as T);
    });
    child.once('exit', (code, signal) => {
      reject(new Error(`instance exited with ${code ?? signal}: ${stderr}`));
    });
  });
  output.catch(() => {}); // a killed instance's output is not awaited
  return { ready, go: () => child.stdin?.write('go\n'), output, kill: () => child.kill('SIGKILL'), exited };
}
