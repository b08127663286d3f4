import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  computeFeatures,
  mergeSnapshot,
  patchSnapshotInPlace,
  updateFeatures,
  type SnapshotRecords,
} from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { AS_OF, model, sampleRecords } from './fixtures';

const asOfDay = toEpochDay(AS_OF);

/** The records with some clients' invoices, contacts and complaints changed, one gone, one new. */
function edited(data: SnapshotRecords, changed: readonly string[], gone: string): SnapshotRecords {
  const keep = <T extends { clientId: string }>(rows: readonly T[]) =>
    rows.filter((r) => r.clientId !== gone);
  return {
    clients: [
      ...data.clients.filter((c) => c.id !== gone),
      { id: 'zz-new', referredById: changed[0] },
    ],
    transactions: keep(data.transactions)
      .filter((t) => t.clientId !== changed[1])
      .map((t) =>
        t.clientId === changed[0] ? { ...t, amount: t.amount * 3, paidDate: undefined } : t,
      )
      .concat([{ clientId: 'zz-new', date: '2026-06-01', amount: 10 }]),
    interactions: keep(data.interactions).concat([{ clientId: changed[2]!, date: AS_OF }]),
    feedback: keep(data.feedback),
    complaints: keep(data.complaints).concat([
      { clientId: changed[0]!, openedAt: '2026-05-01', severity: 'high' },
    ]),
  };
}

describe('updateFeatures', () => {
  it('measures only the changed clients, and agrees with measuring everyone', () => {
    const data = sampleRecords();
    const base = buildSnapshot(data);
    const definition = model();
    const options = { asOfDay, definition };
    const before = computeFeatures(base, options);
    const changed = data.clients.slice(3, 6).map((c) => c.id);
    const gone = data.clients[10]!.id;
    const after = edited(data, changed, gone);
    const only = new Set([...changed, 'zz-new']);
    const patch = buildSnapshot({
      clients: after.clients.filter((c) => only.has(c.id)),
      transactions: after.transactions.filter((r) => only.has(r.clientId)),
      interactions: after.interactions.filter((r) => only.has(r.clientId)),
      feedback: after.feedback.filter((r) => only.has(r.clientId)),
      complaints: after.complaints.filter((r) => only.has(r.clientId)),
    });
    const snapshot = mergeSnapshot(base, patch, new Set([gone]));
    const updated = updateFeatures(
      { ids: base.clients.ids, features: before },
      snapshot,
      options,
      new Set([...changed, gone, 'zz-new']),
    );
    expect(updated).toEqual(computeFeatures(buildSnapshot(after), options));
    // The referrer of the new client gains a referral: measured although not changed.
    const referrer = snapshot.clients.ids.indexOf(changed[0]!);
    expect(updated.metrics.referrals[referrer]).toBeGreaterThanOrEqual(1);
  });

  it('updates the previous columns in place on a snapshot patched in place', () => {
    const data = sampleRecords();
    const snapshot = buildSnapshot(data);
    const options = { asOfDay, definition: model() };
    const before = computeFeatures(snapshot, options);
    const changed = new Set(data.clients.slice(7, 9).map((c) => c.id));
    const after: SnapshotRecords = {
      ...data,
      transactions: data.transactions.map((t) =>
        changed.has(t.clientId) ? { ...t, amount: -t.amount, date: AS_OF } : t,
      ),
    };
    const patch = buildSnapshot({
      clients: after.clients.filter((c) => changed.has(c.id)),
      transactions: after.transactions.filter((r) => changed.has(r.clientId)),
      interactions: after.interactions.filter((r) => changed.has(r.clientId)),
      feedback: after.feedback.filter((r) => changed.has(r.clientId)),
      complaints: after.complaints.filter((r) => changed.has(r.clientId)),
    });
    expect(patchSnapshotInPlace(snapshot, patch, new Set())).toBe(true);
    const updated = updateFeatures(
      { ids: snapshot.clients.ids, features: before },
      snapshot,
      options,
      changed,
    );
    expect(updated.metrics.monetaryTotal).toBe(before.metrics.monetaryTotal);
    expect(updated).toEqual(computeFeatures(buildSnapshot(after), options));
  });

  it('measures everyone again when the as-of day, the window or the hourly rate moved', () => {
    const data = sampleRecords();
    const snapshot = buildSnapshot(data);
    const definition = model();
    const before = computeFeatures(snapshot, { asOfDay, definition });
    const previous = { ids: snapshot.clients.ids, features: before };
    for (const options of [
      { asOfDay: asOfDay - 30, definition },
      { asOfDay, definition: { ...definition, windowDays: 180 } },
      { asOfDay, definition: { ...definition, hourlyRate: definition.hourlyRate + 10 } },
    ]) {
      const updated = updateFeatures(previous, snapshot, options, new Set());
      expect(updated).toEqual(computeFeatures(snapshot, options));
      expect(updated).not.toEqual(before);
    }
  });
});
