import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  contribution,
  LIFECYCLE_STAGES,
  mergeSnapshot,
  patchSnapshotInPlace,
  scoreClients,
  topShare,
  type ScoreResult,
  type SnapshotRecords,
} from '$engine/index';
import { createRandom } from '$lib/random';
import { toEpochDay } from '$lib/dates';
import { AS_OF, model, records, sampleRecords } from './fixtures';

const asOfDay = toEpochDay(AS_OF);
const score = (data: SnapshotRecords, definition = model()) =>
  scoreClients(buildSnapshot(data), definition, { asOfDay });

/** A client's results by id, comparable across runs. */
function byId(result: ScoreResult) {
  return Object.fromEntries(
    result.clientIds.map((id, c) => [
      id,
      {
        rank: result.rank[c],
        composite: result.composite[c],
        tier: result.tier[c],
        abc: result.abc[c],
        rfm: `${result.r[c]}${result.f[c]}${result.m[c]}`,
        segment: result.segment[c],
        lifecycle: result.lifecycle[c],
      },
    ]),
  );
}

describe('the composite score', () => {
  // Two metrics in one dimension, min–max over two clients, so the numbers are plain.
  const simple = model((d) => {
    d.dimensions.value = {
      weight: 1,
      metrics: [
        {
          metric: 'monetaryTotal',
          weight: 3,
          direction: 'higher',
          normalisation: { kind: 'minmax' },
        },
        {
          metric: 'needStrength',
          weight: 1,
          direction: 'higher',
          normalisation: { kind: 'fixed', min: 1, max: 5 },
        },
      ],
    };
    d.dimensions.needs.weight = 0;
    d.dimensions.loyalty.weight = 0;
    d.dimensions.potential.weight = 0;
  });

  it('is the weighted mean, and the contributions add up to it', () => {
    const result = score(
      records({
        clients: [
          { id: 'a', needStrength: 3 },
          { id: 'b', needStrength: 5 },
        ],
        transactions: [
          { clientId: 'a', date: '2026-05-01', amount: 1000 },
          { clientId: 'b', date: '2026-05-01', amount: 500 },
        ],
      }),
      simple,
    );
    // a: revenue 1 (max), strength 0.5 → 100 × (3 × 1 + 1 × 0.5) / 4 = 87.5
    // b: revenue 0, strength 1 → 100 × (0 + 1) / 4 = 25
    expect(Array.from(result.composite)).toEqual([87.5, 25]);
    expect(result.slots.map((s) => s.metric)).toEqual(['monetaryTotal', 'needStrength']);
    // slot by slot: revenue (a, b), then strength (a, b)
    const points = [0, 1].flatMap((j) => [0, 1].map((c) => contribution(result, j, c)));
    expect(points).toEqual([75, 0, 12.5, 25]);
  });

  it('leaves missing data out instead of counting it as zero', () => {
    const result = score(
      records({
        clients: [{ id: 'a' }, { id: 'b', needStrength: 1 }],
        transactions: [
          { clientId: 'a', date: '2026-05-01', amount: 1000 },
          { clientId: 'b', date: '2026-05-01', amount: 1000 },
        ],
      }),
      simple,
    );
    // Equal revenue → 0.5 each. a has no rating: its score is the revenue part alone.
    expect(result.composite[0]).toBe(50);
    expect(result.composite[1]).toBe(37.5); // (3 × 0.5 + 1 × 0) / 4
    expect(contribution(result, 1, 0)).toBeNaN(); // a's rating slot
    expect(contribution(result, 0, 1) + contribution(result, 1, 1)).toBeCloseTo(37.5, 5);
  });

  it('a client with no feedback is not scored below one with poor feedback on loyalty', () => {
    const result = score(
      records({
        clients: [{ id: 'silent' }, { id: 'unhappy' }],
        transactions: [
          { clientId: 'silent', date: '2026-05-01', amount: 100 },
          { clientId: 'unhappy', date: '2026-05-01', amount: 100 },
        ],
        feedback: [{ clientId: 'unhappy', date: '2026-05-02', scale: 'csat', score: 1 }],
      }),
    );
    expect(result.dimensions.loyalty[0]).toBeGreaterThan(result.dimensions.loyalty[1]!);
  });
});

