type Listener = (chunk?: string) => void;

/** A file's text as papaparse streams it: the few members of a Node readable it calls. */
export interface TextReadable {
  readonly readable: true;
  /** Set when the bytes were not UTF-8; the stream then ends early. */
  readonly failed: boolean;
  read(): null;
  on(event: 'data' | 'end' | 'error', listener: Listener): void;
  removeListener(event: 'data' | 'end' | 'error', listener: Listener): void;
  pause(): void;
  resume(): void;
  /** Stops reading: no more events. */
  destroy(): void;
}

/**
 * A Blob's bytes decoded as ONE UTF-8 stream (`TextDecoderStream`, fatal), handed out as
 * the Node-style readable papaparse accepts. Why not papaparse's own File reader: it
 * decodes each slice on its own, so a multi-byte character cut by a slice boundary turns
 * into U+FFFD and a valid file is refused. Reading starts at the first `data` listener;
 * bytes that are not UTF-8 set `failed` and end the stream (the reader then says so).
 */
export function textReadable(blob: Blob): TextReadable {
  const listeners = {
    data: new Set<Listener>(),
    end: new Set<Listener>(),
    error: new Set<Listener>(),
  };
  let started = false;
  let stopped = false;
  let failed = false;
  let wake: (() => void) | null = null;
  let paused = false;
  const reader = blob
    .stream()
    .pipeThrough(new TextDecoderStream('utf-8', { fatal: true }))
    .getReader();

  const emit = (event: keyof typeof listeners, chunk?: string): void => {
    for (const listener of [...listeners[event]]) listener(chunk);
  };

  async function pump(): Promise<void> {
    try {
      for (;;) {
        if (paused) await new Promise<void>((resolve) => (wake = resolve));
        if (stopped) return;
        const next = await reader.read();
        if (stopped) return;
        if (next.done) break;
        emit('data', next.value);
      }
    } catch {
      if (stopped) return;
      failed = true;
    }
    emit('end');
  }

  return {
    readable: true,
    get failed() {
      return failed;
    },
    read: () => null,
    on(event, listener) {
      listeners[event].add(listener);
      if (event === 'data' && !started) {
        started = true;
        void pump();
      }
    },
    removeListener(event, listener) {
      listeners[event].delete(listener);
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      wake?.();
      wake = null;
    },
    destroy() {
      stopped = true;
      void reader.cancel().catch(() => undefined);
      wake?.();
    },
  };
}
