import Papa from 'papaparse';
import { FORBIDDEN_KEYS } from '$backup/json-scanner';
import { fail, ImportFailure, type Outcome } from '$backup/problem';

export interface ReadCsvOptions {
  /** Stop after this many rows, header included (for the column preview). */
  preview?: number;
  /** Called with each row after the header, numbered as a spreadsheet numbers it. */
  onRow?: (cells: string[], row: number) => void;
}

export interface CsvShape {
  headers: string[];
  delimiter: string;
  /** Data rows read (blank lines not counted). */
  rows: number;
}

const BYTES_PER_CHUNK = 1024 * 1024;

/**
 * Reads a CSV file with papaparse, streaming (a File is read a megabyte at a time), the
 * delimiter guessed among `,` `;` tab and `|`. Text that is not UTF-8 shows up as U+FFFD
 * replacement characters once decoded: the first one stops the read with `notUtf8`.
 */
export function readCsv(
  input: Blob | string,
  { preview, onRow }: ReadCsvOptions = {},
): Promise<Outcome<CsvShape>> {
  return new Promise((resolve, reject) => {
    let headers: string[] | null = null;
    let line = 0;
    let rows = 0;
    let delimiter = ',';
    let failure: ImportFailure | null = null;
    const config: Papa.ParseLocalConfig<string[], File> = {
      delimiter: '',
      delimitersToGuess: [',', ';', '\t', '|'],
      skipEmptyLines: false,
      chunkSize: BYTES_PER_CHUNK,
      step(results, parser) {
        line += 1;
        delimiter = results.meta.delimiter || delimiter;
        const cells = results.data;
        try {
          if (cells.some((cell) => cell.includes('\uFFFD'))) fail('notUtf8');
          if (cells.every((cell) => cell.trim() === '')) return;
          if (headers === null) {
            headers = cells.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim());
            const forbidden = headers.find((h) =>
              (FORBIDDEN_KEYS as readonly string[]).includes(h),
            );
            if (forbidden !== undefined) fail('forbiddenKey', { key: forbidden });
            return;
          }
          rows += 1;
          onRow?.(cells, line);
          // papaparse's own `preview` never completes a streamed File: stop here instead.
          if (preview !== undefined && rows + 1 >= preview) parser.abort();
        } catch (error) {
          if (!(error instanceof ImportFailure)) throw error;
          failure = error;
          parser.abort();
        }
      },
      complete() {
        if (failure) return resolve({ ok: false, problem: failure.problem });
        if (headers === null)
          return resolve({ ok: false, problem: { code: 'emptyCsv', params: {} } });
        resolve({ ok: true, headers, delimiter, rows });
      },
      error(error: Error) {
        reject(error);
      },
    };
    // papaparse reads a File in chunks and a string at once, with the same callbacks;
    // its overloads only type them apart.
    Papa.parse(input as File, config);
  });
}
