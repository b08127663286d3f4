import type { ChartConfiguration } from 'chart.js';
import { axis, base, groupScatterConfig } from '$features/dashboard/chart-options';
import type { ChartColours } from '$features/dashboard/theme-colours.svelte';
import type { SegmentsResult } from '$worker/segments-view';

/** One group of dots on the scatter: a segment or a tier. */
export interface ScatterGroup {
  key: string;
  label: string;
  colour: string;
}

export interface SegmentChartContext {
  colours: ChartColours;
  number: (value: number, digits?: number) => string;
  text: { pc1: string; pc2: string; k: string; silhouette: string };
}

/** The sampled clients' points, one list per group (`groupOf` gives a point's group index). */
export function scatterPoints(
  scatter: SegmentsResult['scatter'],
  groups: number,
  groupOf: 'cluster' | 'tier',
): { x: number; y: number }[][] {
  const lists: { x: number; y: number }[][] = Array.from({ length: groups }, () => []);
  const of = scatter[groupOf];
  for (let i = 0; i < of.length; i += 1) {
    lists[of[i] ?? 0]?.push({ x: scatter.x[i] ?? 0, y: scatter.y[i] ?? 0 });
  }
  return lists;
}

/** The scatter on the first two principal components, one dataset per group. */
export function pcaScatterConfig(
  context: SegmentChartContext,
  groups: readonly ScatterGroup[],
  points: { x: number; y: number }[][],
): ChartConfiguration<'scatter'> {
  const dots = groups.map((group, g) => ({ ...group, points: points[g] ?? [] }));
  return groupScatterConfig(base<'scatter'>(context), dots, {
    pointRadius: 2.5,
    describe: (x, y) => `${context.number(x, 2)} · ${context.number(y, 2)}`,
    scales: {
      x: { ...axis(context, context.text.pc1), type: 'linear' },
      y: { ...axis(context, context.text.pc2), type: 'linear' },
    },
  });
}

/** The silhouette for each number of segments tried, the chosen one marked larger. */
export function silhouetteConfig(
  context: SegmentChartContext,
  curve: SegmentsResult['curve'],
  chosen: number,
): ChartConfiguration<'line'> {
  const options = base<'line'>(context);
  return {
    type: 'line',
    data: {
      labels: curve.map((point) => context.number(point.k)),
      datasets: [
        {
          label: context.text.silhouette,
          data: curve.map((point) => point.silhouette),
          borderColor: context.colours.text,
          backgroundColor: context.colours.text,
          pointRadius: curve.map((point) => (point.k === chosen ? 6 : 3)),
        },
      ],
    },
    options: {
      ...options,
      plugins: { ...options.plugins, legend: { display: false } },
      scales: {
        x: axis(context, context.text.k),
        y: axis(context, context.text.silhouette, (value) => context.number(value, 2)),
      },
    },
  };
}
