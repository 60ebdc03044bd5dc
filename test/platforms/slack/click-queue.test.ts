import { describe, expect, it } from 'vitest';
import { BUSY, ClickQueue } from '../../../src/platforms/slack/click-queue.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ClickQueue', () => {
  it('runs at most `concurrency` clicks at once and the rest in order', async () => {
    const queue = new ClickQueue(2, 1_000);
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

  it('turns a click away when it cannot start in time, and keeps serving', async () => {
    const queue = new ClickQueue(1, 30);
    const slow = queue.run(() => sleep(100).then(() => 'slow'));
    expect(await queue.run(async () => 'late')).toBe(BUSY);
    expect(await slow).toBe('slow');
    expect(await queue.run(async () => 'next')).toBe('next');
  });

  it('frees its place when a click fails', async () => {
    const queue = new ClickQueue(1, 1_000);
    await expect(queue.run(() => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await queue.run(async () => 'ok')).toBe('ok');
  });
});
