import { toEpochDay } from '$lib/dates';
import { NO_DAY, type TransactionRecord } from './snapshot';

/**
 * Where an invoice stands on the as-of day `A` (docs/scoring.md, "Invoices and what is
 * owed"): `paid` once its paid date is on or before `A`; `overdue` while unpaid after its
 * due date; `due` while unpaid and not yet due (or without a due date, which can never be
 * late). A refund or credit note (a negative amount) is a `refund` whatever its dates.
 */
export const INVOICE_STATUSES = ['paid', 'due', 'overdue', 'refund'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export interface InvoiceState {
  status: InvoiceStatus;
  /** Whole days past the due date on `A` (`A` − due), for an overdue invoice; else 0. */
  daysOverdue: number;
}

/** Whether an entry with the paid day `paidDay` (epoch day, or NO_DAY) is settled on `asOfDay`. */
export function settledBy(paidDay: number, asOfDay: number): boolean {
  return paidDay !== NO_DAY && paidDay <= asOfDay;
}

/**
 * The status of one entry from its epoch days. An invoice due on `A` itself is not yet
 * overdue: it may still be paid that day.
 */
export function invoiceStateOf(
  amount: number,
  dueDay: number,
  paidDay: number,
  asOfDay: number,
): InvoiceState {
  if (amount < 0) return { status: 'refund', daysOverdue: 0 };
  if (settledBy(paidDay, asOfDay)) return { status: 'paid', daysOverdue: 0 };
  if (dueDay !== NO_DAY && dueDay < asOfDay) {
    return { status: 'overdue', daysOverdue: asOfDay - dueDay };
  }
  return { status: 'due', daysOverdue: 0 };
}

const dayOf = (date: string | undefined): number =>
  date === undefined ? NO_DAY : toEpochDay(date);

/** The status of a stored invoice on the epoch day `asOfDay`. */
export function invoiceState(
  invoice: Pick<TransactionRecord, 'amount' | 'dueDate' | 'paidDate'>,
  asOfDay: number,
): InvoiceState {
  return invoiceStateOf(invoice.amount, dayOf(invoice.dueDate), dayOf(invoice.paidDate), asOfDay);
}

/** What a client owes on the as-of day, in currency units (to the cent). */
export interface Balance {
  /**
   * Unpaid invoices less unsettled refunds and credit notes: negative when the client is
   * owed money back.
   */
  outstanding: number;
  /** The part of `outstanding` past its due date; never negative. */
  overdue: number;
  /** Unpaid invoices past their due date. */
  overdueInvoices: number;
  /** The earliest due day among them (epoch day), or NO_DAY. */
  oldestDueDay: number;
}

/**
 * Adds entries one at a time (the engine's loops over record columns feed it without
 * building objects), then says what is owed. Unsettled credit pays the oldest debt first,
 * as a credit note is applied in practice: the overdue invoices before those not yet due.
 */
export class BalanceTally {
  #overdueOwed = 0;
  #laterOwed = 0;
  #credit = 0;
  #overdueInvoices = 0;
  #oldestDueDay = NO_DAY;

  /** Starts again for the next client (one tally serves a whole base). */
  reset(): void {
    this.#overdueOwed = 0;
    this.#laterOwed = 0;
    this.#credit = 0;
    this.#overdueInvoices = 0;
    this.#oldestDueDay = NO_DAY;
  }

  /** One entry dated on or before the as-of day (later ones do not exist yet on that day). */
  add(amount: number, dueDay: number, paidDay: number, asOfDay: number): void {
    if (settledBy(paidDay, asOfDay)) return;
    if (amount < 0) {
      this.#credit -= amount;
    } else if (dueDay !== NO_DAY && dueDay < asOfDay) {
      this.#overdueOwed += amount;
      this.#overdueInvoices += 1;
      if (this.#oldestDueDay === NO_DAY || dueDay < this.#oldestDueDay) this.#oldestDueDay = dueDay;
    } else {
      this.#laterOwed += amount;
    }
  }

  balance(): Balance {
    const overdue = round(Math.max(0, this.#overdueOwed - this.#credit));
    return {
      outstanding: round(this.#overdueOwed + this.#laterOwed - this.#credit),
      overdue,
      overdueInvoices: overdue > 0 ? this.#overdueInvoices : 0,
      oldestDueDay: overdue > 0 ? this.#oldestDueDay : NO_DAY,
    };
  }
}

/** To the cent, and never −0. */
const round = (amount: number): number => Math.round(amount * 100) / 100 + 0;

/**
 * What a client owes on the epoch day `asOfDay`, from its invoices and refunds. Entries
 * dated after that day are left out, as every figure of the engine leaves them.
 */
export function clientBalance(
  invoices: readonly Pick<TransactionRecord, 'date' | 'amount' | 'dueDate' | 'paidDate'>[],
  asOfDay: number,
): Balance {
  const tally = new BalanceTally();
  for (const invoice of invoices) {
    if (toEpochDay(invoice.date) > asOfDay) continue;
    tally.add(invoice.amount, dayOf(invoice.dueDate), dayOf(invoice.paidDate), asOfDay);
  }
  return tally.balance();
}
