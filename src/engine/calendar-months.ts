import { fromEpochDay, toEpochDay } from '$lib/dates';

/** First days of the `count` calendar months ending with the as-of month. */
export function monthStarts(asOfDay: number, count: number): { days: number[]; labels: string[] } {
  // An ISO date splits into year, month and day.
  const [year, month] = fromEpochDay(asOfDay).split('-').map(Number) as [number, number];
  const days: number[] = [];
  const labels: string[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const index = year * 12 + (month - 1) - back;
    const label = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    labels.push(label);
    days.push(toEpochDay(`${label}-01`));
  }
  return { days, labels };
}

/** Index of the month (by its first day, ascending) that holds `day` ≥ the first. */
export function monthOf(starts: readonly number[], day: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
