import type {
  ActiveElement,
  ChartConfiguration,
  ChartEvent,
  ChartOptions,
  ChartType,
} from 'chart.js';
import type { DashboardSummary } from '$engine/index';
import type { ChartColours } from './theme-colours.svelte';

/** A tier level as the charts show it. */
export interface TierInfo {
  id: string;
  name: string;
  colour: string;
}

/** Everything a chart needs besides the data: words, number formats, colours, a click. */
export interface ChartContext {
  tiers: readonly TierInfo[];
  colours: ChartColours;
  format: {
    number: (value: number, digits?: number) => string;
    money: (value: number) => string;
    percent: (fraction: number) => string;
    /** A `YYYY-MM` month, short. */
    month: (month: string) => string;
  };
  text: {
    clients: string;
    revenue: string;
    purchaseDays: string;
    lifetimeRevenue: string;
    clientShare: string;
    revenueShare: string;
    equality: string;
  };
  /** Opens the clients of a tier (its index). */
  openTier: (tier: number) => void;
}

/** Which tier a clicked element stands for, from its dataset and data index. */
type TierOf = (datasetIndex: number, index: number) => number;

/** A colour with some transparency, for many overlapping dots. */
export function translucent(colour: string, alpha = 0.6): string {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) return colour;
  return `${colour}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}`;
}

/** Options every chart shares: theme colours and font, no animation, tier clicks. */
function base<T extends ChartType>(context: ChartContext, tierOf?: TierOf): ChartOptions<T> {
  const { colours } = context;
  const font = { family: colours.font };
  const pick = (elements: ActiveElement[]): number | null => {
    const element = elements[0];
    return element && tierOf ? tierOf(element.datasetIndex, element.index) : null;
  };
  return {
    responsive: true,
    maintainAspectRatio: false,
    // Drawn once per change, at once: no animation to wait for, nothing to flicker.
    animation: false,
    color: colours.text,
    plugins: {
      legend: { labels: { color: colours.text, font } },
      tooltip: { titleFont: font, bodyFont: font },
    },
    onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
      const tier = pick(elements);
      if (tier !== null) context.openTier(tier);
    },
    onHover: (event: ChartEvent, elements: ActiveElement[]) => {
      const target = event.native?.target;
      if (target instanceof HTMLElement) {
        target.style.cursor = pick(elements) === null ? 'default' : 'pointer';
      }
    },
  } as ChartOptions<T>; // the shared subset of every chart type's options
}

function axis(context: ChartContext, title?: string, tick?: (value: number) => string) {
  const { colours } = context;
  const font = { family: colours.font };
  return {
    grid: { color: colours.grid },
    border: { color: colours.grid },
    ticks: {
      color: colours.muted,
      font,
      ...(tick ? { callback: (value: number | string) => tick(Number(value)) } : {}),
    },
    ...(title ? { title: { display: true, text: title, color: colours.muted, font } } : {}),
  };
}

const byIndex: TierOf = (_dataset, index) => index;
const byDataset: TierOf = (dataset) => dataset;

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
      scales: { x: axis(context), y: { ...axis(context, undefined, format), beginAtZero: true } },
    },
  };
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

/** Labels a log axis at 1, 3, 10, 30 … only, so the labels never crowd. */
export function logTick(format: (value: number) => string): (value: number) => string {
  return (value) => {
    const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
    return Math.abs(mantissa - 1) < 1e-6 || Math.abs(mantissa - 3) < 1e-6 ? format(value) : '';
  };
}

/** Purchase days × lifetime revenue, one dataset per tier, log scales. */
export function scatterConfig(
  context: ChartContext,
  summary: DashboardSummary,
): ChartConfiguration<'scatter'> {
  const options = base<'scatter'>(context, byDataset);
  return {
    type: 'scatter',
    data: {
      datasets: context.tiers.map((tier, t) => ({
        label: tier.name,
        data: summary.scatter[t] ?? [],
        backgroundColor: translucent(tier.colour),
        borderColor: tier.colour,
        pointRadius: 3,
      })),
    },
    options: {
      ...options,
      parsing: false,
      plugins: {
        ...options.plugins,
        tooltip: {
          ...options.plugins?.tooltip,
          callbacks: {
            label: (item) =>
              `${item.dataset.label ?? ''}: ${context.format.number(item.parsed.x ?? 0)} · ${context.format.money(item.parsed.y ?? 0)}`,
          },
        },
      },
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
    },
  };
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
      ...options,
      parsing: false,
      plugins: {
        ...options.plugins,
        tooltip: {
          ...options.plugins?.tooltip,
          callbacks: {
            label: (item) => `${percent(item.parsed.x ?? 0)} → ${percent(item.parsed.y ?? 0)}`,
          },
        },
      },
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
