import type { ChartConfiguration } from 'chart.js';
import type { EvaluationTier } from '$engine/index';
import { axis, base, type ChartContext } from './chart-options';
import type { MovementBars } from './movements';

/** The words of the tier movements chart. */
export interface MovementWords {
  tier: (tier: EvaluationTier) => string;
  newSince: string;
  goneSince: string;
  /** Under the bars: "Tier as of" the first evaluation's day. */
  barsTitle: string;
  /** Over the legend: "Tier as of" the second evaluation's day. */
  stacksTitle: string;
  /** A tooltip line: so many clients went from one tier to another. */
  cell: (count: number, from: string, to: string) => string;
}

/**
 * Clients by tier at the earlier evaluation (a bar each), stacked by their tier at the
 * later one (in its colour; grey for those gone since).
 */
export function movementConfig(
  context: Pick<ChartContext, 'colours' | 'format'>,
  { bars, stacks }: MovementBars,
  words: MovementWords,
): ChartConfiguration<'bar'> {
  const options = base<'bar'>(context);
  const barLabels = bars.map((bar) => (bar.tier ? words.tier(bar.tier) : words.newSince));
  const value = axis(context, undefined, context.format.number);
  return {
    type: 'bar',
    data: {
      labels: barLabels,
      datasets: stacks.map((stack) => ({
        label: stack.tier ? words.tier(stack.tier) : words.goneSince,
        data: [...stack.counts],
        backgroundColor: stack.tier ? stack.tier.colour : context.colours.muted,
      })),
    },
    options: {
      ...options,
      plugins: {
        ...options.plugins,
        legend: {
          ...options.plugins?.legend,
          title: {
            display: true,
            text: words.stacksTitle,
            color: context.colours.muted,
            font: { family: context.colours.font },
          },
        },
        tooltip: {
          ...options.plugins?.tooltip,
          // Only the stacks someone is in: a bar's empty stacks would crowd its tooltip.
          filter: (item) => (item.parsed.y ?? 0) > 0,
          callbacks: {
            label: (item) =>
              words.cell(
                item.parsed.y ?? 0,
                barLabels[item.dataIndex] ?? '',
                item.dataset.label ?? '',
              ),
          },
        },
      },
      scales: {
        x: { ...axis(context, words.barsTitle), stacked: true },
        y: {
          ...value,
          ticks: { ...value.ticks, precision: 0 },
          beginAtZero: true,
          stacked: true,
        },
      },
    },
  };
}
