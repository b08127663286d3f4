import type { ScoresRecord } from '$db/derived-records';

type Model = ScoresRecord['clvModel'];

/** A figure as precise as the model's test says it is. */
export type Estimate =
  | { kind: 'exact'; value: number }
  | { kind: 'about'; value: number }
  | { kind: 'range'; low: number; high: number };

/** `value` to two significant figures: 12,345 → 12,000; 0.4567 → 0.46. */
export function twoFigures(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Math.round(value / scale) * scale;
}

/**
 * How to show a prediction: as it is when the models are trusted highly, rounded to two
 * figures ("≈") at medium trust, and as a range at low trust — as wide as the backtest's
 * error on the total (at least ±50 %), never four confident digits the data cannot back.
 */
export function estimate(value: number, model: Model): Estimate {
  if (model.trust.level === 'high') return { kind: 'exact', value };
  if (model.trust.level === 'medium') return { kind: 'about', value: twoFigures(value) };
  const test = model.backtest;
  const error =
    test && test.actualValue > 0 ? Math.abs(test.predictedValue / test.actualValue - 1) : 0;
  const spread = Math.min(1, Math.max(0.5, error));
  return {
    kind: 'range',
    low: twoFigures(value * (1 - spread)),
    high: twoFigures(value * (1 + spread)),
  };
}
