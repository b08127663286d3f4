import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  concentrationCurve,
  dashboardSummary,
  gini,
  type DashboardScores,
  type Snapshot,
} from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { AS_OF, records } from './fixtures';

const asOfDay = toEpochDay(AS_OF); // 2026-06-30

/** Scores in snapshot (id) order: everyone scored, tier and churn flags as given. */
function scoresFor(
  snapshot: Snapshot,
  tier: number[],
  change: Partial<DashboardScores> = {},
): DashboardScores {
  const n = snapshot.clients.ids.length;
  return {
    clientIds: snapshot.clients.ids,
    scored: new Uint8Array(n).fill(1),
    tier,
    churnWarning: new Uint8Array(n),
    clv12m: new Float32Array(n),
    pActive: new Float32Array(n),
    ...change,
  };
}

const options = { asOfDay, tiers: 4, concentrationThreshold: 0.3 };

describe('dashboardSummary', () => {
  const snapshot = buildSnapshot(
    records({
      clients: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e', archived: true }],
      transactions: [
        // a: both years, two purchase days
        { clientId: 'a', date: '2025-03-01', amount: 100 },
        { clientId: 'a', date: '2026-06-30', amount: 300 },
        // b: previous year only (not retained); a refund in the window
        { clientId: 'b', date: '2024-12-01', amount: 200 },
        { clientId: 'b', date: '2026-01-10', amount: -50 },
        // c: window only, two invoices on one day (one purchase day)
        { clientId: 'c', date: '2026-02-01', amount: 600 },
        { clientId: 'c', date: '2026-02-01', amount: 150 },
        // after the as-of day: ignored
        { clientId: 'c', date: '2026-07-01', amount: 9_999 },
        // d: before both windows
        { clientId: 'd', date: '2023-01-01', amount: 80 },
        // e is archived: ignored everywhere
        { clientId: 'e', date: '2026-06-01', amount: 5_000 },
      ],
      feedback: [
        { clientId: 'a', date: '2026-05-01', scale: 'csat', score: 5 }, // 100
        { clientId: 'b', date: '2026-05-01', scale: 'nps', score: 5 }, // 50
        { clientId: 'c', date: '2025-01-01', scale: 'csat', score: 1 }, // outside the window
      ],
      complaints: [
        { clientId: 'b', openedAt: '2026-03-01', severity: 'low' },
        { clientId: 'b', openedAt: '2026-04-01', severity: 'high' },
        { clientId: 'c', openedAt: '2026-04-01', resolvedAt: '2026-04-03', severity: 'high' },
      ],
    }),
  );
  const summary = dashboardSummary(
    snapshot,
    scoresFor(snapshot, [0, 2, 1, 3, 0], {
      scored: Uint8Array.from([1, 1, 1, 1, 0]),
      churnWarning: Uint8Array.from([1, 0, 1, 0, 1]),
      clv12m: Float32Array.from([NaN, 0, 500, 0, 0]),
    }),
    options,
  );

  it.each([
    ['clients', 4],
    ['activeClients', 2], // a, c (b only refunded)
    ['revenue12m', 300 - 50 + 750],
    ['revenuePrevious12m', 300],
    ['retentionBase', 2], // a, b
    ['retentionRate', 0.5],
    ['buyers', 4],
    ['repeatPurchaseRate', 0.25], // a only: b's refund is not a purchase
    ['satisfactionResponses', 2],
    ['satisfaction', 75],
    ['openComplaints', 2],
    ['complaintClients', 1],
    ['churnCount', 2],
    ['curveClients', 2], // a, c
    ['scatterClients', 4],
  ] as const)('%s = %s', (key, expected) => {
    expect(summary[key]).toBeCloseTo(expected, 9);
  });

  it('compares revenue with the previous 12 months', () => {
    expect(summary.revenueChange).toBeCloseTo(1000 / 300 - 1, 9);
  });

  it('names the top client and warns above the threshold', () => {
    expect(summary.topClient).toEqual({ id: 'c', tier: 1, revenue: 750, share: 0.75 });
    expect(summary.concentrationWarning).toBe(true);
  });

  it('counts clients and 12-month revenue per tier', () => {
    expect(summary.tierClients).toEqual([1, 1, 1, 1]);
    expect(summary.tierRevenue12m).toEqual([300, 750, -50, 0]);
  });

  it('puts revenue in the calendar months ending with the as-of month', () => {
    expect(summary.months).toHaveLength(24);
    expect(summary.months[0]).toBe('2024-07');
    expect(summary.months[23]).toBe('2026-06');
    const total = (tier: number) => summary.monthRevenue[tier]!.reduce((s, x) => s + x, 0);
    expect(summary.monthRevenue[0]![23]).toBe(300);
    expect(summary.monthRevenue[0]![8]).toBe(100); // 2025-03
    expect(summary.monthRevenue[1]![19]).toBe(750); // 2026-02
    expect(total(2)).toBe(200 - 50);
    expect(total(3)).toBe(0);
  });

  it('lists churn warnings by predicted value, unknown last, and open complaints', () => {
    expect(summary.churn.map((c) => c.id)).toEqual(['c', 'a']);
    expect(summary.complaints).toEqual([
      { id: 'b', tier: 2, open: 2, severity: 3, oldestDay: toEpochDay('2026-03-01') },
    ]);
  });

  it('draws each buyer in its tier, purchase days against lifetime revenue', () => {
    expect(summary.scatter[1]).toEqual([{ x: 1, y: 750 }]);
    expect(summary.scatter[0]).toEqual([{ x: 2, y: 400 }]);
    expect(summary.scatterShown).toBe(4);
  });

  it('samples the scatter uniformly above the limit', () => {
    const s = dashboardSummary(snapshot, scoresFor(snapshot, [0, 0, 0, 0, 0]), {
      ...options,
      maxScatterPoints: 2,
    });
    expect(s.scatterShown).toBe(2);
    expect(s.scatter[0]).toHaveLength(2);
  });

  it('nets each day: an order cancelled the same day makes nobody a repeat buyer', () => {
    const netted = buildSnapshot(
      records({
        clients: [{ id: 'x' }],
        transactions: [
          { clientId: 'x', date: '2024-01-05', amount: 50 },
          { clientId: 'x', date: '2026-03-01', amount: 10_000 },
          { clientId: 'x', date: '2026-03-01', amount: -10_000 },
        ],
      }),
    );
    const summary = dashboardSummary(netted, scoresFor(netted, [0]), options);
    expect(summary.repeatPurchaseRate).toBe(0);
    expect(summary.activeClients).toBe(0);
  });

  it('does not compare with a previous year the data do not cover', () => {
    const short = buildSnapshot(
      records({
        clients: [{ id: 'x' }],
        transactions: [
          { clientId: 'x', date: '2025-06-21', amount: 10 },
          { clientId: 'x', date: '2026-01-01', amount: 300 },
        ],
      }),
    );
    const summary = dashboardSummary(short, scoresFor(short, [0]), options);
    expect(summary.previousCovered).toBe(false);
    expect(summary.revenueChange).toBeNull();
    expect(summary.retentionRate).toBeNull();
  });

  it('totals what is overdue and lists who owes it, the largest first, archived clients left out', () => {
    const owing = buildSnapshot(
      records({
        clients: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'z', archived: true }],
        transactions: [
          // a: 300 overdue since 06-01, 200 not yet due
          { clientId: 'a', date: '2026-05-01', amount: 300, dueDate: '2026-06-01' },
          { clientId: 'a', date: '2026-06-20', amount: 200, dueDate: '2026-07-20' },
          // b: two overdue invoices, less an open credit of 100
          { clientId: 'b', date: '2026-04-01', amount: 500, dueDate: '2026-05-01' },
          { clientId: 'b', date: '2026-05-01', amount: 250.5, dueDate: '2026-05-31' },
          { clientId: 'b', date: '2026-05-10', amount: -100 },
          // c: paid, however late
          {
            clientId: 'c',
            date: '2026-01-01',
            amount: 900,
            dueDate: '2026-01-31',
            paidDate: '2026-06-29',
          },
          // d: only what is not yet due
          { clientId: 'd', date: '2026-06-29', amount: 50, dueDate: '2026-07-29' },
          // archived: not counted
          { clientId: 'z', date: '2026-01-01', amount: 700, dueDate: '2026-02-01' },
        ],
      }),
    );
    const scores = scoresFor(owing, [0, 1, 2, 3, 3], { scored: Uint8Array.from([1, 1, 1, 1, 0]) });
    const s = dashboardSummary(owing, scores, options);
    expect(s.overdueAmount).toBe(950.5);
    expect(s.overdueClients).toBe(2);
    expect(s.overdue).toEqual([
      { id: 'b', tier: 1, amount: 650.5, invoices: 2, oldestDueDay: toEpochDay('2026-05-01') },
      { id: 'a', tier: 0, amount: 300, invoices: 1, oldestDueDay: toEpochDay('2026-06-01') },
    ]);
  });

  it('gives nulls, not NaN, for an empty workspace', () => {
    const empty = buildSnapshot(records({ clients: [] }));
    const s = dashboardSummary(empty, scoresFor(empty, []), options);
    expect(s.clients).toBe(0);
    expect(s.revenueChange).toBeNull();
    expect(s.retentionRate).toBeNull();
    expect(s.repeatPurchaseRate).toBeNull();
    expect(s.satisfaction).toBeNull();
    expect(s.topClient).toBeNull();
    expect(s.gini).toBeNull();
    expect(s.curve).toEqual([]);
    expect(s.concentrationWarning).toBe(false);
    expect([s.overdueAmount, s.overdueClients, s.overdue]).toEqual([0, 0, []]);
  });

  it('skips scored clients the snapshot no longer has', () => {
    const s = dashboardSummary(
      snapshot,
      {
        ...scoresFor(snapshot, [0, 0, 0, 0, 0, 0]),
        scored: new Uint8Array(6).fill(1),
        clientIds: [...snapshot.clients.ids, 'gone'],
      },
      options,
    );
    expect(s.clients).toBe(5);
  });
});

describe('gini', () => {
  it.each([
    [[5, 5, 5, 5], 0],
    [[1, 0, 0, 0], 0.75],
    [[3, 1], 0.25],
    [[10], null],
    [[], null],
  ])('gini(%j) = %s', (values, expected) => {
    const g = gini(values);
    if (expected === null) expect(g).toBeNull();
    else expect(g).toBeCloseTo(expected, 9);
  });
});

describe('concentrationCurve', () => {
  it('starts at the origin and ends at (1, 1)', () => {
    expect(concentrationCurve([3, 1])).toEqual([
      { x: 0, y: 0 },
      { x: 0.5, y: 0.75 },
      { x: 1, y: 1 },
    ]);
  });

  it('keeps at most about 200 points for a large base', () => {
    const values = Array.from({ length: 50_000 }, (_, i) => 50_000 - i);
    const curve = concentrationCurve(values);
    expect(curve.length).toBeLessThanOrEqual(202);
    expect(curve.at(-1)).toEqual({ x: 1, y: 1 });
  });
});
