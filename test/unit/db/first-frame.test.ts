import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FirstFrame } from '$db/first-frame.svelte';

/** Animation frames run when the test says a frame is drawn. */
let frames: FrameRequestCallback[];
const drawFrame = (): void => {
  for (const callback of frames.splice(0)) callback(0);
};
const settle = () => new Promise((resolve) => setTimeout(resolve));

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.push(callback);
    return frames.length;
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('the first frame the live queries wait for', () => {
  it('is drawn from the start when nothing holds it', () => {
    expect(new FirstFrame().drawn).toBe(true);
  });

  it('once held, is drawn after the next frame has been drawn, not before', async () => {
    const frame = new FirstFrame();
    frame.holdUntilDrawn();
    expect(frame.drawn).toBe(false);
    await settle();
    expect(frame.drawn).toBe(false); // no frame yet
    drawFrame(); // the first frame
    await settle();
    expect(frame.drawn).toBe(false);
    drawFrame(); // the next: the task it queues comes after it
    expect(frame.drawn).toBe(false);
    await settle();
    expect(frame.drawn).toBe(true);
  });

  it('is held once: a second hold after the frame changes nothing', async () => {
    const frame = new FirstFrame();
    frame.holdUntilDrawn();
    drawFrame();
    drawFrame();
    await settle();
    frame.holdUntilDrawn();
    expect(frame.drawn).toBe(true);
    expect(frames).toHaveLength(0);
  });
});
