import { parseTypedAmount } from '$lib/typed-number';
import type { Transaction } from '$schema/transaction';

/** The invoice form's inputs, in the order it shows them. */
export const INVOICE_FIELDS = [
  'date',
  'amount',
  'reference',
  'description',
  'dueDate',
  'paidDate',
  'cost',
  'hours',
] as const;
export type InvoiceField = (typeof INVOICE_FIELDS)[number];

/** Every input's text, as the form shows it. */
export type InvoiceDraft = Record<InvoiceField, string>;

/** What the form edits of an invoice; the rest (id, client, timestamps) is kept as stored. */
export type InvoiceValues = Pick<Transaction, 'date' | 'amount' | 'reference' | 'description'> &
  Partial<Pick<Transaction, 'dueDate' | 'paidDate' | 'cost' | 'hours'>>;

const OPTIONAL_NUMBERS = ['cost', 'hours'] as const;
const OPTIONAL_DATES = ['dueDate', 'paidDate'] as const;

/** A new invoice's form: dated `today`, everything else empty. */
export function blankInvoiceDraft(today: string): InvoiceDraft {
  return {
    date: today,
    amount: '',
    reference: '',
    description: '',
    dueDate: '',
    paidDate: '',
    cost: '',
    hours: '',
  };
}

/** The form of a stored invoice. Numbers are written plainly (`1250.5`), as they read back. */
export function invoiceDraftOf(invoice: InvoiceValues): InvoiceDraft {
  const number = (value: number | undefined): string => (value === undefined ? '' : String(value));
  return {
    date: invoice.date,
    amount: String(invoice.amount),
    reference: invoice.reference,
    description: invoice.description,
    dueDate: invoice.dueDate ?? '',
    paidDate: invoice.paidDate ?? '',
    cost: number(invoice.cost),
    hours: number(invoice.hours),
  };
}

/**
 * The values a draft describes, numbers read as `locale` writes them. Unchecked: an
 * unreadable number is NaN and an empty required one too, which the schema refuses with
 * the field's name; an empty optional field is absent (a cleared due date is no due date).
 */
export function invoiceValuesOf(draft: InvoiceDraft, locale: string): InvoiceValues {
  const number = (text: string): number => parseTypedAmount(text, locale) ?? NaN;
  const values: InvoiceValues = {
    date: draft.date,
    amount: number(draft.amount),
    reference: draft.reference.trim(),
    description: draft.description.trim(),
  };
  for (const field of OPTIONAL_DATES) if (draft[field] !== '') values[field] = draft[field];
  for (const field of OPTIONAL_NUMBERS) {
    if (draft[field].trim() !== '') values[field] = number(draft[field]);
  }
  return values;
}
