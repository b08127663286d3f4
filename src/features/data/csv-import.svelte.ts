import { errorMessage, isWorkspaceGone } from '$features/error-message';
import type { AppServices } from '$features/context';
import type { MessageKey } from '$i18n/en';
import { CSV_FIELDS } from '$worker/csv-fields';
import type {
  CsvField,
  CsvKind,
  CsvMapping,
  CsvPreview,
  CsvReport,
  RejectedCsvLabels,
  RejectionReason,
} from '$worker/csv-service';
import { downloadBlob } from './download';
import { problemMessage } from './problem-message';
import { keepForReload, takeAfterReload } from '$features/reload-notice';

const RELOAD_KEY = 'csv-import';

type Phase =
  | 'idle'
  | 'reading'
  | 'mapping'
  | 'checking'
  | 'report'
  | 'writing'
  | 'switching'
  | 'done'
  | 'error';
export type DateOrderChoice = 'auto' | 'dmy' | 'mdy';
export type DecimalMarkChoice = 'auto' | 'point' | 'comma';

const REASONS: Record<RejectionReason, MessageKey> = {
  required: 'csv.reason.required',
  date: 'csv.reason.date',
  future: 'csv.reason.future',
  amount: 'csv.reason.amount',
  number: 'csv.reason.number',
  kind: 'csv.reason.kind',
  duplicate: 'csv.reason.duplicate',
  exists: 'csv.reason.exists',
  invalid: 'csv.reason.invalid',
  noClient: 'csv.reason.noClient',
};

const DECIMAL_MARKS = { auto: null, point: '.', comma: ',' } as const;

/** Whether the report leaves a question open that the user must answer first. */
export function needsAnswer(report: CsvReport): boolean {
  return report.needsDateOrder || report.unclearAmount !== null;
}

/** What the user confirmed of what the check warned about. */
export interface Confirmations {
  /** A unit price imported as the amount. */
  unitPrice: boolean;
  /** Amounts in another currency imported as they are. */
  currency: boolean;
}

/** Whether the check warned about something the user has not confirmed yet. */
export function needsConfirmation(report: CsvReport, confirmed: Confirmations): boolean {
  return (
    (report.unitPriceAsAmount !== null && !confirmed.unitPrice) ||
    (report.foreignCurrency !== null && !confirmed.currency)
  );
}

/**
 * Spreadsheet import, step by step: read the header and guess the columns; let the user
 * correct them; check every row (a dry run in the worker); show what would be created and
 * every refused row; import the good rows only when the user says so.
 */
export class CsvImport {
  phase = $state<Phase>('idle');
  kind = $state<CsvKind>('transactions');
  file = $state.raw<File | null>(null);
  preview = $state.raw<CsvPreview | null>(null);
  mapping = $state<CsvMapping>({});
  dateOrder = $state<DateOrderChoice>('auto');
  decimalMark = $state<DecimalMarkChoice>('auto');
  report = $state.raw<CsvReport | null>(null);
  confirmed = $state<Confirmations>({ unitPrice: false, currency: false });
  message = $state('');
  readonly #services: AppServices;

  constructor(services: AppServices) {
    this.#services = services;
    const kept = takeAfterReload(RELOAD_KEY);
    if (kept !== null) {
      this.phase = kept.failed ? 'error' : 'done';
      this.message = kept.message;
    }
  }

  get fields(): readonly CsvField[] {
    return CSV_FIELDS[this.kind];
  }

  get busy(): boolean {
    return ['reading', 'checking', 'writing', 'switching'].includes(this.phase);
  }

  fieldLabel = (field: CsvField): string => this.#services.i18n.t(`csv.field.${field}`);

  reasonText = (reason: RejectionReason, params: Record<string, string | number>): string =>
    this.#services.i18n.t(REASONS[reason], params);

