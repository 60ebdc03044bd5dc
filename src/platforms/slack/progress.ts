/**
 * Debounced progress on a round's intro message ("7 of 12 answered").
 *
 * Time is cut into buckets of `windowMs`. After an answer is stored, the process claims
 * `progress:<round>:<bucket>` by inserting a claim document (exact on MongoDB and FerretDB); the one
 * instance that wins schedules one chat.update for just after the bucket ends, and counts the answered
 * markers only then. Every answer is stored before its claim attempt and the count is read after the
 * bucket (plus a grace for clock skew) ends, so the last click's count always lands; and a burst of
 * clicks on any number of instances becomes at most one chat.update per round per window.
 * In process memory there is only a shortcut (this process already tried this bucket) and the timers.
 */
import type { AppContext } from '../../app/context.js';
import type { Round } from '../../domain/round.js';
import type { Logger } from '../../logger.js';
import { renderIntroMessage } from './blocks/prompts.js';
import type { WebClient } from './web-api.js';

export interface ProgressOptions {
  windowMs: number;
  /** Extra wait after a bucket ends, for answers stored by instances whose clock runs a little late. */
  graceMs: number;
  /** Names this process in its claims (for diagnosis only). */
  instanceId: string;
}

export const defaultProgressOptions: Omit<ProgressOptions, 'instanceId'> = { windowMs: 5_000, graceMs: 750 };

export const introTsRef = 'slackIntroTs';
export const promptTsRef = 'slackPromptTs';

export function progressClaimKey(roundId: string, bucket: number): string {
  return `progress:${roundId}:${bucket}`;
}

interface Pending {
  timer: NodeJS.Timeout;
  run: () => Promise<void>;
}

export class ProgressUpdater {
  /** roundId → the last bucket this process tried to claim. */
  readonly #tried = new Map<string, number>();
  readonly #pending = new Map<string, Pending>();

  constructor(
    private readonly ctx: AppContext,
    private readonly logger: Logger,
    private readonly options: ProgressOptions,
  ) {}

  /** Call after an answer is stored; never throws, never waits for Slack. */
  answered(round: Round, client: WebClient): void {
    if (!round.platformRefs[introTsRef]) return;
    const now = this.ctx.clock.now().getTime();
    const bucket = Math.floor(now / this.options.windowMs);
    if (this.#tried.get(round.id) === bucket) return;
    this.#tried.set(round.id, bucket);
    this.#prune(bucket);
    void this.#claim(round, client, bucket, now);
  }

  async #claim(round: Round, client: WebClient, bucket: number, now: number): Promise<void> {
    const key = progressClaimKey(round.id, bucket);
    try {
      if (!(await this.ctx.stores.claims.claim(key, this.options.instanceId, new Date(now)))) return;
    } catch (error) {
      this.logger.warn({ err: error, roundId: round.id }, 'progress claim failed');
      return;
    }
    const run = async () => {
      this.#pending.delete(key);
      await this.#update(round.place.tenantId, round.id, client).catch((error: unknown) =>
        this.logger.warn({ err: error, roundId: round.id }, 'progress update failed'),
      );
      await this.ctx.stores.claims.release(key).catch(() => {});
    };
    const delay = Math.max(0, (bucket + 1) * this.options.windowMs + this.options.graceMs - this.ctx.clock.now().getTime());
    const timer = setTimeout(() => void run(), delay);
    timer.unref();
    this.#pending.set(key, { timer, run });
  }

  async #update(tenantId: string, roundId: string, client: WebClient): Promise<void> {
    const round = await this.ctx.stores.rounds.get(tenantId, roundId);
    const ts = round?.platformRefs[introTsRef];
    if (!round || !ts || round.state !== 'open') return;
    const answered = await this.ctx.stores.participation.countAnswered(tenantId, roundId);
    const message = renderIntroMessage(round, { answered, participants: round.participants.length });
    await client.chat.update({ channel: round.place.channelId, ts, text: message.text, blocks: message.blocks });
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
