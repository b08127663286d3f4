import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  dueFollowUps,
  nextFollowUp,
  NO_DAY,
  type ClientRecord,
  type FollowUpScores,
  type SnapshotRecords,
} from '$engine/index';
import { addDays, toEpochDay } from '$lib/dates';

const AS_OF = '2026-06-30';
const A = toEpochDay(AS_OF);
/** VIP, Core, Ordinary, Low value: the default playbooks' cadences. */
const CADENCE = [30, 60, 120, 180];
const daysAgo = (days: number): string => addDays(AS_OF, -days);

function records(partial: Partial<SnapshotRecords>): SnapshotRecords {
  return {
    clients: [],
    transactions: [],
    interactions: [],
    feedback: [],
    complaints: [],
    ...partial,
  };
}

/** Scores for the snapshot's clients: tiers by id, everyone scored unless archived. */
function scoresFor(
  clients: readonly ClientRecord[],
  tiers: Record<string, number>,
  extra: Partial<Record<'pActive' | 'clv12m' | 'windowRevenue', Record<string, number>>> = {},
): FollowUpScores {
  const ids = clients.map((c) => c.id).sort();
  const byId = new Map(clients.map((c) => [c.id, c]));
  return {
    clientIds: ids,
    scored: ids.map((id) => (byId.get(id)?.archived ? 0 : 1)),
    tier: ids.map((id) => tiers[id] ?? 0),
    pActive: ids.map((id) => extra.pActive?.[id] ?? 1),
    clv12m: ids.map((id) => extra.clv12m?.[id] ?? NaN),
    windowRevenue: ids.map((id) => extra.windowRevenue?.[id] ?? 0),
  };
}

describe('nextFollowUp: the due day from the cadence and the last touch', () => {
  it.each([
    // [what, client's records, tier, expected base, days after the as-of day it is due]
    ['never contacted: due on the as-of day', {}, 1, 'never', 0],
    [
      'a call 20 days ago, Core (60 days)',
      { interactions: [{ clientId: 'a', date: daysAgo(20) }] },
      1,
      'touch',
      40,
    ],
    [
      'an invoice is a touch too, the latest counts (VIP, 30 days)',
      {
        interactions: [{ clientId: 'a', date: daysAgo(90) }],
        transactions: [{ clientId: 'a', date: daysAgo(10), amount: 100 }],
      },
      0,
      'touch',
      20,
    ],
    [
      'feedback is a touch too (Ordinary, 120 days)',
      {
        interactions: [{ clientId: 'a', date: daysAgo(200) }],
        feedback: [{ clientId: 'a', date: daysAgo(100), scale: 'csat' as const, score: 4 }],
      },
      2,
      'touch',
      20,
    ],
    [
      'a touch after the as-of day does not count yet',
      {
        interactions: [
          { clientId: 'a', date: daysAgo(70) },
          { clientId: 'a', date: addDays(AS_OF, 3) },
        ],
      },
      1,
      'touch',
      -10,
    ],
    [
      'a follow-up date set on the last contact replaces the cadence',
      { interactions: [{ clientId: 'a', date: daysAgo(5), followUpDate: addDays(AS_OF, 2) }] },
      1,
      'date',
      2,
    ],
    [
      'a follow-up date followed by a later touch no longer counts',
      {
        interactions: [{ clientId: 'a', date: daysAgo(50), followUpDate: daysAgo(45) }],
        transactions: [{ clientId: 'a', date: daysAgo(10), amount: 50 }],
      },
      1,
      'touch',
      50,
    ],
  ] as const)('%s', (_what, partial, tier, base, dueIn) => {
    const snapshot = buildSnapshot(records({ clients: [{ id: 'a' }], ...partial }));
    const next = nextFollowUp(snapshot, 0, tier, { asOfDay: A, cadenceDays: CADENCE });
    expect(next.base).toBe(base);
    expect(next.dueDay - A).toBe(dueIn);
  });

  it("a client's own cadence overrides its tier's", () => {
    const snapshot = buildSnapshot(
      records({
        clients: [{ id: 'a', cadenceDays: 14 }],
        interactions: [{ clientId: 'a', date: daysAgo(10) }],
      }),
    );
    const next = nextFollowUp(snapshot, 0, 3, { asOfDay: A, cadenceDays: CADENCE });
    expect([next.cadenceDays, next.ownCadence, next.dueDay - A]).toEqual([14, true, 4]);
  });

  it('a tier change after the last touch re-bases the cadence on the day of the change', () => {
    const snapshot = buildSnapshot(
      records({ clients: [{ id: 'a' }], interactions: [{ clientId: 'a', date: daysAgo(100) }] }),
    );
    const changed = new Map([['a', A - 5]]);
    // Promoted to VIP five days ago: 30 days from the change, not 70 days overdue.
    const next = nextFollowUp(snapshot, 0, 0, {
      asOfDay: A,
      cadenceDays: CADENCE,
      tierChangedDay: changed,
    });
    expect([next.base, next.baseDay, next.dueDay - A]).toEqual(['tierChange', A - 5, 25]);
    // A touch after the change counts from the touch.
    const touched = buildSnapshot(
      records({ clients: [{ id: 'a' }], interactions: [{ clientId: 'a', date: daysAgo(2) }] }),
    );
    const after = nextFollowUp(touched, 0, 0, {
      asOfDay: A,
      cadenceDays: CADENCE,
      tierChangedDay: changed,
    });
    expect([after.base, after.dueDay - A]).toEqual(['touch', 28]);
  });
});

