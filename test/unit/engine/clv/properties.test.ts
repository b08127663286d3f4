import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PURCHASE_MODELS,
  customerLifetimeValue,
  expectedPurchases,
  fitClvModels,
  probabilityAlive,
  rfmSummary,
  scoreClv,
  TRUST_LEVELS,
  type PurchaseRecord,
} from '$engine/index';
import { toColumns } from '$engine/clv/fit-clv-models';

/** A positive parameter between e^−6 and e^6, spread evenly on the log scale. */
const positive = fc.double({ min: -6, max: 6, noNaN: true }).map(Math.exp);

const params = fc.record({ r: positive, alpha: positive, a: positive, b: positive });
const spend = fc.record({ p: positive, q: positive, v: positive });

/** A history: x repeat purchases, the last at t_x ≤ T. */
const history = fc
  .record({
    frequency: fc.integer({ min: 0, max: 300 }),
    T: fc.double({ min: 0, max: 520, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    monetary: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
  })
  .map(({ frequency, T, share, monetary }) => ({
    frequency,
    T,
    recency: frequency === 0 ? 0 : share * T,
    monetary: frequency === 0 ? 0 : monetary,
  }));

describe('BG/NBD predictions, any parameters and history', () => {
  it('P(alive) is a probability and the expected purchases are finite, ≥ 0 and grow with t', () => {
    fc.assert(
      fc.property(
        params,
        history,
        fc.double({ min: 0, max: 260, noNaN: true }),
        fc.double({ min: 0, max: 260, noNaN: true }),
        (p, row, t1, t2) => {
          const alive = probabilityAlive(p, row);
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
          const [short, long] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const near = expectedPurchases(p, row, short);
          const far = expectedPurchases(p, row, long);
          expect(Number.isFinite(near) && Number.isFinite(far)).toBe(true);
          expect(near).toBeGreaterThanOrEqual(0);
          expect(far).toBeGreaterThanOrEqual(near * (1 - 1e-9));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the lifetime value is finite and ≥ 0', () => {
    fc.assert(
      fc.property(
        params,
        spend,
        history,
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (p, g, row, rate) => {
          for (const kind of PURCHASE_MODELS) {
            const options = { unit: 'week', annualDiscountRate: rate } as const;
            const clv = customerLifetimeValue({ kind, ...p }, g, row, options);
            expect(Number.isFinite(clv)).toBe(true);
            expect(clv).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Small client bases: 1–25 clients with 1–12 invoices each, refunds among them. */
const base = fc
  .array(
    fc.array(
      fc.record({
        daysAgo: fc.integer({ min: 0, max: 1000 }),
        amount: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -500, max: -1 })),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    { minLength: 1, maxLength: 25 },
  )
  .map((clients): PurchaseRecord[] =>
    clients.flatMap((invoices, c) =>
      invoices.map((invoice) => ({
        clientId: `c${String(c).padStart(2, '0')}`,
        date: 20_000 - invoice.daysAgo,
        amount: invoice.amount,
      })),
    ),
  );

describe('the whole pipeline on small bases', () => {
  it('gives sane numbers for every client and does not depend on the order of the data', () => {
    fc.assert(
      fc.property(base, fc.boolean(), (transactions, weekly) => {
        const unit = weekly ? 'week' : 'day';
        const rows = rfmSummary(transactions, { asOf: 20_000, unit });
        expect(rfmSummary([...transactions].reverse(), { asOf: 20_000, unit })).toEqual(rows);
        const columns = toColumns(rows);
        const models = fitClvModels(columns, { unit });
        expect(TRUST_LEVELS).toContain(models.trust.level);
        const scores = scoreClv(models, columns);
        rows.forEach((_, i) => {
          expect(scores.pActive[i]).toBeGreaterThanOrEqual(0);
          expect(scores.pActive[i]).toBeLessThanOrEqual(1);
          expect(Number.isFinite(scores.expectedPurchases90d[i])).toBe(true);
          expect(Number.isFinite(scores.clv12m[i])).toBe(true);
          expect(scores.clv12m[i]).toBeGreaterThanOrEqual(0);
        });
        const reversed = fitClvModels(toColumns([...rows].reverse()), { unit });
        expect(reversed.purchases).toEqual(models.purchases);
        expect(reversed.gammaGamma).toEqual(models.gammaGamma);
      }),
      { numRuns: 150 },
    );
  });
});
