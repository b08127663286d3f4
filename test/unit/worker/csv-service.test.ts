import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { TierwiseDb } from '$db/database';
import { CsvService, type CsvMapping, type CsvReading } from '$worker/csv-service';
import type { WorkspaceSwap } from '$worker/workspace-swap';

let db: TierwiseDb;
let service: CsvService;
/** Change seqs the service told the scorer to adopt its snapshot at. */
let adopted: number[];

beforeEach(() => {
  db = new TierwiseDb(`csv-service-${Math.random()}`);
  adopted = [];
  // Into an empty workspace the service hands the scorer its snapshot; it never swaps here.
  const scoring = { adopt: (_snapshot: unknown, seq: number) => adopted.push(seq) };
  const swap = { stagingRows: 1_000_000 } as WorkspaceSwap; // below it, nothing is staged
  service = new CsvService({ db, scoring, withWriteLock: (work) => work(), swap });
});

afterEach(async () => {
  await db.delete();
});

const MAPPING: CsvMapping = { clientName: 0, date: 1, amount: 2 };
const AUTO: CsvReading = { dateOrder: null, decimalMark: null };

async function check(lines: string[], reading: CsvReading = AUTO) {
  const file = new Blob([['Client,Date,Amount', ...lines].join('\n')]);
  const outcome = await service.dryRun(file, 'transactions', MAPPING, reading);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return outcome.report;
}

async function checkedAmounts(lines: string[], reading: CsvReading = AUTO): Promise<number[]> {
  const report = await check(lines, reading);
  expect(report.rejected).toBe(0);
  const applied = await service.apply(report.token);
  expect(applied.ok).toBe(true);
  expect(adopted).toHaveLength(1);
  const rows = await db.transactions.toArray();
  return rows.sort((a, b) => a.date.localeCompare(b.date)).map((t) => t.amount);
}

describe('the decimal mark of a file', () => {
  it('comes from the file’s own rows: after 1.234,56, 2.500 is two thousand five hundred', async () => {
    const amounts = await checkedAmounts([
      'Ana,2024-01-01,"1.234,56"',
      'Ana,2024-01-02,2.500',
      'Ana,2024-01-03,12.000',
    ]);
    expect(amounts).toEqual([1234.56, 2500, 12000]);
  });

  it('after 1,234.56, 2.500 is two and a half', async () => {
    const amounts = await checkedAmounts([
      'Ana,2024-01-01,"1,234.56"',
      'Ana,2024-01-02,2.500',
      'Ana,2024-01-03,7.5',
    ]);
    expect(amounts).toEqual([1234.56, 2.5, 7.5]);
  });

  it('is asked for when no row tells, and the answer is used', async () => {
    const lines = ['Ana,2024-01-01,2.500', 'Ana,2024-01-02,12.000', 'Ana,2024-01-03,40'];
    const report = await check(lines);
    expect(report.unclearAmount).toBe('2.500');
    expect(await checkedAmounts(lines, { dateOrder: null, decimalMark: ',' })).toEqual([
      2500, 12000, 40,
    ]);
  });

  it('is not asked for when every amount reads one way', async () => {
    expect((await check(['Ana,2024-01-01,2500', 'Ana,2024-01-02,12.5'])).unclearAmount).toBeNull();
  });
});

describe('dates in a file', () => {
  it('more than a year ahead are refused, naming the row; next year’s are kept', async () => {
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-15`;
    const report = await check([
      'Ana,9999-12-31,10',
      'Ana,2099-01-01,10',
      `Ana,${nextYear},10`,
      'Ana,2024-05-01,10',
    ]);
    expect(report.rejections).toEqual([
      { row: 2, field: 'date', reason: 'future', params: { value: '9999-12-31' } },
      { row: 3, field: 'date', reason: 'future', params: { value: '2099-01-01' } },
    ]);
    expect(report.accepted).toBe(2);
  });
});

describe('a file with an unclosed quote', () => {
  it('is refused, naming the row the quote opens on', async () => {
    const file = new Blob([
      'Client,Date,Amount\nAna,2024-01-01,5\n"Bo,2024-01-02,6\nCy,2024-01-03,7\n',
    ]);
    const outcome = await service.dryRun(file, 'transactions', MAPPING, AUTO);
    expect(outcome).toEqual({ ok: false, problem: { code: 'unclosedQuote', params: { row: 3 } } });
  });
});

describe('the refused rows download', () => {
  it('opens as text in a spreadsheet: no cell starts a formula', async () => {
    const report = await check([
      '=HYPERLINK("http://evil.example"),2024-01-01,=1+2',
      '+Bo,2024-01-02,@SUM(A1)',
      'Cy,2024-01-03,-5',
    ]);
    expect(report.rejected).toBe(2);
    const text = service.rejectedCsv(report.token, {
      row: 'Row',
      field: 'Column',
      reason: 'Reason',
      fields: { amount: 'Amount' },
      reasons: {
        required: 'empty',
        date: 'bad date',
        future: 'too far ahead',
        amount: 'not an amount: “{value}”',
        number: 'not a number',
        kind: 'kind',
        duplicate: 'duplicate',
        exists: 'exists',
        invalid: '{message}',
        noClient: '{column}: empty',
      },
    });
    const cells = Papa.parse<string[]>(text ?? '', { skipEmptyLines: true }).data.flat();
    expect(cells).toContain('\'=HYPERLINK("http://evil.example")');
    expect(cells).toContain("'+Bo");
    expect(cells).toContain("'@SUM(A1)");
    expect(cells).toContain('not an amount: “=1+2”');
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});