describe('dueFollowUps', () => {
  it('a pinned tier counts: the scores carry the pinned tier, and its cadence applies', () => {
    const clients: ClientRecord[] = [{ id: 'a', pin: { tierId: 'core' } }];
    const snapshot = buildSnapshot(
      records({ clients, interactions: [{ clientId: 'a', date: daysAgo(70) }] }),
    );
    // Pinned to Core (tier 1): 60 days, 10 overdue. As Low value (3, 180 days) it is not due.
    expect(
      dueFollowUps(snapshot, scoresFor(clients, { a: 1 }), { asOfDay: A, cadenceDays: CADENCE }),
    ).toMatchObject([{ id: 'a', tier: 1, overdueDays: 10 }]);
    expect(
      dueFollowUps(snapshot, scoresFor(clients, { a: 3 }), { asOfDay: A, cadenceDays: CADENCE }),
    ).toEqual([]);
  });

  it('an archived client has no follow-up', () => {
    const clients: ClientRecord[] = [{ id: 'a', archived: true }, { id: 'b' }];
    const snapshot = buildSnapshot(records({ clients }));
    const due = dueFollowUps(snapshot, scoresFor(clients, {}), {
      asOfDay: A,
      cadenceDays: CADENCE,
    });
    expect(due.map((f) => f.id)).toEqual(['b']);
  });

  it('missed cycles collapse into one item, overdue by the days since the first due day', () => {
    const clients: ClientRecord[] = [{ id: 'core' }, { id: 'vip' }];
    const snapshot = buildSnapshot(
      records({
        clients,
        interactions: [
          { clientId: 'core', date: daysAgo(70) },
          { clientId: 'vip', date: daysAgo(100) },
        ],
      }),
    );
    const due = dueFollowUps(snapshot, scoresFor(clients, { core: 1, vip: 0 }), {
      asOfDay: A,
      cadenceDays: CADENCE,
    });
    expect(due.map((f) => [f.id, f.overdueDays, f.missedCycles])).toEqual([
      ['vip', 70, 3],
      ['core', 10, 1],
    ]);
  });

  it('a client snoozed past the as-of day is left out, and back on the day the snooze ends', () => {
    const clients: ClientRecord[] = [{ id: 'a', followUpSnooze: { until: addDays(AS_OF, 7) } }];
    const snapshot = buildSnapshot(records({ clients }));
    const options = { cadenceDays: CADENCE };
    expect(dueFollowUps(snapshot, scoresFor(clients, {}), { ...options, asOfDay: A })).toEqual([]);
    expect(dueFollowUps(snapshot, scoresFor(clients, {}), { ...options, asOfDay: A + 6 })).toEqual(
      [],
    );
    // Back, it says when the snooze ended.
    expect(
      dueFollowUps(snapshot, scoresFor(clients, {}), { ...options, asOfDay: A + 7 }),
    ).toMatchObject([{ id: 'a', snoozeEndedDay: A + 7 }]);
  });

  it('a contact after a snooze ended is what the follow-up counts from, not the snooze', () => {
    const clients: ClientRecord[] = [
      { id: 'a', followUpSnooze: { until: daysAgo(70) } },
      { id: 'b', followUpSnooze: { until: daysAgo(70) } },
    ];
    const snapshot = buildSnapshot(
      records({ clients, interactions: [{ clientId: 'b', date: daysAgo(65) }] }),
    );
    const due = dueFollowUps(snapshot, scoresFor(clients, { a: 1, b: 1 }), {
      cadenceDays: CADENCE,
      asOfDay: A,
    });
    expect(Object.fromEntries(due.map((f) => [f.id, f.snoozeEndedDay]))).toEqual({
      a: A - 70,
      b: NO_DAY,
    });
  });

  it('orders by value × (1 + days overdue) × (2 − P(active)), each factor counting', () => {
    const clients: ClientRecord[] = ['rich', 'late', 'risky', 'plain'].map((id) => ({ id }));
    const snapshot = buildSnapshot(
      records({
        clients,
        interactions: [
          { clientId: 'rich', date: daysAgo(64) },
          { clientId: 'late', date: daysAgo(80) },
          { clientId: 'risky', date: daysAgo(64) },
          { clientId: 'plain', date: daysAgo(64) },
        ],
      }),
    );
    const scores = scoresFor(
      clients,
      { rich: 1, late: 1, risky: 1, plain: 1 },
      {
        clv12m: { rich: 5000, late: 1000, risky: 1000, plain: 1000 },
        pActive: { rich: 1, late: 1, risky: 0.1, plain: 1 },
      },
    );
    const due = dueFollowUps(snapshot, scores, { asOfDay: A, cadenceDays: CADENCE });
    // rich 5000 × 5 × 1 = 25000; late 1000 × 21 × 1 = 21000; risky 1000 × 5 × 1.9 = 9500;
    // plain 1000 × 5 × 1 = 5000.
    expect(due.map((f) => [f.id, f.priority])).toEqual([
      ['rich', 25_000],
      ['late', 21_000],
      ['risky', 9_500],
      ['plain', 5_000],
    ]);
  });

  it('without a lifetime value, the window revenue is the value; at least 1', () => {
    const clients: ClientRecord[] = [{ id: 'a' }, { id: 'b' }];
    const snapshot = buildSnapshot(records({ clients }));
    const scores = scoresFor(clients, {}, { windowRevenue: { a: 300, b: 0 } });
    const due = dueFollowUps(snapshot, scores, { asOfDay: A, cadenceDays: CADENCE });
    expect(due.map((f) => [f.id, f.value, f.lastTouchDay])).toEqual([
      ['a', 300, NO_DAY],
      ['b', 1, NO_DAY],
    ]);
  });
});
