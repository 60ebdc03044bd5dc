/**
 * Admission for rating clicks. At most `concurrency` clicks are stored at once per process and at most
 * `queued` more wait for their turn, in order. A click that finds both full is turned away at once, so the
 * member hears "busy, click again" straight away instead of after a wait. A waiting click is never acknowledged
 * before it is stored (see actions.ts), so nothing held here is lost when the process stops.
 */
export const BUSY = Symbol('busy');

export class ClickQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queued: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T | typeof BUSY> {
    if (this.#running < this.concurrency) this.#running++;
    else if (this.#waiting.length < this.queued) await new Promise<void>((start) => this.#waiting.push(start));
    else return BUSY;
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
