import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listClientRecords, saveClientRecord } from '$db/client-records';
import { TierwiseDb } from '$db/database';
import { complaints } from '$features/client/records/complaints';
import { feedback } from '$features/client/records/feedback';
import { interactions } from '$features/client/records/interactions';
import { RecordEditor } from '$features/client/records/record-editor.svelte';
import type { I18n } from '$i18n/i18n.svelte';
import { en } from '$i18n/en';
import { translate } from '$i18n/translate';
import { clientIdSchema } from '$schema/common';

const ann = clientIdSchema.parse('ann');
const i18n = { t: (key, params) => translate(en, key, params) } as I18n; // only `t` is used
let db: TierwiseDb;
let today = '2025-06-01';
const services = () => ({ db, i18n, today: () => today });

beforeEach(() => {
  db = new TierwiseDb(`record-editor-test-${Math.random()}`);
  today = '2025-06-01';
});
afterEach(async () => {
  await db.delete();
});

describe('the record form', () => {
  it('refuses a bad value in words, writes nothing, then adds the corrected record', async () => {
    const editor = new RecordEditor(feedback, services(), () => ann);
    expect(editor.draft).toEqual({ date: today, scale: 'csat', score: '', comment: '' });
    editor.draft.score = '9';
    await editor.save();
    expect(editor.errors).toEqual({ score: en['records.invalid.score'] });
    expect(await db.feedback.count()).toBe(0);

    editor.draft.score = '5';
    editor.draft.comment = 'Delighted';
    await editor.save();
    expect(editor.errors).toEqual({});
    const [saved] = await listClientRecords(db, 'feedback', ann);
    expect(saved).toMatchObject({ date: today, scale: 'csat', score: 5, comment: 'Delighted' });
  });

  it('refuses a complaint that says nothing, in words, and writes nothing', async () => {
    const editor = new RecordEditor(complaints, services(), () => ann);
    editor.draft.description = '   ';
    await editor.save();
    expect(editor.errors).toEqual({ description: en['records.required.description'] });
    expect(await db.complaints.count()).toBe(0);

    editor.draft.description = 'The delivery came a week late';
    await editor.save();
    expect(editor.errors).toEqual({});
    const [saved] = await listClientRecords(db, 'complaints', ann);
    expect(saved).toMatchObject({
      description: 'The delivery came a week late',
      severity: 'medium',
    });
  });

  it('takes an empty score as missing, not as 0', async () => {
    const editor = new RecordEditor(feedback, services(), () => ann);
    editor.draft.scale = 'nps';
    await editor.save();
    expect(editor.errors.score).toBe(en['records.invalid.score']);
  });

  it('after a save, clears the form for the next record but keeps the choices of the selects', async () => {
    const editor = new RecordEditor(interactions, services(), () => ann);
    editor.draft.kind = 'meeting';
    editor.draft.summary = 'Kick-off';
    today = '2025-06-02';
    await editor.save();
    expect(editor.draft).toEqual({ date: '2025-06-02', kind: 'meeting', summary: '' });
  });

  it('edits in place and keeps what the form does not show', async () => {
    const contact = await saveClientRecord(db, 'interactions', {
      clientId: ann,
      date: '2025-05-01',
      kind: 'call',
      summary: 'Pricing',
      followUpDate: '2025-05-20',
    });
    const complaint = await saveClientRecord(db, 'complaints', {
      clientId: ann,
      openedAt: '2025-05-02',
      severity: 'high',
      description: 'Late',
      resolvedAt: '2025-05-03',
      resolution: 'Refunded the shipping',
    });

    const contacts = new RecordEditor(interactions, services(), () => ann);
    contacts.edit(contact);
    expect(contacts.draft).toEqual({ date: '2025-05-01', kind: 'call', summary: 'Pricing' });
    contacts.draft.summary = 'Pricing, again';
    await contacts.save();
    expect(contacts.editing).toBeNull();
    expect(await db.interactions.get(contact.id)).toMatchObject({
      summary: 'Pricing, again',
      followUpDate: '2025-05-20',
      createdAt: contact.createdAt,
    });
    expect(await db.interactions.count()).toBe(1);

    const complaintEditor = new RecordEditor(complaints, services(), () => ann);
    complaintEditor.edit(complaint);
    complaintEditor.draft.severity = 'low';
    await complaintEditor.save();
    expect(await db.complaints.get(complaint.id)).toMatchObject({
      severity: 'low',
      resolvedAt: '2025-05-03',
      resolution: 'Refunded the shipping',
    });
  });

  it('cancelling an edit goes back to adding, with nothing written', async () => {
    const answer = await saveClientRecord(db, 'feedback', {
      clientId: ann,
      date: '2025-05-01',
      scale: 'nps',
      score: 7,
      comment: '',
    });
    const editor = new RecordEditor(feedback, services(), () => ann);
    editor.edit(answer);
    expect(editor.draft).toEqual({ date: '2025-05-01', scale: 'nps', score: '7', comment: '' });
    editor.draft.score = '0';
    editor.reset();
    expect(editor.editing).toBeNull();
    expect(editor.draft).toEqual({ date: today, scale: 'nps', score: '', comment: '' });
    expect(await db.feedback.get(answer.id)).toEqual(answer);
  });
});
