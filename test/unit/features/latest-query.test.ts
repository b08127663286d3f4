import { describe, expect, it } from 'vitest';
import { KeyChanges, LatestQuery } from '$features/latest-query.svelte';

/** A question the test answers when it says so, in any order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('the latest query', () => {
  it('keeps the newer answer when an older one arrives last', async () => {
    const query = new LatestQuery<string>();
    const older = deferred<string>();
    const newer = deferred<string>();
    const first = query.ask(() => older.promise);
    const second = query.ask(() => newer.promise);
    newer.resolve('new');
    await second;
    older.resolve('old');
    await first;
    expect(query.current).toBe('new');
    expect(query.pending).toBe(false);
  });

  it('keeps the previous answer while the next is awaited', async () => {
    const query = new LatestQuery<string>();
    await query.ask(() => Promise.resolve('rows'));
    const next = deferred<string>();
    const asked = query.ask(() => next.promise);
    expect(query.current).toBe('rows');
    expect(query.pending).toBe(true);
    next.resolve('more rows');
    await asked;
    expect(query.current).toBe('more rows');
  });

  it('says when the question failed, instead of waiting for ever, and asks again on retry', async () => {
    const query = new LatestQuery<string>();
    let calls = 0;
    const question = (): Promise<string> => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('worker gone')) : Promise.resolve('back');
    };
    await query.ask(question);
    expect(query.error?.message).toBe('worker gone');
    expect(query.pending).toBe(false);
    await query.retry();
    expect(query.current).toBe('back');
    expect(query.error).toBeUndefined();
  });

  it('drops an answer in flight once cancelled', async () => {
    const query = new LatestQuery<string>();
    const late = deferred<string>();
    const asked = query.ask(() => late.promise);
    query.cancel();
    late.resolve('unwanted');
    await asked;
    expect(query.current).toBeUndefined();
  });
});

describe('key changes', () => {
  it('are changes of value: a key recomputed equal asks nothing, a new one does', () => {
    const keys = new KeyChanges();
    expect(keys.changed({ computedAt: 'a', id: 'x' })).toBe(true);
    expect(keys.changed({ computedAt: 'a', id: 'x' })).toBe(false);
    expect(keys.changed({ computedAt: 'b', id: 'x' })).toBe(true);
    // Gone and back: asked again.
    expect(keys.changed(undefined)).toBe(true);
    expect(keys.changed({ computedAt: 'b', id: 'x' })).toBe(true);
  });
});
