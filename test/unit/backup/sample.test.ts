import { describe, expect, it } from 'vitest';
import { generateDataset } from '$backup/sample/generate-dataset';
import { LARGE_DATASET, SAMPLE_DATASET, planDataset } from '$backup/sample/plan-dataset';
import { invoiceState } from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { clientSchema } from '$schema/client';
import { complaintSchema } from '$schema/complaint';
import { feedbackSchema } from '$schema/feedback';
import { interactionSchema } from '$schema/interaction';
import { transactionSchema } from '$schema/transaction';

const AS_OF = '2026-11-23';
/** How IndexedDB orders string keys: by UTF-16 code unit, as `<` does. */
const indexedDbOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sample = () => [...generateDataset({ ...SAMPLE_DATASET, asOf: AS_OF })];

describe('the sample dataset', () => {
  const bundles = sample();
  const clients = bundles.map((b) => b.client);
  const transactions = bundles.flatMap((b) => b.transactions);

  it('is the same every time, ids included', () => {
    expect(sample()).toEqual(bundles);
  });

  it('moves with the as-of date and the seed', () => {
    const later = [...generateDataset({ ...SAMPLE_DATASET, asOf: '2027-01-01' })];
    expect(later[0]!.transactions[0]!.date).not.toBe(bundles[0]!.transactions[0]!.date);
    const other = [...generateDataset({ ...SAMPLE_DATASET, seed: 1, asOf: AS_OF })];
    expect(other[0]!.client.id).not.toBe(bundles[0]!.client.id);
  });

  it('shows every invoice status at once, made on any month of the year: one client has all three', () => {
    for (let month = 0; month < 12; month += 1) {
      const asOf = `2026-${String(month + 1).padStart(2, '0')}-15`;
      const asOfDay = toEpochDay(asOf);
      const statuses = [...generateDataset({ ...SAMPLE_DATASET, asOf })].map(
        (bundle) => new Set(bundle.transactions.map((t) => invoiceState(t, asOfDay).status)),
      );
      const all = (set: Set<string>): boolean =>
        ['paid', 'due', 'overdue'].every((status) => set.has(status));
      expect(statuses.some(all), asOf).toBe(true);
    }
  });

  it('has exactly the requested size', () => {
    expect(clients).toHaveLength(60);
    expect(transactions).toHaveLength(720);
  });

  it('passes the schemas a user’s own data must pass', () => {
    for (const bundle of bundles) {
      expect(clientSchema.parse(bundle.client)).toEqual(bundle.client);
      for (const row of bundle.transactions) expect(transactionSchema.parse(row)).toEqual(row);
      for (const row of bundle.interactions) expect(interactionSchema.parse(row)).toEqual(row);
      for (const row of bundle.feedback) expect(feedbackSchema.parse(row)).toEqual(row);
      for (const row of bundle.complaints) expect(complaintSchema.parse(row)).toEqual(row);
    }
  });

  it('has unique ids and names, and every record belongs to its client', () => {
    const ids = bundles.flatMap((b) => [
      b.client.id,
      ...[...b.transactions, ...b.interactions, ...b.feedback, ...b.complaints].map((r) => r.id),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(clients.map((c) => c.name)).size).toBe(clients.length);
    for (const b of bundles) {
      for (const r of [...b.transactions, ...b.interactions, ...b.feedback, ...b.complaints]) {
        expect(r.clientId).toBe(b.client.id);
      }
    }
  });

  it('gives each table its record ids in ascending order, so the base is written in key order', () => {
    for (const table of ['transactions', 'interactions', 'feedback', 'complaints'] as const) {
      const ids = bundles.flatMap((b) => b[table].map((r) => r.id));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual([...ids].sort((a, b) => indexedDbOrder(a, b)));
      for (const id of ids)
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('refers only to clients that came earlier', () => {
    const index = new Map(clients.map((c, i) => [c.id, i]));
    const referred = clients.filter((c) => c.referredById !== undefined);
    expect(referred.length).toBeGreaterThan(0);
    for (const [i, client] of clients.entries()) {
      if (client.referredById === undefined) continue;
      expect(index.get(client.referredById)).toBeLessThan(i);
    }
  });

  it('looks like a real studio: three years, prospects, churn, refunds, late payers', () => {
    const days = transactions.map((t) => toEpochDay(t.date));
    expect(Math.max(...days)).toBeLessThanOrEqual(toEpochDay(AS_OF));
    expect(toEpochDay(AS_OF) - Math.min(...days)).toBeGreaterThan(2.5 * 365);
    for (const t of transactions) {
      if (t.paidDate) expect(t.paidDate <= AS_OF).toBe(true);
    }
    const prospects = bundles.filter((b) => b.transactions.length === 0);
    expect(prospects.length).toBeGreaterThan(0);
    expect(prospects.every((b) => b.interactions.length > 0)).toBe(true);
    const silent = bundles.filter(
      (b) =>
        b.transactions.length > 0 &&
        toEpochDay(AS_OF) - toEpochDay(b.transactions.at(-1)!.date) > 365,
    );
    expect(silent.length).toBeGreaterThan(3);
    expect(transactions.some((t) => t.amount < 0)).toBe(true);
    expect(transactions.filter((t) => t.hours !== undefined).length).toBeGreaterThan(50);
    expect(transactions.filter((t) => t.cost !== undefined).length).toBeGreaterThan(50);
    expect(transactions.some((t) => t.paidDate && t.dueDate && t.paidDate > t.dueDate)).toBe(true);
    expect(bundles.flatMap((b) => b.feedback).some((f) => f.scale === 'csat')).toBe(true);
    expect(bundles.flatMap((b) => b.feedback).some((f) => f.scale === 'nps')).toBe(true);
    expect(bundles.some((b) => b.complaints.length > 0)).toBe(true);
    expect(clients.some((c) => /\p{Script=Han}/u.test(c.name))).toBe(true);
    expect(clients.some((c) => c.needType === undefined)).toBe(true);
    // A few clients buy often, most rarely: the skew the Pareto and RFM views are about.
    const counts = bundles.map((b) => b.transactions.length).sort((a, b) => b - a);
    const topFifth = counts.slice(0, 12).reduce((a, b) => a + b, 0);
    expect(topFifth / transactions.length).toBeGreaterThan(0.4);
  });
});

describe('the large dataset plan', () => {
  it('has exactly 50,000 clients and 1,000,000 transactions', () => {
    const asOfDay = toEpochDay(AS_OF);
    const plans = planDataset({ ...LARGE_DATASET, asOf: AS_OF }, asOfDay);
    expect(plans).toHaveLength(50_000);
    expect(plans.reduce((sum, p) => sum + p.transactionCount, 0)).toBe(1_000_000);
    expect(plans.every((p) => p.prospect === (p.transactionCount === 0))).toBe(true);
    expect(plans.every((p) => p.endDay <= asOfDay && p.acquiredDay <= p.endDay)).toBe(true);
  });

  it('generates clients one at a time, lazily', () => {
    const iterator = generateDataset({ ...LARGE_DATASET, asOf: AS_OF });
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect(first.value?.client.name).toBeTruthy();
  });
});
