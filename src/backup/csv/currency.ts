/**
 * The currency an amount is written in, read from its sign or code (`¥1,234`, `US$5`,
 * `800元`, `EUR 12`), so that the check can say when a file's amounts are not in the
 * workspace's currency. Tierwise never converts: the user confirms that the figures are
 * to be taken as they are, or fixes the file.
 */

/** What each sign may stand for, as ISO 4217 codes; a three-letter code stands for itself. */
const SIGN_CURRENCIES: Readonly<Record<string, readonly string[]>> = {
  $: ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'MXN'],
  US$: ['USD'],
  HK$: ['HKD'],
  NT$: ['TWD'],
  '¥': ['CNY', 'JPY'],
  元: ['CNY'],
  RMB: ['CNY'],
  '€': ['EUR'],
  '£': ['GBP'],
  '₩': ['KRW'],
  '₹': ['INR'],
};

/** The signs and codes `parseAmount` accepts before or after an amount. */
const LEADING = /^(US\$|HK\$|NT\$|RMB|[A-Z]{3}|[¥￥$€£₩₹]|元)/i;
const TRAILING = /([A-Z]{3}|元|[¥￥$€£])$/i;

/**
 * The sign or code of one amount (`¥`, `US$`, `EUR`, `元`), full-width `￥` as `¥` and codes
 * in capitals; null when it has none.
 */
export function currencySign(raw: string): string | null {
  const text = raw
    .trim()
    .replace(/[\s\u00a0\u202f()]/g, '')
    .replace(/^[-−+]+/, '');
  if (text === '' || !/\d/.test(text)) return null;
  const found = LEADING.exec(text)?.[1] ?? TRAILING.exec(text)?.[1];
  if (found === undefined) return null;
  return found === '￥' ? '¥' : found.toUpperCase();
}

/** Whether an amount written with `sign` can be in `currency` (an ISO 4217 code). */
export function signFits(sign: string, currency: string): boolean {
  const meant = SIGN_CURRENCIES[sign] ?? [sign];
  return meant.includes(currency.toUpperCase());
}

/** Signs seen in a file's amounts: how many amounts carry each, and the first one. */
export class CurrencyTally {
  readonly #seen = new Map<string, { amounts: number; example: string }>();

  /** Notes the sign of one amount cell (nothing when it has none). */
  add(raw: string): void {
    // Most amounts are bare digits: no regular expression for them.
    if (/^\s*-?[\d.,]+\s*$/.test(raw)) return;
    const sign = currencySign(raw);
    if (sign === null) return;
    const seen = this.#seen.get(sign);
    if (seen) seen.amounts += 1;
    else this.#seen.set(sign, { amounts: 1, example: raw.trim() });
  }

  /** The signs that cannot be `currency`, most used first. */
  foreignTo(currency: string): { sign: string; amounts: number; example: string }[] {
    return [...this.#seen]
      .filter(([sign]) => !signFits(sign, currency))
      .map(([sign, seen]) => ({ sign, ...seen }))
      .sort((a, b) => b.amounts - a.amounts);
  }
}
