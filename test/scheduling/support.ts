import { pino } from 'pino';
import type { AppContext } from '../../src/app/context.js';
import { ManualClock } from '../../src/scheduling/clock.js';
import { createTestContext } from '../support/app-context.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import type { Notifier, PrivateMessage } from '../../src/app/notifier.js';
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
  readonly summaries: Array<{ roundId: string; summary: Summary }> = [];
  readonly reminders: SentReminder[] = [];
  readonly announced: Round[] = [];
  /** Private messages, rendered in English. */
  readonly privateMessages: Array<{ tenantId: string; memberId: string; text: string; roundId: string | null; at: Date }> = [];
  /** Member id → IANA zone; absent: the platform does not know it. */
  readonly timeZones = new Map<string, string>();
  /** Members whose reminders fail (the platform refuses). */
  readonly failFor = new Set<string>();
  failSummaries = 0;
  /** Called after each recorded reminder (lets a test await the background loop without sleeping). */
  onReminder: (() => void) | null = null;

  constructor(private readonly clock: Clock) {}

  async postSummary(round: Round, summary: Summary): Promise<void> {
    if (this.failSummaries > 0) {
      this.failSummaries--;
      throw new Error('platform unavailable');
    }
    this.summaries.push({ roundId: round.id, summary });
  }

  async sendReminder(round: Round, memberId: string, progress: { answered: number; participants: number }): Promise<void> {
    if (this.failFor.has(memberId)) throw new Error(`cannot open a direct message with ${memberId}`);
    this.reminders.push({ roundId: round.id, memberId, at: this.clock.now(), details: { ...progress } });
    this.onReminder?.();
  }

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