describe('scoreClients', () => {
  it('is deterministic, whatever order the records come in', () => {
    const data = sampleRecords();
    const random = createRandom(5);
    const shuffle = <T>(rows: readonly T[]): T[] =>
      rows
        .map((row) => ({ row, key: random.next() }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.row);
    const shuffled: SnapshotRecords = {
      clients: shuffle(data.clients),
      transactions: shuffle(data.transactions),
      interactions: shuffle(data.interactions),
      feedback: shuffle(data.feedback),
      complaints: shuffle(data.complaints),
    };
    expect(byId(score(shuffled))).toEqual(byId(score(data)));
    expect(byId(score(data))).toEqual(byId(score(data)));
  });

  it('tiers the sample into every tier and every lifecycle stage', () => {
    const result = score(sampleRecords());
    const tiers = new Set(result.tier);
    expect(tiers.size).toBeGreaterThanOrEqual(3);
    const stages = new Set(Array.from(result.lifecycle, (s) => LIFECYCLE_STAGES[s]));
    for (const stage of ['prospect', 'active', 'churned'] as const) expect(stages).toContain(stage);
  });

  it('a pinned tier overrides the computed one and says so', () => {
    const data = records({
      clients: [
        { id: 'a', pin: { tierId: 'vip' } },
        { id: 'b' },
        { id: 'c', pin: { tierId: 'gone' } },
      ],
      transactions: [{ clientId: 'b', date: '2026-05-01', amount: 100 }],
    });
    const result = score(data);
    expect(result.tier[0]).toBe(0);
    expect(result.pinned[0]).toBe(1);
    expect(result.computedTier[0]).not.toBe(0);
    // A pin to a tier the model no longer has is ignored.
    expect(result.pinned[2]).toBe(0);
    expect(result.tier[2]).toBe(result.computedTier[2]);
  });

  it('a pin holds through its last day and no longer overrides after it', () => {
    // As of 2026-06-30.
    const data = records({
      clients: [
        { id: 'a', pin: { tierId: 'vip', until: '2026-06-30' } },
        { id: 'b', pin: { tierId: 'vip', until: '2026-06-29' } },
        { id: 'c', pin: { tierId: 'vip' } },
      ],
      transactions: [{ clientId: 'c', date: '2026-05-01', amount: 100 }],
    });
    const result = score(data);
    expect(Array.from(result.pinned)).toEqual([1, 0, 1]);
    expect(result.tier[0]).toBe(0);
    expect(result.tier[1]).toBe(result.computedTier[1]);
    expect(result.computedTier[1]).not.toBe(0);
    // The same data as of the day before: the pin of b still held then.
    const earlier = scoreClients(buildSnapshot(data), model(), { asOfDay: asOfDay - 1 });
    expect(earlier.pinned[1]).toBe(1);
  });

  it('archived clients are not scored and do not move the others', () => {
    const base = records({
      clients: [{ id: 'a' }, { id: 'b' }],
      transactions: [
        { clientId: 'a', date: '2026-05-01', amount: 100 },
        { clientId: 'b', date: '2026-05-01', amount: 200 },
      ],
    });
    const withArchived = records({
      clients: [{ id: 'a' }, { id: 'b' }, { id: 'z', archived: true }],
      transactions: [...base.transactions, { clientId: 'z', date: '2026-05-01', amount: 1e6 }],
    });
    const before = score(base);
    const after = score(withArchived);
    expect(after.rank[2]).toBe(0);
    expect(after.scored[2]).toBe(0);
    expect(Array.from(after.composite.slice(0, 2))).toEqual(Array.from(before.composite));
  });

  it.each([
    ['no clients', records({ clients: [] })],
    ['one client, no records', records({ clients: [{ id: 'a' }] })],
    [
      'identical clients',
      records({
        clients: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        transactions: ['a', 'b', 'c'].map((clientId) => ({
          clientId,
          date: '2026-01-01',
          amount: 10,
        })),
      }),
    ],
    [
      'refunds only',
      records({
        clients: [{ id: 'a' }],
        transactions: [{ clientId: 'a', date: '2026-01-01', amount: -10 }],
      }),
    ],
  ])('%s: no NaN in a score, one tier each, ranks 1..N', (_, data) => {
    const result = score(data);
    const n = data.clients.length;
    expect(result.composite.every((x) => Number.isFinite(x) && x >= 0 && x <= 100)).toBe(true);
    expect(Array.from(result.rank).sort((a, b) => a - b)).toEqual(
      Array.from({ length: n }, (_, i) => i + 1),
    );
    for (let c = 0; c < n; c += 1) {
      expect(result.tier[c]).toBeLessThan(4);
      expect(result.abc[c]).toBeLessThan(3);
    }
  });
});

describe('mergeSnapshot', () => {
  it('patching a few clients gives the snapshot a full rebuild would', () => {
    const data = sampleRecords();
    const base = buildSnapshot(data);
    const changed = data.clients.slice(3, 6).map((c) => c.id);
    const gone = data.clients[10]!.id;
    const edited: SnapshotRecords = {
      clients: [
        ...data.clients.filter((c) => c.id !== gone),
        { id: 'zz-new', referredById: changed[0] },
      ],
      transactions: data.transactions
        .filter((t) => t.clientId !== gone && t.clientId !== changed[1])
        .map((t) => (t.clientId === changed[0] ? { ...t, amount: t.amount * 2 } : t))
        .concat([{ clientId: 'zz-new', date: '2026-06-01', amount: 10 }]),
      interactions: data.interactions.filter((r) => r.clientId !== gone),
      feedback: data.feedback.filter((r) => r.clientId !== gone),
      complaints: data.complaints.filter((r) => r.clientId !== gone),
    };
    const only = (ids: string[]) => {
      const keep = new Set(ids);
      return buildSnapshot({
        clients: edited.clients.filter((c) => keep.has(c.id)),
        transactions: edited.transactions.filter((r) => keep.has(r.clientId)),
        interactions: edited.interactions.filter((r) => keep.has(r.clientId)),
        feedback: edited.feedback.filter((r) => keep.has(r.clientId)),
        complaints: edited.complaints.filter((r) => keep.has(r.clientId)),
      });
    };
    const merged = mergeSnapshot(base, only([...changed, 'zz-new']), new Set([gone]));
    expect(merged).toEqual(buildSnapshot(edited));
  });

  it('agrees with a full rebuild for random patches: first and last clients, new ones, removals', () => {
    // A small deterministic generator: the same cases on every run.
    let seed = 7;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pickOf = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    for (let trial = 0; trial < 40; trial += 1) {
      const ids = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => `c${10 + i * 2}`);
      const rows = (clients: readonly string[], version: number): SnapshotRecords => ({
        clients: clients.map((id) => ({ id, budget: (id.length + version) % 5 })),
        transactions: clients.flatMap((id, i) =>
          Array.from({ length: (i + version) % 4 }, (_, k) => ({
            clientId: id,
            date: `2026-0${1 + k}-1${version % 10}`,
            amount: 10 * (k + 1) + version,
          })),
        ),
        interactions: clients
          .filter((_, i) => (i + version) % 3 === 0)
          .map((id) => ({ clientId: id, date: '2026-05-01' })),
        feedback: [],
        complaints: clients
          .filter((_, i) => (i + version) % 5 === 1)
          .map((id) => ({ clientId: id, openedAt: '2026-04-01', severity: 'low' as const })),
      });
      // Patched: some existing clients (first, last, any) and some new ids between or
      // around them; removed: existing ids, patched ids and ids never seen.
      const candidates = [...ids, 'c09', 'c99', `c${11 + 2 * Math.floor(random() * 12)}`];
      const patched = [
        ...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pickOf(candidates))),
      ];
      const removed = new Set(
        Array.from({ length: Math.floor(random() * 3) }, () => pickOf([...candidates, 'gone'])),
      );
      const version = 1 + Math.floor(random() * 9);
      const after = [...new Set([...ids, ...patched])].filter((id) => !removed.has(id));
      const patchedRows = rows(patched, version);
      const keptRows = rows(ids, 0);
      const edited: SnapshotRecords = {
        clients: [
          ...keptRows.clients.filter((c) => !patched.includes(c.id)),
          ...patchedRows.clients,
        ].filter((c) => after.includes(c.id)),
        transactions: [
          ...keptRows.transactions.filter((r) => !patched.includes(r.clientId)),
          ...patchedRows.transactions,
        ],
        interactions: [
          ...keptRows.interactions.filter((r) => !patched.includes(r.clientId)),
          ...patchedRows.interactions,
        ],
        feedback: [],
        complaints: [
          ...keptRows.complaints.filter((r) => !patched.includes(r.clientId)),
          ...patchedRows.complaints,
        ],
      };
      const merged = mergeSnapshot(buildSnapshot(keptRows), buildSnapshot(patchedRows), removed);
      expect(merged).toEqual(buildSnapshot(edited));
    }
  });
});

