import {
  CsvPlan,
  type CsvReading,
  type CsvRejection,
  type RejectionReason,
} from '$backup/csv/csv-plan';
import {
  CSV_FIELDS,
  REQUIRED_FIELDS,
  type CsvField,
  type CsvKind,
  type CsvMapping,
} from '$backup/csv/fields';
import { guessMapping } from '$backup/csv/guess-mapping';
import { unitPriceAsAmount } from '$backup/csv/line-items';
import type { DateOrder, DecimalMark } from '$backup/csv/parse-values';
import { readCsv } from '$backup/csv/read-csv';
import { ImportFailure, type ImportProblem, type Outcome } from '$backup/problem';
import { insertRecords, readExisting } from '$db/backup-store';
import { writeClientImport } from '$db/client-import';
import { buildSnapshot } from '$engine/index';
import { csvLines, csvText } from '$lib/csv';
import { SETTINGS_ID } from '$schema/settings';
import type { Progress } from './backup-service';
import { isMapped, scanReading } from './csv-reading-scan';
import type { WorkspaceWriter } from './workspace-writer';
import {
  ClientMatching,
  DEFAULT_DECISIONS,
  decideClients,
  resolveNames,
  type CsvAmbiguousName,
  type CsvClientMatch,
  type CsvDecisions,
} from './csv-matching';

export type {
  CsvField,
  CsvKind,
  CsvMapping,
  CsvReading,
  CsvRejection,
  DateOrder,
  DecimalMark,
  RejectionReason,
};

/** The first rows of a file and the guessed columns, for the mapping step. */
export interface CsvPreview {
  headers: string[];
  samples: string[][];
  mapping: CsvMapping;
  delimiter: string;
}

/** What importing the file would do; nothing is written yet. */
export interface CsvReport {
  token: string;
  rows: number;
  accepted: number;
  rejected: number;
  newClients: number;
  /** The first few new clients' names. */
  newClientNames: string[];
  /** The first rejections (all are in the download). */
  rejections: CsvRejection[];
  /** Some dates could be day-first or month-first, and the file does not say which. */
  needsDateOrder: boolean;
  /**
   * An amount the file writes such as `2.500` (2500, or 2.5?), and no other amount says
   * which mark is its decimal: the example, to ask the user; null when nothing is unclear.
   */
  unclearAmount: string | null;
  /** Invoices the accepted rows make (lines of one invoice number gathered), refunds among them. */
  invoices: number;
  refunds: number;
  /** Rows refused because they name no client. */
  withoutClient: number;
  /**
   * The header of a unit-price column that would be imported as each invoice's amount,
   * which the user must confirm; null when the amount is a real amount.
   */
  unitPriceAsAmount: string | null;
  /**
   * Currency signs of the file's amounts that the workspace's currency cannot be (most
   * used first, with the first such amount), which the user must confirm; null when none.
   */
  foreignCurrency: { signs: string[]; example: string; currency: string } | null;
  /** A clients file: its clients that match stored ones, for create / update / skip. */
  matches: CsvClientMatch[];
  /** A transactions or contacts file: names several stored clients share, to choose from. */
  ambiguous: CsvAmbiguousName[];
}

/** How to check a file: how it writes dates and amounts, and how to name a client given by id. */
export interface CsvCheckOptions extends CsvReading {
  /** The name of a client given only by id, with `{id}`: `Client {id}`, `客户 {id}`. */
  unnamedClient?: string;
}

/** The words of the refused-rows download, in the user's language. */
export interface RejectedCsvLabels {
  row: string;
  field: string;
  reason: string;
  fields: Partial<Record<CsvField, string>>;
  reasons: Record<RejectionReason, string>;
}

const SHOWN_REJECTIONS = 100;
/** Matches shown for a decision each; the rest follow the choice for all. */
const SHOWN_MATCHES = 200;
const problem = (code: ImportProblem['code'], params: ImportProblem['params'] = {}) => ({
  ok: false as const,
  problem: { code, params },
});

/** What an import wrote: `swapped` when a new database replaced the workspace (the page reloads). */
export interface CsvWritten {
  rows: number;
  clients: number;
  swapped: boolean;
}

/** A checked file waiting for the user's go, with its matches and the answers so far. */
interface PendingCsv {
  token: string;
  plan: CsvPlan;
  headers: string[];
  matching: ClientMatching;
  matches: CsvClientMatch[];
  ambiguous: CsvAmbiguousName[];
  decisions: CsvDecisions;
}

