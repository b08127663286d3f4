import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PurchaseRecord } from '$engine/index';

/**
 * The CDNOW sample (test/fixtures/cdnow, with its source): 2,357 customers' CD
 * purchases, 1997-01-01 to 1998-06-30, the data the BG/NBD and Gamma-Gamma papers use.
 */
const CDNOW = fileURLToPath(new URL('../../../fixtures/cdnow/', import.meta.url));

/** Calibration period end of the published estimates. */
export const CDNOW_AS_OF = '1997-09-30';

/** `CDNOW_sample.txt`: master id, sample id, yyyymmdd, CDs, dollars (one purchase a line). */
export function cdnowTransactions(): PurchaseRecord[] {
  return readFileSync(`${CDNOW}CDNOW_sample.txt`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [, sampleId, date, , value] = line.trim().split(/\s+/);
      return {
        clientId: sampleId!,
        date: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`,
        amount: Number(value),
      };
    });
}

/** A CSV of numbers with a header line, as objects keyed by the header. */
export function cdnowCsv(name: string): Record<string, number>[] {
  const [header, ...lines] = readFileSync(`${CDNOW}${name}`, 'utf8').trim().split('\n');
  const keys = header!.trim().split(',');
  return lines.map((line) => {
    const values = line.trim().split(',').map(Number);
    return Object.fromEntries(keys.map((key, i) => [key, values[i]!]));
  });
}
