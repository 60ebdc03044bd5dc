import { describe, expect, it } from 'vitest';
import { BUSY, ClickQueue } from '../../../src/platforms/slack/click-queue.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Work that finishes when the test says so. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => done.then(() => 'held'), finish };
}

describe('ClickQueue', () => {
  it('runs at most `concurrency` clicks at once and the rest in order', async () => {
    const queue = new ClickQueue(2, 10);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        queue.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await sleep(10);
          order.push(i);
          running--;
          return i;
        }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('turns a click away at once when the running and waiting places are taken, and keeps serving', async () => {
    const queue = new ClickQueue(1, 1);
    const first = held();
    const running = queue.run(first.work);
    let waitingStarted = false;
    const waiting = queue.run(async () => {
      waitingStarted = true;
      return 'waited';
    });
    // Settles while the other two are still held: nothing waits for a place to free up.
    expect(await queue.run(async () => 'turned away')).toBe(BUSY);
    expect(waitingStarted).toBe(false);
    first.finish();
    expect(await running).toBe('held');
    expect(await waiting).toBe('waited');
    expect(await queue.run(async () => 'next')).toBe('next');
  });

  it('frees its place when a click fails', async () => {
    const queue = new ClickQueue(1, 0);
    await expect(queue.run(() => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await queue.run(async () => 'ok')).toBe('ok');
  });
});