/**
 * Spreadsheet import in the worker: preview and guess the columns, then a dry run that
 * turns every row into a record or a rejection (kept here until the user confirms),
 * then one transaction that adds the records and the clients they create — or, above
 * `swap.stagingRows`, a staging database holding a copy of the workspace plus them.
 */
export class CsvService {
  readonly #writer: WorkspaceWriter;
  #pending: PendingCsv | null = null;

  constructor(writer: WorkspaceWriter) {
    this.#writer = writer;
  }

  async preview(file: Blob, kind: CsvKind): Promise<Outcome<{ preview: CsvPreview }>> {
    const samples: string[][] = [];
    const read = await readCsv(file, { preview: 6, onRow: (cells) => samples.push(cells) });
    if (!read.ok) return read;
    if (samples.length === 0) return problem('emptyCsv');
    const mapping = guessMapping(read.headers, kind);
    const mapped = CSV_FIELDS[kind].some((field) => mapping[field] !== null);
    if (read.headers.length === 1 && (!mapped || /[;,\t|:]/.test(read.headers[0] ?? ''))) {
      return problem('oneColumn');
    }
    return {
      ok: true,
      preview: { headers: read.headers, samples, mapping, delimiter: read.delimiter },
    };
  }

  async dryRun(
    file: Blob,
    kind: CsvKind,
    mapping: CsvMapping,
    { unnamedClient = 'Client {id}', ...chosen }: CsvCheckOptions,
    onProgress?: Progress,
  ): Promise<Outcome<{ report: CsvReport }>> {
    this.#pending = null;
    for (const required of REQUIRED_FIELDS[kind]) {
      const mapped =
        required === 'client'
          ? isMapped(mapping.clientId) || isMapped(mapping.clientName)
          : required === 'amount'
            ? isMapped(mapping.amount) || isMapped(mapping.unitPrice)
            : isMapped(mapping[required]);
      if (!mapped)
        return problem('unmappedField', { field: required === 'client' ? 'clientName' : required });
    }
    const scan = await scanReading(file, mapping, chosen);
    if (!scan.ok) return scan;
    const { reading, ambiguousDate, unclearAmount, headers } = scan;
    const matching = await ClientMatching.read(this.#writer.db);
    const plan = new CsvPlan({
      kind,
      mapping,
      ...reading,
      known: matching.known(),
      now: new Date(),
      newId: () => crypto.randomUUID(),
      headers,
      unnamedClient: (id) => unnamedClient.replace('{id}', id),
    });
    const read = await readCsv(file, {
      onRow: (cells, row) => {
        plan.add(cells, row);
        if (plan.rows % 10_000 === 0) onProgress?.(plan.rows, null);
      },
    });
    if (!read.ok) return read;
    if (read.rows === 0) return problem('emptyCsv');
    const given = plan.explicitIds();
    // A clients file's stored ids are matches (by id), not refusals.
    if (given.length > 0 && kind !== 'clients') {
      const found = await readExisting<{ id: string }>(this.#writer.db, kind, given);
      plan.rejectExisting(kind, new Set(found.flatMap((r) => (r ? [r.id] : []))));
    }
    const token = crypto.randomUUID();
    const matches = kind === 'clients' ? matching.matches(plan.clients) : [];
    const ambiguous = matching.ambiguousNames([...plan.transactions, ...plan.interactions]);
    this.#pending = {
      token,
      plan,
      headers: read.headers,
      matching,
      matches,
      ambiguous,
      decisions: DEFAULT_DECISIONS,
    };
    return {
      ok: true,
      report: {
        token,
        rows: plan.rows,
        accepted: plan.accepted,
        rejected: plan.rejections.length,
        newClients: kind === 'clients' ? 0 : plan.newClients,
        newClientNames: kind === 'clients' ? [] : plan.clients.slice(0, 5).map((c) => c.name),
        rejections: plan.rejections.slice(0, SHOWN_REJECTIONS),
        needsDateOrder: reading.dateOrder === null && ambiguousDate,
        unclearAmount: reading.decimalMark === null ? unclearAmount : null,
        invoices: plan.transactions.length,
        refunds: plan.transactions.reduce((n, t) => (t.amount < 0 ? n + 1 : n), 0),
        withoutClient: plan.withoutClient,
        unitPriceAsAmount: kind === 'transactions' ? unitPriceAsAmount(headers, mapping) : null,
        foreignCurrency: await this.#foreignCurrency(plan),
        matches: matches.slice(0, SHOWN_MATCHES),
        ambiguous,
      },
    };
  }

  /** The currency signs of the file's amounts that cannot be the workspace's currency. */
  async #foreignCurrency(plan: CsvPlan): Promise<CsvReport['foreignCurrency']> {
    const currency = (await this.#writer.db.settings.get(SETTINGS_ID))?.currency ?? 'USD';
    const foreign = plan.currencies.foreignTo(currency);
    const [first] = foreign;
    if (!first) return null;
    return { signs: foreign.map((f) => f.sign), example: first.example, currency };
  }

  /** The user's answers to the last dry run's matches and ambiguous names, kept for `apply`. */
  decide(token: string, decisions: CsvDecisions): boolean {
    if (!this.#pending || this.#pending.token !== token) return false;
    this.#pending.decisions = decisions;
    return true;
  }

  /**
   * The refused rows as a CSV file to fix: their cells, then row, column and reason. Every
   * cell is written as text a spreadsheet will not run (`=cmd|…` opens as `'=cmd|…`).
   */
  rejectedCsv(token: string, labels: RejectedCsvLabels): string | null {
    const pending = this.#pending;
    if (!pending || pending.token !== token) return null;
    const { plan, headers } = pending;
    const lines = plan.rejections.map((rejection, i) => {
      const cells = plan.rejectedCells[i] ?? [];
      const padded = headers.map((_, column) => cells[column] ?? '');
      const reason = Object.entries(rejection.params).reduce(
        (text, [key, value]) => text.replace(`{${key}}`, String(value)),
        labels.reasons[rejection.reason],
      );
      const field =
        rejection.field === '' ? '' : (labels.fields[rejection.field] ?? rejection.field);
      return [...padded, String(rejection.row), field, reason];
    });
    const table = [[...headers, labels.row, labels.field, labels.reason], ...lines];
    return csvLines(table.map((cells) => cells.map(csvText).join(',')));
  }

  /** Writes the accepted rows of the last dry run. */
  async apply(token: string, onProgress?: Progress): Promise<Outcome<CsvWritten>> {
    const pending = this.#pending;
    if (!pending || pending.token !== token) return problem('expired');
    const { plan } = pending;
    const records = [...plan.transactions, ...plan.interactions];
    const unanswered = resolveNames(records, pending.ambiguous, pending.decisions.names);
    if (unanswered !== null) return problem('ambiguousClient', { name: unanswered });
    if (pending.matches.length > 0) return this.#applyMatched(pending);
    const rows = {
      clients: plan.clients,
      transactions: plan.transactions,
      interactions: plan.interactions,
    };
    const total = plan.clients.length + plan.transactions.length + plan.interactions.length;
    let swapped: boolean;
    try {
      swapped = await this.#writer.withWriteLock(async () => {
        // Into an empty workspace the new records are all of it: build the snapshot from
        // them, as the sample loader does, rather than have the scorer read them back.
        const empty = (await this.#writer.db.clients.count()) === 0;
        const snapshot = empty ? buildSnapshot({ ...rows, feedback: [], complaints: [] }) : null;
        if (total > this.#writer.swap.stagingRows) {
          // Copied into a staging database with the new rows and swapped in (docs/storage.md).
          await this.#writer.swap.swapInCopyWith(rows, 'add', snapshot, onProgress);
          return true;
        }
        const options = { onProgress: (n: number) => onProgress?.(n, total) };
        if (snapshot) {
          const seq = await insertRecords(this.#writer.db, rows, { snapshot }, options);
          if (seq !== null) this.#writer.scoring.adopt(snapshot, seq);
        } else {
          const touched = new Set<string>(plan.clients.map((c) => c.id));
          for (const record of [...plan.transactions, ...plan.interactions])
            touched.add(record.clientId);
          await insertRecords(this.#writer.db, rows, { touchedClients: [...touched] }, options);
        }
        return false;
      });
    } catch (error) {
      if (error instanceof ImportFailure) return { ok: false, problem: error.problem };
      throw error;
    }
    this.#pending = null;
    return { ok: true, rows: plan.accepted, clients: plan.clients.length, swapped };
  }

  discard(): void {
    this.#pending = null;
  }

  /** A clients file with matches: the new clients added, the matched ones as decided. */
  async #applyMatched(pending: PendingCsv): Promise<Outcome<CsvWritten>> {
    const { plan } = pending;
    const { added, updated } = decideClients(
      plan.clients,
      pending.matches,
      pending.decisions,
      pending.matching,
      () => crypto.randomUUID(),
      new Date().toISOString(),
    );
    await this.#writer.withWriteLock(() => writeClientImport(this.#writer.db, added, updated));
    this.#pending = null;
    return { ok: true, rows: added.length + updated.length, clients: added.length, swapped: false };
  }
}
