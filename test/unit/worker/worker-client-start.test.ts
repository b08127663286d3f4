import * as Comlink from 'comlink';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkerClient } from '$worker/worker-client.svelte';

/**
 * A stand-in for the browser's Worker: one end of a message channel, the other end of
 * which serves a small part of the worker's API through Comlink, as the real one does.
 */
let started: { name: string | undefined; port: MessagePort }[];

beforeEach(() => {
  started = [];
  // Called with `new`: what it returns is the worker object the page holds.
  function StubWorker(_url: URL, options?: WorkerOptions): MessagePort {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(
      {
        watchScoring: () => undefined,
        listRows: () => Promise.resolve(null),
      },
      port2,
    );
    started.push({ name: options?.name, port: port1 });
    // The page's end of the channel stands in for the worker object.
    return port1;
  }
  vi.stubGlobal('Worker', StubWorker);
});
afterEach(() => {
  for (const { port } of started) port.close();
  vi.unstubAllGlobals();
});

describe("the page's worker client", () => {
  it('does not start the worker until asked: a cold start paints first', () => {
    const client = new WorkerClient('tierwise-test');
    let ran = false;
    client.afterStart(() => (ran = true));
    expect(started).toHaveLength(0);
    expect(ran).toBe(false);
  });

  it('starts it once, on the database it was given, and then runs what waited for it', () => {
    const client = new WorkerClient('tierwise-test');
    const order: string[] = [];
    client.afterStart(() => order.push('first'));
    client.afterStart(() => order.push('second'));
    client.start();
    client.start();
    expect(started.map((worker) => worker.name)).toEqual(['tierwise-test']);
    expect(order).toEqual(['first', 'second']);
    client.afterStart(() => order.push('after'));
    expect(order).toEqual(['first', 'second', 'after']);
  });

  it("starts it on a view's first call, which gets its answer", async () => {
    const client = new WorkerClient('tierwise-test');
    await expect(client.listRows(1, 0, 10)).resolves.toBeNull();
    expect(started).toHaveLength(1);
    await client.listRows(1, 0, 10);
    expect(started).toHaveLength(1);
  });
});
