import { describe, expect, it } from 'vitest';
import { Deletion } from '$features/client/deletion.svelte';

/** A list the deletion works on, standing in for a table. */
function list(...items: string[]) {
  const rows = new Set(items);
  const deletion = new Deletion<string>(
    async (row) => (rows.delete(row) ? row : undefined),
    async (row) => {
      rows.add(row);
    },
  );
  return { rows, deletion };
}

describe('a delete that asks first', () => {
  it('deletes nothing until confirmed, and nothing when the question is closed', async () => {
    const { rows, deletion } = list('a', 'b');
    deletion.ask('a');
    expect(deletion.confirming).toBe(true);
    expect(deletion.asking).toBe('a');
    deletion.confirming = false; // Cancel or Escape
    expect(deletion.asking).toBeNull();
    await deletion.confirm();
    expect([...rows]).toEqual(['a', 'b']);
    expect(deletion.deleted).toBeNull();
  });

  it('deletes on confirmation, and Undo puts the record back', async () => {
    const { rows, deletion } = list('a', 'b');
    deletion.ask('b');
    await deletion.confirm();
    expect(deletion.confirming).toBe(false);
    expect([...rows]).toEqual(['a']);
    expect(deletion.deleted).toBe('b');
    await deletion.undo();
    expect([...rows].sort()).toEqual(['a', 'b']);
    expect(deletion.deleted).toBeNull();
  });

  it('offers no Undo for a record that was already gone', async () => {
    const { deletion } = list('a');
    deletion.ask('x');
    await deletion.confirm();
    expect(deletion.deleted).toBeNull();
  });

  it('keeps one Undo: the latest deletion’s', async () => {
    const { rows, deletion } = list('a', 'b');
    deletion.ask('a');
    await deletion.confirm();
    deletion.ask('b');
    await deletion.confirm();
    expect(deletion.deleted).toBe('b');
    await deletion.undo();
    expect([...rows]).toEqual(['b']);
  });

  it('says why a delete or an Undo failed, keeping the Undo to try again', async () => {
    let refuse = true;
    const rows = new Set(['a']);
    const deletion = new Deletion<string>(
      async (row) => {
        if (refuse) throw new Error('QuotaExceededError');
        return rows.delete(row) ? row : undefined;
      },
      async (row) => {
        if (refuse) throw new Error('QuotaExceededError');
        rows.add(row);
      },
    );
    deletion.ask('a');
    await deletion.confirm();
    expect(deletion.failure).toBe('QuotaExceededError');
    expect([...rows]).toEqual(['a']);
    expect(deletion.deleted).toBeNull();

    refuse = false;
    deletion.ask('a');
    await deletion.confirm();
    expect(deletion.failure).toBeNull();
    expect(deletion.deleted).toBe('a');

    refuse = true;
    await deletion.undo();
    expect(deletion.failure).toBe('QuotaExceededError');
    expect(deletion.deleted).toBe('a');
    expect([...rows]).toEqual([]);

    refuse = false;
    await deletion.undo();
    expect(deletion.failure).toBeNull();
    expect(deletion.deleted).toBeNull();
    expect([...rows]).toEqual(['a']);
  });
});
