/**
 * Display formatting through `Intl`, so numbers, money and dates follow the user's
 * language. Formatters are costly to build and cheap to use: they are cached per
 * (locale, options).
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format as Intl.NumberFormat;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format as Intl.DateTimeFormat;
}

export function formatNumber(value: number, locale: string, maximumFractionDigits = 0): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/**
 * Money in an ISO 4217 currency, always to the currency's minor unit (cents; none for
 * yen): one rule for every amount, so $3,200.50 is never shown as $3,201 beside $999.50.
 */
export function formatMoney(value: number, currency: string, locale: string): string {
  return numberFormat(locale, { style: 'currency', currency }).format(value);
}

export function formatPercent(fraction: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

const DATE_STYLE: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };

/** A calendar date (`YYYY-MM-DD`) shown in the user's locale, without time-zone drift. */
export function formatDate(isoDate: string, locale: string): string {
  return dateFormat(locale, DATE_STYLE).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * Builds the date, number and percent formatters of `locales` now. The browser's first
 * date formatter takes 50–100 ms to build (it loads its calendar data), a number
 * formatter a few: the page builds them while it waits for the app's code, rather than
 * while it paints the first list.
 */
export function prepareFormats(locales: readonly string[]): void {
  for (const locale of locales) {
    dateFormat(locale, DATE_STYLE);
    formatNumber(0, locale);
    formatPercent(0, locale);
  }
}

/** Bytes as kB / MB / GB (decimal units, as browsers report storage). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

/**
 * A probability as a percentage that never claims certainty it does not have: 0.997 is
 * "> 99%", 0.003 "< 1%"; exactly 0 and 1 (by definition, not rounding) stay 0% and 100%.
 */
export function formatProbability(p: number, locale: string): string {
  if (p > 0.99 && p < 1) return `> ${formatPercent(0.99, locale)}`;
  if (p > 0 && p < 0.01) return `< ${formatPercent(0.01, locale)}`;
  return formatPercent(p, locale);
}

/**
 * A 0–100 score as shown: rounded down, so that a shown score never reaches a tier
 * threshold the score itself has not (74.7 is shown 74, below a tier starting at 75).
 */
export function shownScore(score: number): number {
  return Math.floor(score);
}
