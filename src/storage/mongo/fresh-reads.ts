/**
 * Concurrent point reads of one document share a query, without ever answering a caller with a state older
 * than its call. A read is sent at once when none of that key is in flight; while one is, callers wait for the
 * next, which is sent as soon as the one in flight returns and answers all of them. So a caller always gets a
 * read that started after it asked, exactly as if it had sent its own, and a burst on one document (a team
 * rating together) costs one query per round trip instead of one per caller.
 */
export class FreshReads<T> {
  readonly #inFlight = new Set<string>();
  readonly #next = new Map<string, { promise: Promise<T>; start: () => void }>();

  constructor(private readonly read: (key: string) => Promise<T>) {}

  get(key: string): Promise<T> {
    const waiting = this.#next.get(key);
    if (waiting) return waiting.promise;
    if (!this.#inFlight.has(key)) return this.#send(key);
    let start!: () => void;
    const promise = new Promise<void>((resolve) => (start = resolve)).then(() => this.#send(key));
    this.#next.set(key, { promise, start });
    return promise;
  }

  #send(key: string): Promise<T> {
    this.#inFlight.add(key);
    const sent = this.read(key);
    const done = () => {
      this.#inFlight.delete(key);
      const waiting = this.#next.get(key);
      this.#next.delete(key);
      waiting?.start();
    };
    sent.then(done, done);
    return sent;
  }
}
