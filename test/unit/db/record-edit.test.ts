import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { editClientRecord, saveClientRecord } from '$db/client-records';
import { editClient, saveClient } from '$db/client-repository';
import { TierwiseDb } from '$db/database';
import { applyEdit, changedFields, EditConflictError } from '$db/record-edit';
import { editTransaction, saveTransaction } from '$db/record-repository';
import type { Client } from '$schema/client';
import { clientIdSchema } from '$schema/common';

describe('applyEdit', () => {
  const stored = { id: 'a', name: 'Ann', phone: '1', tags: ['x'] };

  it('writes the changed fields over the record as stored, keeping the others', () => {
    const edit = { id: 'a', before: { name: 'Ann' }, after: { name: 'Anna' } };
    expect(applyEdit({ ...stored, phone: '2' }, edit)).toEqual({
      ...stored,
      phone: '2',
      name: 'Anna',
    });
  });

  it('refuses when a changed field was changed elsewhere to something else', () => {
    const edit = { id: 'a', before: { phone: '1' }, after: { phone: '3' } };
    expect(() => applyEdit({ ...stored, phone: '2' }, edit)).toThrow(EditConflictError);
    try {
      applyEdit({ ...stored, phone: '2' }, edit);
    } catch (error) {
      expect((error as EditConflictError).fields).toEqual(['phone']);
    }
    // The same change made twice is no conflict.
    expect(applyEdit({ ...stored, phone: '3' }, edit).phone).toBe('3');
  });

  it('compares lists and missing values as stored data', () => {
    const profile: { tags: string[]; budget?: number } = { tags: ['x'], budget: undefined };
    expect(changedFields(profile, { tags: ['x'] })).toEqual([]);
    expect(changedFields({ tags: ['x'] }, { tags: ['x', 'y'] })).toEqual(['tags']);
    const edit = { id: 'a', before: { tags: ['x'] }, after: { tags: ['x', 'y'] } };
    expect(applyEdit(stored, edit).tags).toEqual(['x', 'y']);
  });

  it('refuses a record that is gone', () => {
    expect(() => applyEdit(undefined, { id: 'a', before: {}, after: { name: 'B' } })).toThrow(
      EditConflictError,
    );
  });
});

describe('editing a stored record from two tabs', () => {
  let db: TierwiseDb;
  let opened: Client;
  const now = new Date('2026-06-01T10:00:00Z');

  beforeEach(async () => {
    db = new TierwiseDb(`edit-test-${Math.random()}`);
    opened = await saveClient(db, { name: 'Ann', company: 'Acme', phone: '111' }, now);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('keeps both edits of different fields: one tab’s phone, the other’s company', async () => {
    // Tab B saves a new phone while tab A's form (opened before) is still open.
    await editClient(db, { id: opened.id, before: { phone: '111' }, after: { phone: '222' } });
    await editClient(db, {
      id: opened.id,
      before: { company: opened.company },
      after: { company: 'Acme Ltd' },
    });
    expect(await db.clients.get(opened.id)).toMatchObject({ phone: '222', company: 'Acme Ltd' });
    expect(await db.changes.count()).toBe(3);
  });

  it('refuses an edit of a field changed elsewhere, and writes nothing', async () => {
    await editClient(db, { id: opened.id, before: { phone: '111' }, after: { phone: '222' } });
    const edit = {
      id: opened.id,
      before: { phone: '111', company: 'Acme' },
      after: { phone: '333', company: 'X' },
    };
    await expect(editClient(db, edit)).rejects.toThrow(EditConflictError);
    expect(await db.clients.get(opened.id)).toMatchObject({ phone: '222', company: 'Acme' });
  });

  it('validates the result: an edit that breaks the record is refused', async () => {
    const tooLong = 'x'.repeat(201);
    await expect(
      editClient(db, { id: opened.id, before: { company: 'Acme' }, after: { company: tooLong } }),
    ).rejects.toThrow(ZodError);
  });

  it('refuses invoice and record dates more than a year ahead, and keeps next month’s', async () => {
    const clientId = clientIdSchema.parse(opened.id);
    const invoice = {
      id: 'i1',
      clientId,
      date: '2026-05-01',
      amount: 10,
      reference: '',
      description: '',
    };
    await expect(saveTransaction(db, { ...invoice, date: '9999-12-31' }, now)).rejects.toThrow(
      ZodError,
    );
    await expect(saveTransaction(db, { ...invoice, dueDate: '2099-01-01' }, now)).rejects.toThrow(
      ZodError,
    );
    await saveTransaction(db, { ...invoice, dueDate: '2026-07-01' }, now);
    await expect(
      editTransaction(
        db,
        { id: 'i1', before: { date: '2026-05-01' }, after: { date: '2028-01-01' } },
        now,
      ),
    ).rejects.toThrow(ZodError);
    await expect(
      saveClientRecord(
        db,
        'interactions',
        { clientId, date: '2026-05-01', kind: 'call', summary: '', followUpDate: '2099-01-01' },
        now,
      ),
    ).rejects.toThrow(ZodError);
    const contact = await saveClientRecord(
      db,
      'interactions',
      { clientId, date: '2026-05-01', kind: 'call', summary: '' },
      now,
    );
    await expect(
      editClientRecord(
        db,
        'interactions',
        { id: contact.id, before: { date: contact.date }, after: { date: '2099-01-01' } },
        now,
      ),
    ).rejects.toThrow(ZodError);
    expect((await db.transactions.get('i1'))?.date).toBe('2026-05-01');
  });

  it('leaves an old far-future date alone when another field is edited', async () => {
    const clientId = clientIdSchema.parse(opened.id);
    // Written before the rule (an old import): editing the amount must still work.
    await db.transactions.put({
      id: 'old',
      clientId,
      date: '2099-01-01',
      amount: 5,
      reference: '',
      description: '',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    const saved = await editTransaction(
      db,
      { id: 'old', before: { amount: 5 }, after: { amount: 6 } },
      now,
    );
    expect(saved.amount).toBe(6);
  });
});