  /** Any change to the file, kind or columns makes the last check stale. */
  reset = (): void => {
    if (this.report) void this.#services.worker.discardCsv();
    this.report = null;
    this.confirmed = { unitPrice: false, currency: false };
    if (this.phase === 'report' || this.phase === 'done' || this.phase === 'error') {
      this.phase = this.preview ? 'mapping' : 'idle';
    }
    this.message = '';
  };

  read = async (): Promise<void> => {
    const { file } = this;
    if (!file) return;
    this.reset();
    this.preview = null;
    this.phase = 'reading';
    const outcome = await this.#guard(() => this.#services.worker.previewCsv(file, this.kind));
    if (!outcome) return;
    this.preview = outcome.preview;
    this.mapping = { ...outcome.preview.mapping };
    this.phase = 'mapping';
  };

  check = async (): Promise<void> => {
    const { file } = this;
    if (!file) return;
    this.reset();
    this.phase = 'checking';
    const reading = {
      dateOrder: this.dateOrder === 'auto' ? null : this.dateOrder,
      decimalMark: DECIMAL_MARKS[this.decimalMark],
      unnamedClient: this.#services.i18n.t('csv.unnamedClient'),
    };
    const outcome = await this.#guard(() =>
      this.#services.worker.dryRunCsv(file, this.kind, $state.snapshot(this.mapping), reading),
    );
    if (!outcome) return;
    this.report = outcome.report;
    this.phase = 'report';
  };

  apply = async (): Promise<void> => {
    const { report } = this;
    if (!report || needsConfirmation(report, this.confirmed)) return;
    this.phase = 'writing';
    const outcome = await this.#guard(() => this.#services.worker.applyCsv(report.token));
    if (!outcome) return;
    const { i18n } = this.#services;
    this.report = null;
    const message = i18n.t('csv.done', {
      rows: i18n.number(outcome.rows),
      clients: i18n.number(outcome.clients),
    });
    if (outcome.swapped) {
      // A new database was swapped in: the page reloads onto it as soon as this returns,
      // and says it is done once it shows the new data.
      keepForReload(RELOAD_KEY, message);
      this.phase = 'switching';
      return;
    }
    this.phase = 'done';
    this.message = message;
  };

  downloadRejected = async (): Promise<void> => {
    const { report } = this;
    if (!report) return;
    const { i18n, worker } = this.#services;
    const labels: RejectedCsvLabels = {
      row: i18n.t('csv.report.row'),
      field: i18n.t('csv.report.field'),
      reason: i18n.t('csv.report.reason'),
      fields: Object.fromEntries(this.fields.map((f) => [f, this.fieldLabel(f)])),
      reasons: Object.fromEntries(
        Object.entries(REASONS).map(([reason, key]) => [reason, i18n.t(key)]),
      ) as RejectedCsvLabels['reasons'], // built from every reason above
    };
    const text = await worker.rejectedCsv(report.token, labels);
    if (text === null) return;
    // The byte-order mark makes spreadsheets read the file as UTF-8.
    downloadBlob(new Blob(['\uFEFF', text], { type: 'text/csv' }), 'tierwise-refused-rows.csv');
  };

  async #guard<T>(
    job: () => Promise<
      ({ ok: true } & T) | { ok: false; problem: Parameters<typeof problemMessage>[1] }
    >,
  ): Promise<T | null> {
    const { i18n } = this.#services;
    try {
      const outcome = await job();
      if (outcome.ok) return outcome;
      this.message = problemMessage(i18n, outcome.problem);
    } catch (error) {
      if (isWorkspaceGone(error)) {
        // Another tab's import swapped the workspace away: this tab reloads onto it as
        // soon as this returns, and must still say that this file was not imported.
        keepForReload(RELOAD_KEY, i18n.t('csv.droppedBySwap'), true);
        this.phase = 'switching';
        return null;
      }
      this.message = errorMessage(error, i18n.t);
    }
    this.phase = 'error';
    return null;
  }
}
