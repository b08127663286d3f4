import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnapshot, contribution, scoreClients, type SnapshotRecords } from '$engine/index';
import { addDays, toEpochDay } from '$lib/dates';
import { AS_OF, model } from './fixtures';

const asOfDay = toEpochDay(AS_OF);
/** Hundreds of scoring runs: seconds on a quiet machine, more on a busy one. */
const PROPERTY_TIMEOUT = 60_000;

/** Random client bases: 1–25 clients, 0–8 invoices each, with refunds, ratings and feedback. */
const dataset = fc
  .array(
    fc.record({
      invoices: fc.array(
        fc.record({
          daysAgo: fc.integer({ min: 0, max: 1200 }),
          amount: fc.oneof(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: -500, max: -1 })),
        }),
        { maxLength: 8 },
      ),
      rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((clients): SnapshotRecords => ({
    clients: clients.map((c, i) => ({ id: `c${i}`, budget: c.rating, growthRoom: c.rating })),
    transactions: clients.flatMap((c, i) =>
      c.invoices.map((inv) => ({
        clientId: `c${i}`,
        date: addDays(AS_OF, -inv.daysAgo),
        amount: inv.amount,
      })),
    ),
    interactions: [],
    feedback: clients.flatMap((c, i) =>
      c.csat === undefined
        ? []
        : [{ clientId: `c${i}`, date: AS_OF, scale: 'csat' as const, score: c.csat }],
    ),
    complaints: [],
  }));

const definitions = [model(), model((d) => (d.tiers.method = 'quotas'))];

describe('scoring invariants over random client bases', () => {
  it(
    'one tier of each scheme per client, ranks 1..N without gaps, scores in 0–100, explanations that add up',
    () => {
      fc.assert(
        fc.property(dataset, fc.constantFrom(...definitions), (data, definition) => {
          const result = scoreClients(buildSnapshot(data), definition, { asOfDay });
          const n = data.clients.length;
          const ranks = Array.from(result.rank).sort((a, b) => a - b);
          expect(ranks).toEqual(Array.from({ length: n }, (_, i) => i + 1));
          for (let c = 0; c < n; c += 1) {
            expect(result.tier[c]).toBeLessThan(definition.tiers.levels.length);
            expect(result.abc[c]).toBeLessThan(3);
            expect(result.lifecycle[c]).toBeLessThan(5);
            expect(result.segment[c]).toBeLessThan(12);
            const composite = result.composite[c]!;
            expect(composite).toBeGreaterThanOrEqual(0);
            expect(composite).toBeLessThanOrEqual(100 + 1e-9);
            for (const d of ['value', 'needs', 'loyalty', 'potential'] as const) {
              const x = result.dimensions[d][c]!;
              if (!Number.isNaN(x)) expect(x >= 0 && x <= 100 + 1e-9).toBe(true);
            }
            // The explanation adds up to the score (to 32-bit precision).
            const explained = result.slots
              .map((_, j) => contribution(result, j, c))
              .filter((p) => !Number.isNaN(p))
              .reduce((sum, p) => sum + p, 0);
            expect(Math.abs(explained - composite)).toBeLessThan(1e-3);
          }
        }),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'raising one client’s revenue never lowers its value score',
    () => {
      fc.assert(
        fc.property(
          dataset,
          fc.nat(),
          fc.integer({ min: 1, max: 100_000 }),
          (data, pick, extra) => {
            // Raise one of the client's invoices: more revenue, same purchases.
            const invoices = data.transactions.flatMap((t, i) => (t.amount > 0 ? [i] : []));
            fc.pre(invoices.length > 0);
            const index = invoices[pick % invoices.length]!;
            const target = data.transactions[index]!.clientId;
            const richer: SnapshotRecords = {
              ...data,
              transactions: data.transactions.map((t, i) =>
                i === index ? { ...t, amount: t.amount + extra } : t,
              ),
            };
            const before = scoreClients(buildSnapshot(data), model(), { asOfDay });
            const after = scoreClients(buildSnapshot(richer), model(), { asOfDay });
            const c = before.clientIds.indexOf(target);
            expect(after.dimensions.value[c]!).toBeGreaterThanOrEqual(
              before.dimensions.value[c]! - 1e-9,
            );
          },
        ),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
