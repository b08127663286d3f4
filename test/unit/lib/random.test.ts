import { describe, expect, it } from 'vitest';
import { createRandom, randomUuid, seedFrom } from '$lib/random';

describe('seeded random', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const take = (r: ReturnType<typeof createRandom>) => Array.from({ length: 20 }, () => r.next());
    expect(take(a)).toEqual(take(b));
    expect(take(createRandom(43))).not.toEqual(take(createRandom(42)));
  });

  it('stays in range and is roughly uniform', () => {
    const random = createRandom(7);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 20_000; i += 1) {
      const x = random.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)] += 1;
    }
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
    for (let i = 0; i < 1000; i += 1) {
      const n = random.int(3, 5);
      expect([3, 4, 5]).toContain(n);
    }
  });

  it('draws normal deviates with mean 0 and variance 1', () => {
    const random = createRandom(9);
    const xs = Array.from({ length: 20_000 }, () => random.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it('gives independent streams per index and v4-shaped ids', () => {
    expect(seedFrom(1, 0)).not.toBe(seedFrom(1, 1));
    expect(seedFrom(1, 0)).not.toBe(seedFrom(2, 0));
    const id = randomUuid(createRandom(1));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomUuid(createRandom(1))).toBe(id);
  });
});
