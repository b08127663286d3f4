import { describe, expect, it } from 'vitest';
import { readCsv } from '$backup/csv/read-csv';

async function rows(text: string | Blob) {
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

  it('refuses bytes that are not UTF-8', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Client,Amount\n'),
      0xff,
      0xfe,
      0x2c,
      0x35,
    ]);
    const { outcome } = await rows(new Blob([bytes]));
    expect(outcome).toEqual({ ok: false, problem: { code: 'notUtf8', params: {} } });
  });

  it('reads a character cut by every read boundary of a large file as that character', async () => {
    // 3 MB of three-byte characters: the stream's pieces end inside characters again and
    // again, wherever the browser or Node cuts them.
    const names = Array.from({ length: 120_000 }, (_, i) => `客户名称${i}号`);
    const text = `名称,金额\n${names.map((n, i) => `${n},${i}`).join('\n')}\n`;
    const blob = new Blob([new TextEncoder().encode(text)]);
    expect(blob.size).toBeGreaterThan(1024 * 1024 * 2);
    const { outcome, seen } = await rows(blob);
    expect(outcome.ok && outcome.rows).toBe(names.length);
    expect(seen.map(([, cells]) => cells[0])).toEqual(names);
  });

  it('refuses an empty file, and reads headers that are also JavaScript names', async () => {
    expect((await rows('')).outcome).toEqual({
      ok: false,
      problem: { code: 'emptyCsv', params: {} },
    });
    const named = await rows('__proto__,constructor\nprototype,1\n');
    expect(named.outcome.ok && named.outcome.headers).toEqual(['__proto__', 'constructor']);
    expect(named.seen).toEqual([[2, ['prototype', '1']]]);
  });

  it('refuses a quote that never closes, naming the row where it opened', async () => {
    for (const input of ['Name,Amount\nA,1\n"B,2\nC,3\nD,4\n', 'Name,Amount\nA,1\n"B"x,2\nC,3\n']) {
      for (const file of [input, new Blob([input])]) {
        expect((await rows(file)).outcome).toEqual({
          ok: false,
          problem: { code: 'unclosedQuote', params: { row: 3 } },
        });
      }
    }
    // A quoted line break is one cell, not an error.
    const multiline = await rows('Name,Notes\nA,"one\ntwo"\nB,x\n');
    expect(multiline.seen).toEqual([
      [2, ['A', 'one\ntwo']],
      [3, ['B', 'x']],
    ]);
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
