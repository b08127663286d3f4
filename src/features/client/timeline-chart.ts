import type { ChartConfiguration } from 'chart.js';
import { axis, base, type ChartContext } from '$features/dashboard/chart-options';
import type { TimelinePoint } from '$worker/history-service';
import type { TimelineTier } from './timeline';

/** The words and formats the timeline chart shows. */
export interface TimelineWords {
  /** An evaluation's day, short. */
  date: (isoDate: string) => string;
  tier: (tier: TimelineTier) => string;
  /** A 0–100 score as the app shows it (rounded down). */
  score: (value: number) => string;
  /** The value axis's title. */
  scoreAxis: string;
  /** Said of an evaluation the client was not in. */
  notEvaluated: string;
}

/**
 * One client's score at each evaluation, oldest first, each point in the colour of the tier
 * it was given then; an evaluation the client was not in leaves a gap in the line.
 */
export function timelineConfig(
  context: Pick<ChartContext, 'colours'>,
  points: readonly TimelinePoint[],
  words: TimelineWords,
): ChartConfiguration<'line'> {
  const options = base<'line'>(context);
  const colours = points.map((point) => point.tier?.colour ?? context.colours.muted);
  return {
    type: 'line',
    data: {
      labels: points.map((point) => words.date(point.asOf)),
      datasets: [
        {
          label: words.scoreAxis,
          data: points.map((point) => point.score),
          borderColor: context.colours.muted,
          borderWidth: 2,
          pointBackgroundColor: colours,
          pointBorderColor: colours,
          pointRadius: 5,
          pointHoverRadius: 7,
          spanGaps: false,
        },
      ],
    },
    options: {
      ...options,
      plugins: {
        ...options.plugins,
        legend: { display: false },
        tooltip: {
          ...options.plugins?.tooltip,
          callbacks: {
            label: (item) => {
              const point = points[item.dataIndex];
              if (!point?.tier || point.score === null) return words.notEvaluated;
              return `${words.tier(point.tier)}: ${words.score(point.score)}`;
            },
          },
        },
      },
      scales: {
        x: axis(context),
        y: { ...axis(context, words.scoreAxis), min: 0, max: 100 },
      },
      // Room for the points at the edges (a score of 100 sits on the top line).
      layout: { padding: 8 },
    },
  };
}
