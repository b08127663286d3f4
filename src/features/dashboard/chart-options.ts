import type {
  ActiveElement,
  ChartConfiguration,
  ChartEvent,
  ChartOptions,
  ChartType,
} from 'chart.js';
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
export type TierOf = (datasetIndex: number, index: number) => number;

/** A colour with some transparency, for many overlapping dots. */
export function translucent(colour: string, alpha = 0.6): string {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) return colour;
  return `${colour}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, '0')}`;
}

/**
 * Options every chart shares: theme colours and font, no animation, tier clicks (when the
 * chart says which tier an element stands for).
 */
export function base<T extends ChartType>(
  context: Pick<ChartContext, 'colours'> & Partial<Pick<ChartContext, 'openTier'>>,
  tierOf?: TierOf,
): ChartOptions<T> {
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
      if (tier !== null) context.openTier?.(tier);
    },
    onHover: (event: ChartEvent, elements: ActiveElement[]) => {
      const target = event.native?.target;
      if (target instanceof HTMLElement) {
        target.style.cursor = pick(elements) === null ? 'default' : 'pointer';
      }
    },
  } as ChartOptions<T>; // the shared subset of every chart type's options
}

export function axis(
  context: Pick<ChartContext, 'colours'>,
  title?: string,
  tick?: (value: number) => string,
) {
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

export const byIndex: TierOf = (_dataset, index) => index;
export const byDataset: TierOf = (dataset) => dataset;

/** Labels a log axis at 1, 3, 10, 30 … only, so the labels never crowd. */
export function logTick(format: (value: number) => string): (value: number) => string {
  return (value) => {
    const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
    return Math.abs(mantissa - 1) < 1e-6 || Math.abs(mantissa - 3) < 1e-6 ? format(value) : '';
  };
}

/**
 * The options of a chart of x–y points given as they are drawn (`parsing: false`), its
 * tooltip saying a point as `describe` writes it (with its dataset's label).
 */
export function pointOptions(
  options: ChartOptions<'scatter'>,
  describe: (x: number, y: number, label: string) => string,
): ChartOptions<'scatter'> {
  return {
    ...options,
    parsing: false,
    plugins: {
      ...options.plugins,
      tooltip: {
        ...options.plugins?.tooltip,
        callbacks: {
          label: (item) =>
            describe(item.parsed.x ?? 0, item.parsed.y ?? 0, item.dataset.label ?? ''),
        },
      },
    },
  };
}

/** One group of dots on a scatter (a tier, or a segment), with its colour. */
export interface DotGroup {
  label: string;
  colour: string;
  points: { x: number; y: number }[];
}

/**
 * A scatter of groups of dots, one dataset a group, the tooltip naming the group and the
 * point as `describe` writes it. The dashboard's tiers and the segments' map share it.
 */
export function groupScatterConfig(
  options: ChartOptions<'scatter'>,
  groups: readonly DotGroup[],
  settings: {
    pointRadius: number;
    describe: (x: number, y: number) => string;
    scales: NonNullable<ChartOptions<'scatter'>['scales']>;
  },
): ChartConfiguration<'scatter'> {
  return {
    type: 'scatter',
    data: {
      datasets: groups.map((group) => ({
        label: group.label,
        data: group.points,
        backgroundColor: translucent(group.colour),
        borderColor: group.colour,
        pointRadius: settings.pointRadius,
      })),
    },
    options: {
      ...pointOptions(options, (x, y, label) => `${label}: ${settings.describe(x, y)}`),
      scales: settings.scales,
      // Room for the dots at the edges: the top dot was cut in half.
      layout: { padding: 8 },
    },
  };
}
