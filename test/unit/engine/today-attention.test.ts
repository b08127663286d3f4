import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  hasOpenSeriousComplaint,
  todayAttention,
  withUpgradesHeld,
  type ComplaintRecord,
} from '$engine/index';
import { addDays, toEpochDay } from '$lib/dates';

const AS_OF = '2026-06-30';
const A = toEpochDay(AS_OF);
const daysAgo = (days: number): string => addDays(AS_OF, -days);

function snapshotWith(complaints: ComplaintRecord[]) {
  return buildSnapshot({
    clients: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    transactions: [
      { clientId: 'b', date: daysAgo(60), amount: 400, dueDate: daysAgo(30) },
      {
        clientId: 'c',
        date: daysAgo(60),
        amount: 400,
        dueDate: daysAgo(30),
        paidDate: daysAgo(31),
      },
    ],
    interactions: [],
    feedback: [],
    complaints,
  });
}

const scores = {
  clientIds: ['a', 'b', 'c'],
  scored: [1, 1, 1],
  tier: [0, 1, 2],
  churnWarning: [0, 1, 0],
  pActive: [0.9, 0.2, 0.8],
  clv12m: [100, 900, 50],
};

describe('todayAttention', () => {
  it('lists open complaints that are serious or 14 days old, not younger minor ones', () => {
    const snapshot = snapshotWith([
      { clientId: 'a', openedAt: daysAgo(3), severity: 'high' },
      { clientId: 'b', openedAt: daysAgo(13), severity: 'medium' },
      { clientId: 'c', openedAt: daysAgo(14), severity: 'low' },
      { clientId: 'c', openedAt: daysAgo(40), severity: 'high', resolvedAt: daysAgo(2) },
    ]);
    const { complaints } = todayAttention(snapshot, scores, A);
    expect(complaints.map((c) => [c.id, c.severity, c.openDays])).toEqual([
      ['a', 3, 3],
      ['c', 1, 14],
    ]);
  });

  it('lists unpaid invoices past their due date and churn warnings', () => {
    const { overdue, churn } = todayAttention(snapshotWith([]), scores, A);
    expect(overdue).toEqual([{ id: 'b', tier: 1, amount: 400, invoices: 1, overdueDays: 30 }]);
    expect(churn.map((c) => c.id)).toEqual(['b']);
  });
});

describe('an open serious complaint holds upgrades', () => {
  it('is open from the day it is opened until the day it is resolved', () => {
    const snapshot = snapshotWith([
      { clientId: 'a', openedAt: daysAgo(3), severity: 'high', resolvedAt: addDays(AS_OF, 1) },
      { clientId: 'b', openedAt: daysAgo(3), severity: 'medium' },
    ]);
    expect([0, 1, 2].map((c) => hasOpenSeriousComplaint(snapshot, c, A))).toEqual([
      true,
      false,
      false,
    ]);
    expect(hasOpenSeriousComplaint(snapshot, 0, A + 1)).toBe(false);
    expect(hasOpenSeriousComplaint(snapshot, 0, A - 4)).toBe(false);
  });

  it('keeps the previous tier instead of a better one, but lets the client fall', () => {
    const tier = Uint8Array.from([0, 3, 0, 0]);
    const previous = Int16Array.from([2, 1, 2, -1]);
    const pinned = Uint8Array.from([0, 0, 1, 0]);
    const blocked = Uint8Array.from([1, 1, 1, 1]);
    // Up from 2 to 0: held at 2; down from 1 to 3: falls; pinned: as pinned; new: as scored.
    expect([...withUpgradesHeld(tier, previous, pinned, blocked)]).toEqual([2, 3, 0, 0]);
    expect([...withUpgradesHeld(tier, previous, pinned, new Uint8Array(4))]).toEqual([0, 3, 0, 0]);
  });
});
