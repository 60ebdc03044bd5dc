/**
 * Admission for rating clicks. At most `concurrency` clicks are stored at once per process; the others wait
 * their turn, in order, as long as the wait is likely to end within `maxWaitMs`: the queue takes as many clicks
 * as this process stored in the last second allows for in that time (never fewer than `minWaiting`, never more
 * than `maxWaiting`). A click that finds no place is turned away at once, so the member hears "busy, click
 * again" straight away instead of after a wait. A waiting click is never acknowledged before it is stored (see
 * rating-click.ts), so nothing held here is lost when the process stops.
 */
export const BUSY = Symbol('busy');

export interface ClickQueueLimits {
  concurrency: number;
  minWaiting: number;
  maxWaiting: number;
  maxWaitMs: number;
}

const BUCKET_MS = 100;
const BUCKETS = 10;

/** Completions in the last second, in buckets of 100 ms. */
class PaceMeter {
  readonly #counts = new Array<number>(BUCKETS).fill(0);
  #bucket = 0;

  constructor(private readonly now: () => number) {}

  completed(): void {
    this.#advance();
    this.#counts[this.#bucket % BUCKETS]!++;
  }

  perSecond(): number {
    this.#advance();
    return this.#counts.reduce((sum, n) => sum + n, 0);
  }

  #advance(): void {
    const bucket = Math.floor(this.now() / BUCKET_MS);
    for (let b = Math.max(this.#bucket + 1, bucket - BUCKETS + 1); b <= bucket; b++) this.#counts[b % BUCKETS] = 0;
    this.#bucket = Math.max(this.#bucket, bucket);
  }
}

export class ClickQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #pace: PaceMeter;

  constructor(
    private readonly limits: ClickQueueLimits,
    now: () => number = () => performance.now(),
  ) {
    this.#pace = new PaceMeter(now);
  }

  async run<T>(work: () => Promise<T>): Promise<T | typeof BUSY> {
    if (this.#running < this.limits.concurrency) this.#running++;
    else if (this.#waiting.length < this.#places()) await new Promise<void>((start) => this.#waiting.push(start));
    else return BUSY;
    try {
      return await work();
    } finally {
      this.#pace.completed();
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  #places(): number {
    const { minWaiting, maxWaiting, maxWaitMs } = this.limits;
    return Math.min(maxWaiting, Math.max(minWaiting, Math.floor((this.#pace.perSecond() * maxWaitMs) / 1000)));
  }
}
