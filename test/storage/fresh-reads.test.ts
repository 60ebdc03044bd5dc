import { describe, expect, it } from 'vitest';
import { FreshReads } from '../../src/storage/mongo/fresh-reads.js';

/** A read whose answers the test gives by hand, recording when each read was sent and what the store held then. */
function controlledStore() {
  let value = 0;
  const sent: { key: string; saw: number; answer: (error?: Error) => void }[] = [];
  const read = (key: string) =>
    new Promise<number>((resolve, reject) => {
      const saw = value;
      sent.push({
        key,
        saw,
        answer: (error) => {
          if (error) reject(error);
          else resolve(saw);
        },
      });
    });
  return {
    sent,
    reads: new FreshReads(read),
    write: (v: number) => {
      value = v;
    },
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('FreshReads', () => {
  it('sends a lone read at once', async () => {
    const store = controlledStore();
    const answer = store.reads.get('a');
    expect(store.sent).toHaveLength(1);
    store.sent[0]!.answer();
    expect(await answer).toBe(0);
  });

  it('never answers a caller with a read sent before it asked: callers during a read share the next one', async () => {
    const store = controlledStore();
    const first = store.reads.get('a');
    store.write(1);
    const second = store.reads.get('a');
    const third = store.reads.get('a');
    expect(store.sent).toHaveLength(1);
    store.sent[0]!.answer();
    expect(await first).toBe(0);
    await turn();
    expect(store.sent).toHaveLength(2);
    expect(store.sent[1]!.saw).toBe(1);
    store.sent[1]!.answer();
    expect(await Promise.all([second, third])).toEqual([1, 1]);
  });

  it('reads different keys independently', () => {
    const store = controlledStore();
    void store.reads.get('a');
    void store.reads.get('b');
    expect(store.sent.map((s) => s.key)).toEqual(['a', 'b']);
  });

  it('gives a failed read’s error to its own callers only; the callers waiting get the next read', async () => {
    const store = controlledStore();
    const failing = store.reads.get('a');
    const waiting = store.reads.get('a');
    store.sent[0]!.answer(new Error('database unreachable'));
    await expect(failing).rejects.toThrow('database unreachable');
    await turn();
    expect(store.sent).toHaveLength(2);
    store.sent[1]!.answer();
    expect(await waiting).toBe(0);
  });
});
