/** Racing work against a platform's answer window: the work goes on when the window closes first. */
export const LATE = Symbol('late');

/** `work`'s value if it settles within the window (milliseconds, or until a promise settles), else LATE. */
export function within<T>(work: Promise<T>, window: number | Promise<unknown>): Promise<T | typeof LATE> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    if (typeof window === 'number')
      timer = setTimeout(
        () => {
          resolve(LATE);
        },
        Math.max(0, window),
      );
    else
      void window.finally(() => {
        resolve(LATE);
      });
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

/** A promise that never rejects, so it can be raced against the window and awaited again. */
export function settle<T>(work: Promise<T>): Promise<Settled<T>> {
  return work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
