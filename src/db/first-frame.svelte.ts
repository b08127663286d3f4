/**
 * Whether the app's first frame has been drawn. Live queries wait for it (live.svelte.ts):
 * opening the database and running the first queries takes 100 ms and more on a two-core
 * machine at 50,000 clients, and done as the app mounts it ran before that frame and
 * delayed it. The first frame paints from what was read at start (first-reads.ts) or says
 * it is loading; the queries then follow the database from the next frame on.
 *
 * Drawn from the start unless the app holds it (`holdUntilDrawn`), so that a component
 * used on its own queries at once.
 */
export class FirstFrame {
  drawn = $state(true);
  #held = false;

  /** Holds the live queries until the frame after this call has been drawn. */
  holdUntilDrawn(): void {
    if (this.#held) return;
    this.#held = true;
    this.drawn = false;
    // A task queued from an animation frame runs once that frame has been drawn.
    requestAnimationFrame(() => setTimeout(() => (this.drawn = true), 0));
  }
}

export const firstFrame = new FirstFrame();
