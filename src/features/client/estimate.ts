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
 * figures ("≈") at medium trust, and as a range at low trust — the value divided and
 * multiplied by 1 + the backtest's error on the total (at least 1.5): a model 153 % too
 * high gives value / 2.53 to value × 2.53. Never four confident digits the data cannot back,
 * and never a range down to nothing.
 */
export function estimate(value: number, model: Model): Estimate {
  if (model.trust.level === 'high') return { kind: 'exact', value };
  if (model.trust.level === 'medium') return { kind: 'about', value: twoFigures(value) };
  const test = model.backtest;
  const error =
    test && test.actualValue > 0 ? Math.abs(test.predictedValue / test.actualValue - 1) : 0;
  const factor = 1 + Math.min(4, Math.max(0.5, error));
  return { kind: 'range', low: twoFigures(value / factor), high: twoFigures(value * factor) };
}

/** A prediction in one narrow cell: as it is when trusted highly, else "≈" two figures. */
export function roughly(value: number, model: Model): Exclude<Estimate, { kind: 'range' }> {
  return model.trust.level === 'high'
    ? { kind: 'exact', value }
    : { kind: 'about', value: twoFigures(value) };
}
