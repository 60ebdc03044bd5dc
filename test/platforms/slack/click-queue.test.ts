import { describe, expect, it } from 'vitest';
import { BUSY, ClickQueue, type ClickQueueLimits } from '../../../src/platforms/slack/click-queue.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Work that finishes when the test says so. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => done.then(() => 'held'), finish };
}

/** A queue whose waiting places do not grow with its pace. */
const fixed = (concurrency: number, waiting: number): ClickQueueLimits => ({
  concurrency,
  minWaiting: waiting,
  maxWaiting: waiting,
  maxWaitMs: 1_000,
});

describe('ClickQueue', () => {
  it('runs at most `concurrency` clicks at once and the rest in order', async () => {
    const queue = new ClickQueue(fixed(2, 10));
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
    const queue = new ClickQueue(fixed(1, 1));
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
    const queue = new ClickQueue(fixed(1, 0));
    await expect(queue.run(() => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await queue.run(async () => 'ok')).toBe('ok');
  });

  it('lets as many clicks wait as its pace of the last second stores within the wait allowed, within its bounds', async () => {
    let now = 0;
    const queue = new ClickQueue({ concurrency: 1, minWaiting: 2, maxWaiting: 50, maxWaitMs: 500 }, () => now);
    // 60 clicks stored within the last second: 30 may wait (half a second's worth).
    for (let i = 0; i < 60; i++) {
      now += 10;
      await queue.run(async () => 'stored');
    }
    const first = held();
    const running = queue.run(first.work);
    const waiting = Array.from({ length: 30 }, () => queue.run(async () => 'waited'));
    expect(await queue.run(async () => 'one too many')).toBe(BUSY);
    first.finish();
    await running;
    expect(await Promise.all(waiting)).toEqual(Array.from({ length: 30 }, () => 'waited'));
    // A second later with nothing stored, the pace is forgotten: back to the fewest places.
    now += 2_000;
    const second = held();
    const blocking = queue.run(second.work);
    const few = [queue.run(async () => 'a'), queue.run(async () => 'b')];
    expect(await queue.run(async () => 'busy')).toBe(BUSY);
    second.finish();
    await blocking;
    expect(await Promise.all(few)).toEqual(['a', 'b']);
  });
});
