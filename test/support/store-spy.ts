/**
 * Counts the calls made to the stores of a context (our port, wrapped in place: the adapters hold the same
 * object) and snapshots the database, so a test can show that a request read and wrote nothing.
 */
import type { Db } from 'mongodb';
import type { AppContext } from '../../src/app/context.js';

export interface StoreCalls {
  calls: string[];
  /** The calls whose arguments include `value` (e.g. a round id), so a test can ignore background work on other rounds. */
  callsWith(value: string): string[];
  stop(): void;
}

export function countStoreCalls(ctx: AppContext): StoreCalls {
  const calls: string[] = [];
  const args: unknown[][] = [];
  const restore: (() => void)[] = [];
  for (const [storeName, store] of Object.entries(ctx.stores) as [string, Record<string, unknown>][]) {
    const proto = Object.getPrototypeOf(store) as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(proto)) {
      const original = store[method];
      if (method === 'constructor' || typeof original !== 'function') continue;
      store[method] = (...a: unknown[]) => {
        calls.push(`${storeName}.${method}`);
        args.push(a);
        return (original as (...a: unknown[]) => unknown).apply(store, a);
      };
      restore.push(() => Reflect.deleteProperty(store, method));
    }
  }
  return {
    calls,
    callsWith: (value) => calls.filter((_, i) => args[i]?.includes(value)),
    stop: () => {
      restore.forEach((r) => {
        r();
      });
    },
  };
}

/** Every document of every collection (but those `except`), as JSON text: equal snapshots mean nothing was written. */
export async function snapshot(db: Db, except: readonly string[] = []): Promise<string> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((name) => !except.includes(name))
    .sort();
  const parts: string[] = [];
  for (const name of names) parts.push(name, JSON.stringify(await db.collection(name).find().sort({ _id: 1 }).toArray()));
  return parts.join('\n');
}
