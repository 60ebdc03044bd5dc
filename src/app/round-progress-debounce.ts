/**
 * Debounced updates of a round's public progress ("7 of 12 answered"), for any platform.
 *
 * Time is cut into buckets of `windowMs`. After an answer is stored, the process claims
 * `progress:<round>:<bucket>` by inserting a claim document (exact on MongoDB and FerretDB); the one instance
 * that wins runs the platform's update once, just after the bucket ends (plus a grace for clock skew), and the
 * update counts the answers only then. So the last answer's count always lands, and a burst of answers on any
 * number of instances becomes at most one message update per round per window. In process memory there is
 * only a shortcut (this process already tried this bucket) and the timers.
 */
import type { AppContext } from './context.js';
import type { WarningLog } from './ports.js';

export interface ProgressDebounceOptions {
  windowMs: number;
  graceMs: number;
  /** Names this process in its claims (for diagnosis only). */
  instanceId: string;
}

export const defaultProgressDebounce: Omit<ProgressDebounceOptions, 'instanceId'> = { windowMs: 5_000, graceMs: 750 };

/**
 * Updates the round's progress message(s); reads the count itself. `context` is what the platform passed
 * with the answer that won the claim (e.g. Slack's Web API client for that workspace).
 */
export type ProgressUpdate<Context> = (tenantId: string, roundId: string, context: Context) => Promise<void>;

export function progressClaimKey(roundId: string, bucket: number): string {
  return `progress:${roundId}:${bucket}`;
}

interface Pending {
  timer: NodeJS.Timeout;
  run: () => Promise<void>;
}

export class RoundProgressDebouncer<Context = void> {
  readonly #tried = new Map<string, number>();
  readonly #pending = new Map<string, Pending>();

  constructor(
    private readonly ctx: AppContext,
    private readonly update: ProgressUpdate<Context>,
    private readonly logger: WarningLog,
    private readonly options: ProgressDebounceOptions,
  ) {}

  /** Call after an answer is stored; never throws, never waits for the platform. */
  answered(tenantId: string, roundId: string, context: Context): void {
    const now = this.ctx.clock.now().getTime();
    const bucket = Math.floor(now / this.options.windowMs);
    if (this.#tried.get(roundId) === bucket) return;
    this.#tried.set(roundId, bucket);
    this.#prune(bucket);
    void this.#claim(tenantId, roundId, context, bucket, now);
  }

  async #claim(tenantId: string, roundId: string, context: Context, bucket: number, now: number): Promise<void> {
    const key = progressClaimKey(roundId, bucket);
    try {
      // Released after the update; the expiry only clears the claim of a process that stopped before it.
      const expiresAt = new Date(now + 3_600_000);
      if (!(await this.ctx.stores.claims.claim(key, this.options.instanceId, new Date(now), expiresAt))) return;
    } catch (error) {
      this.logger.warn({ err: error, roundId }, 'progress claim failed');
      return;
    }
    const run = async () => {
      this.#pending.delete(key);
      await this.update(tenantId, roundId, context).catch((error: unknown) => {
        this.logger.warn({ err: error, roundId }, 'progress update failed');
      });
      await this.ctx.stores.claims.release(key).catch(() => {});
    };
    const delay = Math.max(0, (bucket + 1) * this.options.windowMs + this.options.graceMs - this.ctx.clock.now().getTime());
    const timer = setTimeout(() => void run(), delay);
    timer.unref();
    this.#pending.set(key, { timer, run });
  }

  /** Runs every scheduled update now (at shutdown), so no claimed update is lost with the process. */
  async flush(): Promise<void> {
    const pending = [...this.#pending.values()];
    for (const p of pending) clearTimeout(p.timer);
    await Promise.all(pending.map((p) => p.run()));
  }

  #prune(bucket: number): void {
    if (this.#tried.size < 10_000) return;
    for (const [roundId, tried] of this.#tried) if (tried < bucket) this.#tried.delete(roundId);
  }
}
