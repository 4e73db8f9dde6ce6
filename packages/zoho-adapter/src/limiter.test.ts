import { describe, expect, test } from 'vitest';
import { ConcurrencyLimiter, mapLimit } from './limiter.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('ConcurrencyLimiter', () => {
  test('never runs more than the limit, even when newcomers arrive as a task finishes', async () => {
    const limiter = new ConcurrencyLimiter(3);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await tick();
      active--;
    };
    const all: Array<Promise<void>> = [];
    for (let i = 0; i < 20; i++) {
      all.push(limiter.run(task));
      if (i % 3 === 0) await Promise.resolve();
    }
    await Promise.all(all);
    expect(peak).toBe(3);
    expect(limiter.peak).toBe(3);
    expect(limiter.active).toBe(0);
  });
  test('a failing task frees its slot', async () => {
    const limiter = new ConcurrencyLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(limiter.run(async () => 1)).resolves.toBe(1);
  });
  test('rejects a bad limit', () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow(RangeError);
  });
});

describe('mapLimit', () => {
  test('keeps input order and the limit', async () => {
    let active = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, n));
      active--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
  test('empty input', async () => {
    expect(await mapLimit([], 3, async () => 1)).toEqual([]);
  });
});
