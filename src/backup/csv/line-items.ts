import type { Transaction } from '$schema/transaction';
import type { CsvMapping } from './fields';
import { isNamedAs, normaliseHeader } from './guess-mapping';

/**
 * Line-item exports (docs/backup-format.md, "Line items"): one row per product sold, with a
 * quantity and a unit price, many rows per invoice; cancellations as invoices of their
 * own. Tierwise keeps invoices, not lines: each line's amount is quantity × unit price,
 * and the lines of one invoice number, client and day add up to one invoice.
 */

/**
 * An amount with the float noise of sums and products removed (6 × 2.55 is
 * 15.299999999999999): rounded to a millionth, which keeps sub-cent prices.
 */
export function roundAmount(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0; // `+ 0` turns -0 into 0
}

/**
 * Whether an invoice number marks a cancellation: `C` then a digit (`C536379`), as shops'
 * order exports write them. Only read so in a file with a quantity column, where invoice
 * numbers are a shop's.
 */
export function isCancellation(reference: string): boolean {
  return /^C\d/i.test(reference.trim());
}

/**
 * One line's amount: `quantity × unitPrice` (quantity 1 when the file has none). A
 * cancellation's line is a refund, negative whatever sign its quantity was written with.
 */
export function lineAmount(quantity: number, unitPrice: number, cancellation: boolean): number {
  const amount = roundAmount(quantity * unitPrice);
  return cancellation ? 0 - Math.abs(amount) : amount; // `0 -`: a cancelled 0 is 0, not -0
}

/**
 * The header of the column that would be imported as each invoice's amount although it
 * holds a unit price — the amount column headed like one (`UnitPrice`, `Price`, `单价`), or
 * a unit price with no quantity column — else null. The check says so before importing.
 */
export function unitPriceAsAmount(headers: readonly string[], mapping: CsvMapping): string | null {
  const amount = mapping.amount;
  if (amount !== null && amount !== undefined) {
    const header = headers[amount] ?? '';
    const normal = normaliseHeader(header);
    const priced =
      isNamedAs(header, 'unitPrice') || normal.includes('unitprice') || normal.includes('单价');
    return priced ? header : null;
  }
  const price = mapping.unitPrice;
  if (price === null || price === undefined) return null;
  const quantity = mapping.quantity;
  return quantity === null || quantity === undefined ? (headers[price] ?? '') : null;
}

/**
 * The invoices a file's lines make: a line joins the invoice already begun for its
 * reference, client and date, else begins one. Keyed by reference (a string every
 * record holds already, so a million lines cost no new keys); the rare same reference
 * on another client or day is kept by a second, composite key.
 */
export class InvoiceLines {
  readonly #byReference = new Map<string, Transaction>();
  readonly #byComposite = new Map<string, Transaction>();
  /** Lines that were added to an invoice begun by an earlier line. */
  joined = 0;

  /**
   * Whether an earlier line began `line`'s invoice; `line` is then added to it. A line
   * without an invoice number is an invoice of its own.
   */
  join(line: Transaction): boolean {
    if (line.reference === '') return false;
    const first = this.#byReference.get(line.reference);
    if (first === undefined) {
      this.#byReference.set(line.reference, line);
      return false;
    }
    let invoice: Transaction | undefined = first;
    if (first.clientId !== line.clientId || first.date !== line.date) {
      const key = `${line.reference}\u0000${line.clientId}\u0000${line.date}`;
      invoice = this.#byComposite.get(key);
      if (invoice === undefined) {
        this.#byComposite.set(key, line);
        return false;
      }
    }
    addLine(invoice, line);
    this.joined += 1;
    return true;
  }
}

/** Adds a line to its invoice: amounts, costs and hours summed; the first description kept. */
export function addLine(invoice: Transaction, line: Transaction): void {
  invoice.amount = roundAmount(invoice.amount + line.amount);
  if (line.cost !== undefined) invoice.cost = roundAmount((invoice.cost ?? 0) + line.cost);
  if (line.hours !== undefined) invoice.hours = roundAmount((invoice.hours ?? 0) + line.hours);
  if (invoice.description === '') invoice.description = line.description;
  invoice.dueDate ??= line.dueDate;
  invoice.paidDate ??= line.paidDate;
}
