import { describe, expect, it } from 'vitest';
import { ListRows, PAGE_ROWS } from '$features/clients/list-rows.svelte';
import type { ListRow } from '$worker/list-service';

/** A worker whose pages the test hands over when it says so. */
function slowWorker() {
  const asked: { listId: number; from: number; answer: () => void }[] = [];
  const row = (listId: number, at: number) => ({ id: `${listId}-${at}` }) as ListRow; // only ids are read here
  return {
    asked,
    worker: {
      listRows: (listId: number, from: number, to: number) =>
        new Promise<ListRow[] | null>((resolve) => {
          asked.push({
            listId,
            from,
            answer: () =>
              resolve(Array.from({ length: to - from }, (_, k) => row(listId, from + k))),
          });
        }),
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the rows of the list', () => {
  it('swap to a new list all at once, keeping the old rows until every row on screen has come', async () => {
    const { asked, worker } = slowWorker();
    const rows = new ListRows(worker);
    rows.visible(0, 2 * PAGE_ROWS + 10);
    rows.show(1);
    asked.forEach((a) => a.answer());
    await settle();
    expect(rows.rows.get(120)?.id).toBe('1-120');
    // New scores: a new list. Two of its three pages arrive; the screen keeps list 1.
    asked.length = 0;
    rows.show(2);
    expect(asked.map((a) => a.from)).toEqual([0, PAGE_ROWS, 2 * PAGE_ROWS]);
    asked[0]?.answer();
    asked[2]?.answer();
    await settle();
    expect(rows.rows.get(0)?.id).toBe('1-0');
    expect(rows.rows.get(120)?.id).toBe('1-120');
    asked[1]?.answer();
    await settle();
    expect(rows.rows.get(0)?.id).toBe('2-0');
    expect(rows.rows.get(60)?.id).toBe('2-60');
    expect(rows.rows.get(120)?.id).toBe('2-120');
  });

  it('fetch a page once however often it is wanted, and only pages not there yet', async () => {
    const { asked, worker } = slowWorker();
    const rows = new ListRows(worker);
    rows.show(1);
    rows.visible(0, 10);
    rows.visible(0, 20);
    expect(asked).toHaveLength(1);
    asked[0]?.answer();
    await settle();
    rows.visible(5, 30);
    rows.visible(PAGE_ROWS, PAGE_ROWS + 5);
    expect(asked.map((a) => a.from)).toEqual([0, PAGE_ROWS]);
  });
});
