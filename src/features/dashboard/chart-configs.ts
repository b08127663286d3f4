import type { ChartConfiguration } from 'chart.js';
import type { DashboardSummary } from '$engine/index';
import {
  axis,
  base,
  byDataset,
  byIndex,
  groupScatterConfig,
  logTick,
  pointOptions,
  type ChartContext,
} from './chart-options';

/** Bars of one value per tier (clients, or revenue). */
export function tierBarConfig(
  context: ChartContext,
  values: readonly number[],
  kind: 'clients' | 'revenue',
): ChartConfiguration<'bar'> {
  const format = kind === 'clients' ? context.format.number : context.format.money;
  const options = base<'bar'>(context, byIndex);
  return {
    type: 'bar',
    data: {
      labels: context.tiers.map((t) => t.name),
      datasets: [
        {
          label: kind === 'clients' ? context.text.clients : context.text.revenue,
          data: [...values],
          backgroundColor: context.tiers.map((t) => t.colour),
        },
      ],
    },
    options: {
      ...options,
      // The whole column of a tier answers the pointer, so even a short bar is easy to hit.
      interaction: { mode: 'index', intersect: false },
      plugins: {
        ...options.plugins,
        legend: { display: false },
        tooltip: {
          ...options.plugins?.tooltip,
          callbacks: { label: (item) => format(item.parsed.y ?? 0) },
        },
      },
      scales: { x: axis(context), y: countAxis(axis(context, undefined, format), kind) },
    },
  };
}

/** A value axis from zero; counts of clients in whole steps (never "0, 1, 1, 2, 2"). */
function countAxis(
  value: ReturnType<typeof axis>,
  kind: 'clients' | 'revenue',
): ReturnType<typeof axis> & { beginAtZero: true } {
  const ticks = kind === 'clients' ? { ...value.ticks, precision: 0 } : value.ticks;
  return { ...value, ticks, beginAtZero: true };
}

/** Each tier's share of the clients. */
export function tierShareConfig(
  context: ChartContext,
  counts: readonly number[],
): ChartConfiguration<'doughnut'> {
  const total = counts.reduce((sum, x) => sum + x, 0);
  const options = base<'doughnut'>(context, byIndex);
  return {
    type: 'doughnut',
    data: {
      labels: context.tiers.map((t) => t.name),
      datasets: [
        {
          label: context.text.clients,
          data: [...counts],
          backgroundColor: context.tiers.map((t) => t.colour),
          borderColor: context.colours.surface,
        },
      ],
    },
    options: {
      ...options,
      plugins: {
        ...options.plugins,
        legend: { ...options.plugins?.legend, position: 'right' },
        tooltip: {
          ...options.plugins?.tooltip,
          callbacks: {
            label: (item) =>
              `${context.format.number(item.parsed)} (${context.format.percent(total > 0 ? item.parsed / total : 0)})`,
          },
        },
      },
    },
  };
}

/** Purchase days × lifetime revenue, one dataset per tier, log scales. */
export function scatterConfig(
  context: ChartContext,
  summary: DashboardSummary,
): ChartConfiguration<'scatter'> {
  const groups = context.tiers.map((tier, t) => ({
    label: tier.name,
    colour: tier.colour,
    points: summary.scatter[t] ?? [],
  }));
  return groupScatterConfig(base<'scatter'>(context, byDataset), groups, {
    pointRadius: 3,
    describe: (x, y) => `${context.format.number(x)} · ${context.format.money(y)}`,
    scales: {
      x: {
        ...axis(context, context.text.purchaseDays, logTick(context.format.number)),
        type: 'logarithmic',
      },
      y: {
        ...axis(context, context.text.lifetimeRevenue, logTick(context.format.money)),
        type: 'logarithmic',
      },
    },
  });
}

/** The concentration curve against the line of equal shares. */
export function paretoConfig(
  context: ChartContext,
  summary: DashboardSummary,
): ChartConfiguration<'scatter'> {
  const options = base<'scatter'>(context);
  const percent = (x: number): string => context.format.percent(x);
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: context.text.revenueShare,
          data: summary.curve,
          showLine: true,
          borderColor: context.colours.text,
          backgroundColor: context.colours.text,
          pointRadius: 0,
          borderWidth: 2,
        },
        {
          label: context.text.equality,
          data: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
          showLine: true,
          borderColor: context.colours.muted,
          borderDash: [4, 4],
          pointRadius: 0,
          borderWidth: 1,
        },
      ],
    },
    options: {
      ...pointOptions(options, (x, y) => `${percent(x)} → ${percent(y)}`),
      scales: {
        x: { ...axis(context, context.text.clientShare, percent), min: 0, max: 1 },
        y: { ...axis(context, context.text.revenueShare, percent), min: 0, max: 1 },
      },
    },
  };
}

/** Revenue per month, stacked by tier. */
export function monthsConfig(
  context: ChartContext,
  summary: DashboardSummary,
): ChartConfiguration<'bar'> {
  const options = base<'bar'>(context, byDataset);
  return {
    type: 'bar',
    data: {
      labels: summary.months.map(context.format.month),
      datasets: context.tiers.map((tier, t) => ({
        label: tier.name,
        data: [...(summary.monthRevenue[t] ?? [])],
        backgroundColor: tier.colour,
      })),
    },
    options: {
      ...options,
      plugins: {
        ...options.plugins,
        tooltip: {
          ...options.plugins?.tooltip,
          callbacks: {
            label: (item) =>
              `${item.dataset.label ?? ''}: ${context.format.money(item.parsed.y ?? 0)}`,
          },
        },
      },
      scales: {
        x: { ...axis(context), stacked: true },
        y: { ...axis(context, undefined, context.format.money), stacked: true },
      },
    },
  };
}
