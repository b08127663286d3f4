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

  /**
   * Holds the live queries until the frame after this call has been drawn and the next one
   * has begun (in a tab opened in the background: once it is first shown).
   */
  holdUntilDrawn(): void {
    if (this.#held) return;
    this.#held = true;
    this.drawn = false;
    // Released in the frame after: a frame begins once the one before it has been handed
    // to the compositor, and the released work then no longer takes the processor from
    // rasterising the first (on two cores without a GPU, starting it at once put the
    // first frame on screen later).
    requestAnimationFrame(() =>
      requestAnimationFrame(() => setTimeout(() => (this.drawn = true), 0)),
    );
  }
}

export const firstFrame = new FirstFrame();