describe('patchSnapshotInPlace', () => {
  it('writes edited clients over their places when their rows keep their number', () => {
    const data = sampleRecords();
    const snapshot = buildSnapshot(data);
    const changed = new Set(data.clients.slice(3, 6).map((c) => c.id));
    const edited: SnapshotRecords = {
      ...data,
      clients: data.clients.map((c) =>
        changed.has(c.id) ? { ...c, budget: 5, pin: undefined } : c,
      ),
      transactions: data.transactions.map((t) =>
        changed.has(t.clientId) ? { ...t, amount: t.amount + 7, paidDate: undefined } : t,
      ),
      feedback: data.feedback.map((f) => (changed.has(f.clientId) ? { ...f, score: 1 } : f)),
    };
    const patch = buildSnapshot({
      clients: edited.clients.filter((c) => changed.has(c.id)),
      transactions: edited.transactions.filter((r) => changed.has(r.clientId)),
      interactions: edited.interactions.filter((r) => changed.has(r.clientId)),
      feedback: edited.feedback.filter((r) => changed.has(r.clientId)),
      complaints: edited.complaints.filter((r) => changed.has(r.clientId)),
    });
    const ids = snapshot.clients.ids;
    expect(patchSnapshotInPlace(snapshot, patch, new Set())).toBe(true);
    expect(snapshot).toEqual(buildSnapshot(edited));
    expect(snapshot.clients.ids).toBe(ids);
  });

  it('leaves the snapshot alone when rows are added or removed, or clients come or go', () => {
    const data = sampleRecords();
    const snapshot = buildSnapshot(data);
    const before = buildSnapshot(data);
    const someone = data.clients[4]!.id;
    const theirs = (extra: SnapshotRecords['transactions']) =>
      buildSnapshot({
        clients: data.clients.filter((c) => c.id === someone),
        transactions: data.transactions.filter((t) => t.clientId === someone).concat(extra),
        interactions: data.interactions.filter((r) => r.clientId === someone),
        feedback: data.feedback.filter((r) => r.clientId === someone),
        complaints: data.complaints.filter((r) => r.clientId === someone),
      });
    const added = theirs([{ clientId: someone, date: '2026-06-02', amount: 5 }]);
    expect(patchSnapshotInPlace(snapshot, added, new Set())).toBe(false);
    const newcomer = buildSnapshot({ ...records({ clients: [{ id: 'zz-new' }] }) });
    expect(patchSnapshotInPlace(snapshot, newcomer, new Set())).toBe(false);
    expect(patchSnapshotInPlace(snapshot, theirs([]), new Set([data.clients[9]!.id]))).toBe(false);
    expect(snapshot).toEqual(before);
  });
});

