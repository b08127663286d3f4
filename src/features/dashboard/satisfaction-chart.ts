import type { ChartConfiguration } from 'chart.js';
import type { SatisfactionTrend } from '$engine/index';
import { axis, base, byDataset, type ChartContext } from './chart-options';

/**
 * Satisfaction per tier, a line a tier over the months (0–100); a month without answers
 * is a gap the line crosses, not a fall to zero.
 */
export function satisfactionConfig(
  context: ChartContext,
  trend: SatisfactionTrend,
): ChartConfiguration<'line'> {
  const options = base<'line'>(context, byDataset);
  return {
    type: 'line',
    data: {
      labels: trend.months.map(context.format.month),
      datasets: context.tiers.map((tier, t) => ({
        label: tier.name,
        data: (trend.mean[t] ?? []).map((x) => (Number.isNaN(x) ? null : Math.round(x))),
        borderColor: tier.colour,
        backgroundColor: tier.colour,
        spanGaps: true,
      })),
    },
    options: {
      ...options,
      scales: {
        x: axis(context),
        y: { ...axis(context), min: 0, max: 100 },
      },
    },
  };
}
