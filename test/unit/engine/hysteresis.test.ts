import { describe, expect, it } from 'vitest';
import { tierFloors, withHysteresis } from '$engine/index';
import { model } from './fixtures';

const thresholds = model().tiers; // 75 / 55 / 35 / 0
const f32 = (...xs: number[]) => Float32Array.from(xs);

describe('tierFloors', () => {
  it('are the thresholds, and no floor for the last tier', () => {
    expect(tierFloors(thresholds, new Uint8Array(0), f32())).toEqual([75, 55, 35, -Infinity]);
  });

  it('with quotas, the lowest score each tier holds (an empty tier takes the next floor)', () => {
    const quotas = { ...thresholds, method: 'quotas' as const };
    const tier = Uint8Array.from([0, 0, 2, 2, 3]);
    expect(tierFloors(quotas, tier, f32(90, 70, 50, 40, 10))).toEqual([70, 40, 40, -Infinity]);
  });
});

describe('withHysteresis', () => {
  const floors = [75, 55, 35, -Infinity];
  const none = new Uint8Array(6);

  it('keeps the previous tier until the score passes a floor by the margin', () => {
    //           up by 1 pt, up by 3, down by 1, down by 4, new client, two tiers down by 2 past the first floor
    const score = f32(76, 78, 74, 71, 76, 52);
    const computed = Uint8Array.from([0, 0, 1, 1, 0, 2]);
    const previous = Int16Array.from([1, 1, 0, 0, -1, 0]);
    const held = withHysteresis(computed, previous, none, score, floors, 2);
    expect(Array.from(held)).toEqual([1, 0, 0, 1, 0, 2]);
  });

  it('stops one tier short when the score clears only the nearer floor', () => {
    // Previous VIP, score 54: misses Core's floor (55) by 1 < margin 2 → held at Core.
    const held = withHysteresis(
      Uint8Array.from([2]),
      Int16Array.from([0]),
      new Uint8Array(1),
      f32(54),
      floors,
      2,
    );
    expect(Array.from(held)).toEqual([1]);
  });

  it('changes nothing when off, and never overrides a pin', () => {
    const computed = Uint8Array.from([0, 1]);
    const previous = Int16Array.from([1, 0]);
    const score = f32(76, 74);
    expect(Array.from(withHysteresis(computed, previous, none, score, floors, 0))).toEqual([0, 1]);
    const pinned = Uint8Array.from([1, 0]);
    expect(Array.from(withHysteresis(computed, previous, pinned, score, floors, 5))).toEqual([
      0, 0,
    ]);
  });
});
