import type { DashboardSummary } from '$engine/index';

/** Share of revenue at each tenth of the clients (10%, 20% … 100%), read off the curve. */
export function curveAtDeciles(
  curve: DashboardSummary['curve'],
): { clients: number; revenue: number }[] {
  const rows: { clients: number; revenue: number }[] = [];
  for (let d = 1; d <= 10; d += 1) {
    const x = d / 10;
    const k = curve.findIndex((p) => p.x >= x - 1e-9);
    const p = curve[k];
    if (!p) continue;
    const q = curve[k - 1] ?? p;
    // Linear between the two points around x (the curve is sampled for large bases).
    const revenue = p.x === q.x ? p.y : q.y + ((x - q.x) / (p.x - q.x)) * (p.y - q.y);
    rows.push({ clients: x, revenue });
  }
  return rows;
}

/** Number of points and their means, per tier, of the scatter as drawn. */
export function scatterMeans(
  scatter: DashboardSummary['scatter'],
): { points: number; x: number; y: number }[] {
  return scatter.map((points) => {
    const n = points.length;
    const sum = points.reduce((s, p) => ({ x: s.x + p.x, y: s.y + p.y }), { x: 0, y: 0 });
    return { points: n, x: n ? sum.x / n : NaN, y: n ? sum.y / n : NaN };
  });
}