describe('churn warnings and missing data', () => {
  it('warn a client valuable over the last two years who is lapsing now, whatever its current value', () => {
    const regular = ['2024-09-01', '2024-11-01', '2025-01-01', '2025-03-01', '2025-05-01'];
    const data = records({
      clients: [{ id: 'stopped' }, { id: 'steady' }, { id: 'small' }, { id: 'tiny' }, { id: 'x' }],
      transactions: [
        ...regular.map((date) => ({ clientId: 'stopped', date, amount: 2000 })),
        { clientId: 'steady', date: '2026-06-01', amount: 900 },
        { clientId: 'small', date: '2026-06-01', amount: 90 },
        { clientId: 'tiny', date: '2026-06-01', amount: 9 },
        { clientId: 'x', date: '2026-06-01', amount: 5 },
      ],
    });
    const snapshot = buildSnapshot(data);
    const at = (id: string) => snapshot.clients.ids.indexOf(id);
    // P(active) as the lifetime-value model would give it: the stopped regular is lapsing,
    // and so is a small client.
    const pActive = new Float64Array(5).fill(0.9);
    pActive[at('stopped')] = 0.2;
    pActive[at('small')] = 0.2;
    const result = scoreClients(snapshot, model(), { asOfDay, pActive });
    // Top 20 % of five buyers by two-year revenue: the stopped regular only.
    expect(result.churnWarning[at('stopped')]).toBe(1);
    expect(result.churnWarning.reduce((sum, w) => sum + w, 0)).toBe(1);
    // …though its current value is low: nothing in the last year.
    expect(result.dimensions.value[at('stopped')]).toBeLessThan(60);
  });

  it('give a client with no data at all no score and no reasons', () => {
    const result = score(
      records({
        clients: [{ id: 'a-buyer' }, { id: 'b-empty' }],
        transactions: [{ clientId: 'a-buyer', date: '2026-06-01', amount: 100 }],
      }),
    );
    expect(result.composite[1]).toBe(0);
    result.slots.forEach((_, j) => expect(contribution(result, j, 1)).toBeNaN());
    expect(result.composite[0]).toBeGreaterThan(0);
  });

  it('picks the top share by value, ties included', () => {
    const values = Float64Array.of(5, 0, 9, 9, 1, -3);
    const include = Uint8Array.of(1, 1, 1, 1, 1, 1);
    expect(Array.from(topShare(values, include, 25))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(Array.from(topShare(values, include, 100))).toEqual([1, 0, 1, 1, 1, 0]);
  });
});
