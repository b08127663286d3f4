/**
 * The adjusted Rand index (Hubert & Arabie, 1985) of two labelings of the same points:
 * 1 when they group the points identically (whatever the numbers), about 0 for chance.
 * ARI = (Σij C(nij, 2) − E) / (½(Σi C(ai, 2) + Σj C(bj, 2)) − E),
 * E = Σi C(ai, 2) · Σj C(bj, 2) / C(n, 2), nij the contingency table, ai and bj its margins.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError('labelings of different lengths');
  const n = a.length;
  const pairs = (x: number): number => (x * (x - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < n; i += 1) {
    const key = `${a[i]}|${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    cols.set(b[i]!, (cols.get(b[i]!) ?? 0) + 1);
  }
  const sum = (values: Iterable<number>): number => [...values].reduce((s, v) => s + pairs(v), 0);
  const index = sum(table.values());
  const rowPairs = sum(rows.values());
  const colPairs = sum(cols.values());
  const expected = (rowPairs * colPairs) / pairs(n);
  const maximum = (rowPairs + colPairs) / 2;
  return maximum === expected ? 1 : (index - expected) / (maximum - expected);
}
