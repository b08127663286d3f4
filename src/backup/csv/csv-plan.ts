import type { ZodType } from 'zod';
import { clientSchema, contactPersonSchema, type Client, type ContactPerson } from '$schema/client';
import { interactionSchema, type Interaction } from '$schema/interaction';
import { transactionSchema, type Transaction } from '$schema/transaction';
import type { CsvField, CsvKind, CsvMapping } from './fields';
import { latestAllowedDate } from '$schema/common';
import { aliasedIds, normaliseClientKey } from './client-key';
import { CurrencyTally } from './currency';
import { KIND_WORDS } from './interaction-kinds';
import { InvoiceLines, isCancellation, lineAmount } from './line-items';
import {
  parseAmount,
  parseDate,
  parseNumber,
  type DateOrder,
  type DecimalMark,
} from './parse-values';

export const REJECTION_REASONS = [
  'required',
  'date',
  'future',
  'amount',
  'number',
  'kind',
  'duplicate',
  'exists',
  'invalid',
  'noClient',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Why one row will not be imported. `row` counts as a spreadsheet does: the header is row 1. */
export interface CsvRejection {
  row: number;
  field: CsvField | '';
  reason: RejectionReason;
  params: Record<string, string | number>;
}

/** The workspace's clients, for matching by id and by exact name. */
export interface KnownClients {
  ids: ReadonlySet<string>;
  /** Name → id; the first client of a name when several share it. */
  byName: ReadonlyMap<string, string>;
}

/** How the file writes what only the file can tell: day-first dates, decimal commas. */
export interface CsvReading {
  dateOrder: DateOrder | null;
  decimalMark: DecimalMark | null;
}

export interface CsvPlanOptions extends CsvReading {
  kind: CsvKind;
  mapping: CsvMapping;
  known: KnownClients;
  now: Date;
  newId: () => string;
  /** The file's headers, to name the column a refusal is about. */
  headers?: readonly string[];
  /** The name of a client a file gives only by id: `Client 17850`, in the user's language. */
  unnamedClient?: (id: string) => string;
}

/** The contact person's fields, by the CSV field that holds each. */
const CONTACT_FIELDS: Readonly<Record<string, CsvField>> = {
  name: 'contactName',
  role: 'contactRole',
  email: 'contactEmail',
  phone: 'contactPhone',
};

/** Thrown inside a row's conversion; becomes the row's rejection. */
class Rejected {
  constructor(
    readonly field: CsvField | '',
    readonly reason: RejectionReason,
    readonly params: Record<string, string | number> = {},
  ) {}
}

const isMapped = (column: number | null | undefined): column is number =>
  column !== null && column !== undefined;

/**
 * Turns the rows of one CSV file into records, row by row, without writing anything:
 * what the dry run shows and what the import then writes. A transactions or
 * interactions file creates the clients it names that do not exist yet — matched by id
 * (`17850.0` is `17850`), else by exact name — but only for rows that are otherwise valid.
 * A transactions file with invoice numbers and no ids of its own is read as lines: the
 * lines of one invoice number, client and date make one invoice (line-items.ts).
 */
export class CsvPlan {
  readonly clients: Client[] = [];
  readonly transactions: Transaction[] = [];
  readonly interactions: Interaction[] = [];
  readonly rejections: CsvRejection[] = [];
  /** The raw cells of each rejected row, for the download. */
  readonly rejectedCells: string[][] = [];
  rows = 0;
  readonly #options: CsvPlanOptions;
  readonly #stamp: string;
  /** The last date a row may carry: a year after today (later ones are typing errors). */
  readonly #latestDate: string;
  /** Ids the file gives (not those made up for rows without one), with their rows. */
  readonly #ids = new Map<string, number>();
  readonly #newById = new Map<string, Client>();
  readonly #newByName = new Map<string, string>();
  /** Workspace client ids written otherwise (`17850.0`), by their normal form. */
  readonly #aliases: ReadonlyMap<string, string>;
  /** The invoices lines are gathered into; null when every row is its own record. */
  readonly #lines: InvoiceLines | null;
  /** Whether the file has a quantity column: a shop's line items, with cancellations. */
  readonly #lineItems: boolean;
  /** The currency signs the file's amounts carry. */
  readonly currencies = new CurrencyTally();
  /** Rows refused because they name no client (part of `rejections`). */
  withoutClient = 0;

  constructor(options: CsvPlanOptions) {
    this.#options = options;
    this.#stamp = options.now.toISOString();
    this.#latestDate = latestAllowedDate(this.#stamp.slice(0, 10));
    this.#aliases = aliasedIds(options.known.ids);
    const { mapping, kind } = options;
    const grouped = kind === 'transactions' && isMapped(mapping.reference) && !isMapped(mapping.id);
    this.#lines = grouped ? new InvoiceLines() : null;
    this.#lineItems = kind === 'transactions' && isMapped(mapping.quantity);
  }

  /** How many lines joined an invoice an earlier line began. */
  get joinedLines(): number {
    return this.#lines?.joined ?? 0;
  }

  /** How many clients the file creates (a clients file: every accepted row). */
  get newClients(): number {
    return this.clients.length;
  }

  get accepted(): number {
    return this.rows - this.rejections.length;
  }

  /** Adds one data row (`row`: its spreadsheet row number). */
  add(cells: readonly string[], row: number): void {
    this.rows += 1;
    try {
      if (this.#options.kind === 'clients') this.#client(cells, row);
      else this.#record(cells, row);
    } catch (error) {
      if (!(error instanceof Rejected)) throw error;
      this.rejections.push({ row, field: error.field, reason: error.reason, params: error.params });
      this.rejectedCells.push([...cells]);
    }
  }

  /** Refuses rows whose ids the workspace already has (known only after a lookup). */
  rejectExisting(
    table: 'clients' | 'transactions' | 'interactions',
    existing: ReadonlySet<string>,
  ): void {
    const list = this[table] as { id: string }[];
    const keep = list.filter((record) => !existing.has(record.id));
    if (keep.length === list.length) return;
    for (const record of list) {
      if (!existing.has(record.id)) continue;
      const row = this.#ids.get(record.id) ?? 0;
      this.rejections.push({ row, field: 'id', reason: 'exists', params: { value: record.id } });
      this.rejectedCells.push([]);
    }
    list.splice(0, list.length, ...keep);
    this.rejections.sort((a, b) => a.row - b.row);
  }

  /** The ids given in the file for `table`, to look up in the workspace. */
  explicitIds(): string[] {
    return [...this.#ids.keys()];
  }

  #cell(cells: readonly string[], field: CsvField): string {
    const column = this.#options.mapping[field];
    return column === null || column === undefined ? '' : (cells[column] ?? '').trim();
  }

  #required(cells: readonly string[], field: CsvField): string {
    const value = this.#cell(cells, field);
    if (value === '') throw new Rejected(field, 'required');
    return value;
  }

  #date(cells: readonly string[], field: CsvField, required: boolean): string | undefined {
    const raw = required ? this.#required(cells, field) : this.#cell(cells, field);
    if (raw === '') return undefined;
    const reading = parseDate(raw, this.#options.dateOrder);
    if (reading.kind !== 'date') throw new Rejected(field, 'date', { value: raw });
    if (reading.iso > this.#latestDate) throw new Rejected(field, 'future', { value: raw });
    return reading.iso;
  }

  #number(cells: readonly string[], field: CsvField, amount: boolean): number | undefined {
    const raw = this.#cell(cells, field);
    if (raw === '') return undefined;
    const value = amount ? parseAmount(raw, this.#options.decimalMark) : parseNumber(raw);
    if (amount && field !== 'quantity') this.currencies.add(raw);
    if (value === null) throw new Rejected(field, amount ? 'amount' : 'number', { value: raw });
    return value;
  }

  /** The row's own id (unique within the file), or a new one. */
  /** Whether the file gives this row's id (made-up ids need no duplicate or existence check). */
  #given(cells: readonly string[]): boolean {
    return this.#cell(cells, 'id') !== '';
  }

  #id(cells: readonly string[]): string {
    const cell = this.#cell(cells, 'id');
    const given = this.#options.kind === 'clients' ? normaliseClientKey(cell) : cell;
    if (given === '') return this.#options.newId();
    const first = this.#ids.get(given);
    if (first !== undefined) throw new Rejected('id', 'duplicate', { row: first });
    return given;
  }

  #validate<T>(schema: ZodType<T>, input: unknown): T {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '') as CsvField; // record keys are field names
    throw new Rejected(field, 'invalid', { message: issue?.message ?? '' });
  }

  #client(cells: readonly string[], row: number): void {
    const id = this.#id(cells);
    const tags = this.#cell(cells, 'tags')
      .split(/[,;|、，；]/)
      .map((t) => t.trim())
      .filter(Boolean);
    const client = this.#validate(clientSchema, {
      id,
      name: this.#required(cells, 'name'),
      company: this.#cell(cells, 'company'),
      email: this.#cell(cells, 'email'),
      phone: this.#cell(cells, 'phone'),
      industry: this.#cell(cells, 'industry'),
      region: this.#cell(cells, 'region'),
      source: this.#cell(cells, 'source'),
      tags,
      notes: this.#cell(cells, 'notes'),
      hourlyRate: this.#number(cells, 'hourlyRate', false),
      contacts: this.#contactPerson(cells),
      createdAt: this.#stamp,
      updatedAt: this.#stamp,
    });
    if (this.#given(cells)) this.#ids.set(id, row);
    this.clients.push(client);
  }

  /**
   * The row's contact person, the client's primary one: absent when the file has none for
   * the row; refused when its other columns say something but no name is given.
   */
  #contactPerson(cells: readonly string[]): ContactPerson[] | undefined {
    const name = this.#cell(cells, 'contactName');
    const role = this.#cell(cells, 'contactRole');
    const email = this.#cell(cells, 'contactEmail');
    const phone = this.#cell(cells, 'contactPhone');
    if (name === '') {
      if (role !== '' || email !== '' || phone !== '')
        throw new Rejected('contactName', 'required');
      return undefined;
    }
    const parsed = contactPersonSchema.safeParse({ name, role, email, phone, primary: true });
    if (parsed.success) return [parsed.data];
    const issue = parsed.error.issues[0];
    const field = CONTACT_FIELDS[String(issue?.path[0] ?? 'name')] ?? 'contactName';
    throw new Rejected(field, 'invalid', { message: issue?.message ?? '' });
  }

  #record(cells: readonly string[], row: number): void {
    const id = this.#id(cells);
    const key = normaliseClientKey(this.#cell(cells, 'clientId'));
    const name = this.#cell(cells, 'clientName');
    if (key === '' && name === '') {
      this.withoutClient += 1;
      const field = isMapped(this.#options.mapping.clientId) ? 'clientId' : 'clientName';
      const column = this.#options.mapping[field];
      const header = isMapped(column) ? (this.#options.headers?.[column] ?? '') : '';
      throw new Rejected(field, 'noClient', { column: header });
    }
    const { clientId, create } = this.#resolveClient(key, name);
    const base = {
      id,
      clientId,
      date: this.#date(cells, 'date', true),
      createdAt: this.#stamp,
      updatedAt: this.#stamp,
    };
    let push: () => void;
    if (this.#options.kind === 'transactions') {
      const amount = this.#amount(cells);
      const record = this.#validate(transactionSchema, {
        ...base,
        amount,
        cost: this.#number(cells, 'cost', true),
        hours: this.#number(cells, 'hours', false),
        dueDate: this.#date(cells, 'dueDate', false),
        paidDate: this.#date(cells, 'paidDate', false),
        reference: this.#cell(cells, 'reference'),
        description: this.#cell(cells, 'description'),
      });
      push = () => {
        if (!this.#lines?.join(record)) this.transactions.push(record);
      };
    } else {
      const word = this.#cell(cells, 'kind');
      const kind = word === '' ? 'note' : KIND_WORDS.get(word.toLowerCase());
      if (!kind) throw new Rejected('kind', 'kind', { value: word });
      const record = this.#validate(interactionSchema, {
        ...base,
        kind,
        summary: this.#cell(cells, 'summary'),
        followUpDate: this.#date(cells, 'followUpDate', false),
      });
      push = () => this.interactions.push(record);
    }
    const client = create && this.#validate(clientSchema, create);
    if (this.#given(cells)) this.#ids.set(id, row);
    push();
    if (client) {
      this.#newById.set(client.id, client);
      this.#newByName.set(client.name, client.id);
      this.clients.push(client);
    }
  }

  /**
   * A transaction row's amount: its amount column, else quantity × unit price. In a file
   * of line items, a cancellation's line is a refund (negative).
   */
  #amount(cells: readonly string[]): number {
    const cancelled = this.#lineItems && isCancellation(this.#cell(cells, 'reference'));
    const { mapping } = this.#options;
    if (isMapped(mapping.amount) || !isMapped(mapping.unitPrice)) {
      const amount = this.#number(cells, 'amount', true);
      if (amount === undefined) throw new Rejected('amount', 'required');
      return cancelled ? 0 - Math.abs(amount) : amount;
    }
    const price = this.#number(cells, 'unitPrice', true);
    if (price === undefined) throw new Rejected('unitPrice', 'required');
    const quantity = this.#lineItems ? this.#number(cells, 'quantity', true) : 1;
    if (quantity === undefined) throw new Rejected('quantity', 'required');
    return lineAmount(quantity, price, cancelled);
  }

  /**
   * The client a row names: by id when it gives one, else by exact name, among the
   * workspace's clients and those this file creates; otherwise a client to create (only
   * once the row has passed).
   */
  #resolveClient(key: string, name: string): { clientId: string; create: object | null } {
    const { known } = this.#options;
    if (key !== '') {
      if (known.ids.has(key) || this.#newById.has(key)) return { clientId: key, create: null };
      const alias = this.#aliases.get(key);
      if (alias !== undefined) return { clientId: alias, create: null };
      const unnamed = this.#options.unnamedClient ?? ((id: string) => `Client ${id}`);
      return { clientId: key, create: this.#newClient(key, name === '' ? unnamed(key) : name) };
    }
    const existing = known.byName.get(name) ?? this.#newByName.get(name);
    if (existing !== undefined) return { clientId: existing, create: null };
    const id = this.#options.newId();
    return { clientId: id, create: this.#newClient(id, name) };
  }

  #newClient(id: string, name: string): object {
    return { id, name, createdAt: this.#stamp, updatedAt: this.#stamp };
  }
}
