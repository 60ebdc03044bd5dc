/**
 * Admission for rating clicks. At most `concurrency` clicks are stored at once per process; a click that
 * cannot start within `maxWaitMs` (the database is behind) is turned away, and the member is told to click
 * again, instead of waiting in process memory where a restart would lose it after Slack was told "received".
 */
export const BUSY = Symbol('busy');

export class ClickQueue {
  #running = 0;
  readonly #waiting: { start: () => void; since: number }[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaitMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T | typeof BUSY> {
    if (this.#running >= this.concurrency) {
      const since = this.now();
      const started = await new Promise<boolean>((resolve) => {
        const entry = {
          start: () => {
            resolve(true);
          },
          since,
        };
        this.#waiting.push(entry);
        setTimeout(() => {
          const index = this.#waiting.indexOf(entry);
          if (index >= 0) {
            this.#waiting.splice(index, 1);
            resolve(false);
          }
        }, this.maxWaitMs).unref();
      });
      if (!started) return BUSY;
    } else {
      this.#running++;
    }
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next.start();
      else this.#running--;
    }
  }
}
