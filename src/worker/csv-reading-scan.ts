import type { CsvReading } from '$backup/csv/csv-plan';
import type { CsvField, CsvMapping } from '$backup/csv/fields';
import {
  dateOrderEvidence,
  decimalMarkEvidence,
  isAmbiguousAmount,
} from '$backup/csv/parse-values';
import { readCsv } from '$backup/csv/read-csv';
import type { Outcome } from '$backup/problem';

const DATE_FIELDS: readonly CsvField[] = ['date', 'dueDate', 'paidDate', 'followUpDate'];
const AMOUNT_FIELDS: readonly CsvField[] = ['amount', 'unitPrice', 'cost'];

/** Whether a field is mapped to a column of the file. */
export const isMapped = (column: number | null | undefined): column is number =>
  column !== null && column !== undefined;

/** What the first pass over a file found (see `scanReading`). */
export interface Scan {
  reading: CsvReading;
  ambiguousDate: boolean;
  unclearAmount: string | null;
  headers: string[];
}

/**
 * What the user did not choose, read from the file itself (a first pass): one date with
 * a day above 12 settles the date order, one amount such as `1.234,56` or `12,5` the
 * decimal mark. Also whether any value needs the choice at all, and the headers.
 */
export async function scanReading(
  file: Blob,
  mapping: CsvMapping,
  given: CsvReading,
): Promise<Outcome<Scan>> {
  let { dateOrder, decimalMark } = given;
  let ambiguousDate = false;
  let unclearAmount: string | null = null;
  if (dateOrder !== null && decimalMark !== null) {
    const head = await readCsv(file, { preview: 2 });
    if (!head.ok) return head;
    return { ok: true, reading: given, ambiguousDate, unclearAmount, headers: head.headers };
  }
  const dates = dateOrder === null ? DATE_FIELDS.map((f) => mapping[f]).filter(isMapped) : [];
  const amounts = decimalMark === null ? AMOUNT_FIELDS.map((f) => mapping[f]).filter(isMapped) : [];
  const read = await readCsv(file, {
    onRow: (cells) => {
      for (const column of dates) {
        const value = cells[column] ?? '';
        dateOrder ??= dateOrderEvidence(value);
        ambiguousDate ||= /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/.test(value);
      }
      for (const column of amounts) {
        const value = cells[column] ?? '';
        decimalMark ??= decimalMarkEvidence(value);
        if (unclearAmount === null && isAmbiguousAmount(value)) unclearAmount = value.trim();
      }
    },
  });
  if (!read.ok) return read;
  const reading = { dateOrder, decimalMark };
  return { ok: true, reading, ambiguousDate, unclearAmount, headers: read.headers };
}
