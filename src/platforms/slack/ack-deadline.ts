/**
 * Slack wants every request acknowledged within 3 s: work is given until a budget, then acknowledged anyway.
 * A form submission needs its outcome in the acknowledgement; a click only needs to be stored first, so it
 * leaves more of the 3 s to the network and to a busy process.
 */
export const ACK_BUDGET_MS = 2_500;
export const CLICK_ACK_BUDGET_MS = 1_500;

export const LATE = Symbol('late');

/** `work`'s value if it settles within `ms`, else LATE (the work goes on). */
export function within<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => {
        resolve(LATE);
      },
      Math.max(0, ms),
    );
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise that never rejects, so it can be raced against the deadline and awaited again. */
export function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  return work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
