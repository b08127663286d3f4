import { ZodError } from 'zod';
import { changedFields } from '$db/record-edit';
import { editTransaction, saveTransaction } from '$db/record-repository';
import type { AppServices } from '$features/context';
import { errorMessage } from '$features/error-message';
import { formErrors } from '$features/form-errors';
import type { MessageKey } from '$i18n/en';
import type { ClientId } from '$schema/common';
import type { Transaction } from '$schema/transaction';
import {
  blankInvoiceDraft,
  INVOICE_FIELDS,
  invoiceDraftOf,
  invoiceValuesOf,
  type InvoiceDraft,
  type InvoiceField,
  type InvoiceValues,
} from './invoice-draft';

/** The label of each input, which also names the field in messages. */
export const INVOICE_LABELS: Record<InvoiceField, MessageKey> = {
  date: 'client.column.date',
  amount: 'client.column.amount',
  reference: 'client.column.reference',
  description: 'invoice.description',
  dueDate: 'invoice.dueDate',
  paidDate: 'invoice.paidDate',
  cost: 'invoice.cost',
  hours: 'invoice.hours',
};

/**
 * The invoice form of a client file: adds an invoice, or edits the one chosen, every field
 * of it; and marks one paid in a click. On a refusal nothing is written and `errors` says
 * what is wrong, field by field, in the user's words.
 */
export class InvoiceEditor {
  readonly #services: Pick<AppServices, 'db' | 'i18n' | 'today'>;
  readonly #clientId: () => ClientId;

  draft: InvoiceDraft;
  editing = $state.raw<Transaction | null>(null);
  errors = $state<Partial<Record<InvoiceField | '', string>>>({});
  /** A failure that is no field's fault (a full disk, an edit elsewhere), in words. */
  failure = $state('');
  /** What the last add did, for the status line. */
  saved = $state('');

  constructor(services: Pick<AppServices, 'db' | 'i18n' | 'today'>, clientId: () => ClientId) {
    this.#services = services;
    this.#clientId = clientId;
    this.draft = $state(blankInvoiceDraft(services.today()));
  }

  edit(invoice: Transaction): void {
    this.editing = invoice;
    this.draft = invoiceDraftOf(invoice);
    this.errors = {};
    this.failure = '';
    this.saved = '';
  }

  /** Back to adding a new invoice, dated today. */
  reset(): void {
    this.draft = blankInvoiceDraft(this.#services.today());
    this.editing = null;
    this.errors = {};
    this.failure = '';
  }

  /**
   * Saves the form. Editing writes only the fields the user changed, over the invoice as
   * stored now: a change made meanwhile in another tab is kept, or reported when it is to
   * the same field. @returns whether it was saved
   */
  async save(): Promise<boolean> {
    const { db, i18n } = this.#services;
    this.errors = {};
    this.failure = '';
    this.saved = '';
    const values = invoiceValuesOf(this.draft, i18n.locale);
    try {
      const editing = this.editing;
      if (editing) {
        const opened = invoiceValuesOf(invoiceDraftOf(editing), i18n.locale);
        const fields = changedFields<InvoiceValues>(opened, values);
        const pick = (source: Partial<InvoiceValues>): Partial<Transaction> =>
          Object.fromEntries(fields.map((f) => [f, source[f]]));
        if (fields.length > 0) {
          await editTransaction(db, { id: editing.id, before: pick(editing), after: pick(values) });
        }
      } else {
        const record = await saveTransaction(db, {
          id: crypto.randomUUID(),
          clientId: this.#clientId(),
          ...values,
        });
        this.saved = i18n.t('invoice.added', { amount: i18n.money(record.amount) });
      }
      this.reset();
      return true;
    } catch (caught) {
      this.#refused(caught);
      return false;
    }
  }

  /** Marks `invoice` paid today: its paid date only, which Edit can then change. */
  async markPaid(invoice: Transaction): Promise<void> {
    this.failure = '';
    try {
      const after = { paidDate: this.#services.today() };
      await editTransaction(this.#services.db, {
        id: invoice.id,
        before: { paidDate: invoice.paidDate },
        after,
      });
    } catch (caught) {
      this.failure = errorMessage(caught, this.#services.i18n.t);
    }
  }

  #refused(caught: unknown): void {
    const { t } = this.#services.i18n;
    if (!(caught instanceof ZodError)) {
      const labelOf = (name: string): string =>
        name in INVOICE_LABELS ? t(INVOICE_LABELS[name as InvoiceField]) : name; // checked by `in` just before
      this.failure = errorMessage(caught, t, labelOf);
      return;
    }
    this.errors = formErrors(caught, INVOICE_FIELDS, (field) => t(`invoice.invalid.${field}`), t);
  }
}
