import { describe, expect, it } from 'vitest';
import { readCsv } from '$backup/csv/read-csv';

async function rows(text: string) {
  const seen: [number, string[]][] = [];
  const outcome = await readCsv(text, { onRow: (cells, row) => seen.push([row, cells]) });
  return { outcome, seen };
}

describe('reading a CSV file', () => {
  it('numbers rows as a spreadsheet does, skipping blank lines but counting them', async () => {
    const { outcome, seen } = await rows(
      '\uFEFFCustomer ID,Date,Amount\nC1,2024-03-05,"1,234.50"\n\nC2,2024-03-06,5\n',
    );
    expect(outcome).toEqual({
      ok: true,
      headers: ['Customer ID', 'Date', 'Amount'],
      delimiter: ',',
      rows: 2,
    });
    expect(seen).toEqual([
      [2, ['C1', '2024-03-05', '1,234.50']],
      [4, ['C2', '2024-03-06', '5']],
    ]);
  });

  it('guesses semicolons and tabs', async () => {
    for (const delimiter of [';', '\t']) {
      const text =
        ['Client', 'Date', 'Amount'].join(delimiter) +
        '\n' +
        ['A', '05.03.2024', '1.234,50'].join(delimiter);
      const { outcome, seen } = await rows(text);
      expect(outcome.ok && outcome.delimiter).toBe(delimiter);
      expect(seen[0]![1]).toEqual(['A', '05.03.2024', '1.234,50']);
    }
  });

  it('refuses text that was not UTF-8 (decoded with replacement characters)', async () => {
    const { outcome } = await rows('Client,Amount\n\uFFFD\uFFFD,5\n');
    expect(outcome).toEqual({ ok: false, problem: { code: 'notUtf8', params: {} } });
  });

  it('refuses an empty file and prototype-pollution headers', async () => {
    expect((await rows('')).outcome).toEqual({
      ok: false,
      problem: { code: 'emptyCsv', params: {} },
    });
    expect((await rows('__proto__,Amount\nx,1\n')).outcome).toEqual({
      ok: false,
      problem: { code: 'forbiddenKey', params: { key: '__proto__' } },
    });
  });
});

describe('a preview', () => {
  it('stops after the header and the first rows', async () => {
    const text = ['A,B', ...Array.from({ length: 20 }, (_, i) => `${i},x`)].join('\n');
    const seen: string[][] = [];
    const outcome = await readCsv(text, { preview: 6, onRow: (cells) => seen.push(cells) });
    expect(outcome.ok && outcome.headers).toEqual(['A', 'B']);
    expect(seen).toHaveLength(5);
  });
});
