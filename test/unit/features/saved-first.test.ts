import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SavedFirst } from '$features/saved-first.svelte';

/** Animation frames run when the test says a frame is drawn. */
let frames: Map<number, FrameRequestCallback>;
let nextFrame: number;
const drawFrame = (): void => {
  const due = [...frames.values()];
  frames.clear();
  for (const callback of due) callback(0);
};

beforeEach(() => {
  frames = new Map();
  nextFrame = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.set(nextFrame, callback);
    return nextFrame++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});
afterEach(() => vi.unstubAllGlobals());

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('what a view saved for its next cold start', () => {
  it('holds the worker back while it is read, whatever will be shown', async () => {
    let read!: (value: string | undefined) => void;
    const saved = new SavedFirst(() => new Promise<string | undefined>((r) => (read = r)));
    expect(saved.holds(false)).toBe(true);
    expect(saved.holds(true)).toBe(true);
    read(undefined);
    await settle();
    expect(saved.value).toBeUndefined();
    expect(saved.holds(false)).toBe(false);
  });

  it('lets the worker go at once when nothing was saved or the read failed', async () => {
    const failed = new SavedFirst<string>(() => Promise.reject(new Error('no database')));
    await settle();
    expect(failed.value).toBeUndefined();
    expect(failed.holds(false)).toBe(false);
  });

  it('holds the worker back until the frame after the saved answer is painted', async () => {
    const saved = new SavedFirst(() => Promise.resolve('first rows'));
    await settle();
    expect(saved.value).toBe('first rows');
    expect(saved.holds(true)).toBe(true); // shown, not yet painted
    saved.shown();
    drawFrame(); // the frame that paints it
    expect(saved.holds(true)).toBe(true);
    drawFrame();
    expect(saved.holds(true)).toBe(false);
  });

  it('waits again when the view drops the wait before it ended', async () => {
    const saved = new SavedFirst(() => Promise.resolve('first rows'));
    await settle();
    const cancel = saved.shown();
    drawFrame();
    cancel();
    drawFrame();
    expect(saved.holds(true)).toBe(true);
    saved.shown();
    drawFrame();
    drawFrame();
    expect(saved.holds(true)).toBe(false);
  });
});
