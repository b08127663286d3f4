import Papa from 'papaparse';
import { fail, ImportFailure, type Outcome } from '$backup/problem';
import { textReadable } from './text-readable';

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

/**
 * Reads a CSV file with papaparse, the delimiter guessed among `,` `;` tab and `|`. A File
 * is decoded as one UTF-8 stream (a character cut by a read boundary is joined, not
 * replaced) and read as it arrives; bytes that are not UTF-8 stop the read with
 * `notUtf8`. A quote that never closes would swallow every later line into one cell: the
 * file is refused with `unclosedQuote`, naming the row where it opened.
 */
export function readCsv(
  input: Blob | string,
  { preview, onRow }: ReadCsvOptions = {},
): Promise<Outcome<CsvShape>> {
  return new Promise((resolve) => {
    let headers: string[] | null = null;
    let line = 0;
    let rows = 0;
    let delimiter = ',';
    let failure: ImportFailure | null = null;
    const stream = typeof input === 'string' ? null : textReadable(input);
    const stop = (parser: Papa.Parser, error: ImportFailure): void => {
      failure = error;
      parser.abort();
      stream?.destroy();
    };
    const config: Papa.ParseConfig<string[]> = {
      delimiter: '',
      delimitersToGuess: [',', ';', '\t', '|'],
      skipEmptyLines: false,
      step(results, parser) {
        line += 1;
        delimiter = results.meta.delimiter || delimiter;
        const cells = results.data;
        try {
          if (results.errors.some((e) => e.type === 'Quotes')) fail('unclosedQuote', { row: line });
          if (cells.every((cell) => cell.trim() === '')) return;
          if (headers === null) {
            headers = cells.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim());
            return;
          }
          rows += 1;
          onRow?.(cells, line);
          // papaparse's own `preview` never completes a streamed file: stop here instead.
          if (preview !== undefined && rows + 1 >= preview) {
            parser.abort();
            stream?.destroy();
          }
        } catch (error) {
          if (!(error instanceof ImportFailure)) throw error;
          stop(parser, error);
        }
      },
      complete() {
        if (failure) return resolve({ ok: false, problem: failure.problem });
        if (stream?.failed) return resolve({ ok: false, problem: { code: 'notUtf8', params: {} } });
        if (headers === null)
          return resolve({ ok: false, problem: { code: 'emptyCsv', params: {} } });
        resolve({ ok: true, headers, delimiter, rows });
      },
    };
    // papaparse reads a Node-style readable as it streams and a string at once, with the
    // same callbacks; its overloads only type the string (and File) forms.
    Papa.parse((stream ?? input) as string, config);
  });
}
