import {
  formatBytes,
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  formatProbability,
  shownScore,
} from '$lib/format';
import type { Locale } from '$schema/settings';
import type { MessageKey } from './en';
import { detectLocale } from './detect-locale';
import { DICTIONARIES, translate, type MessageParams } from './translate';

/** What the language follows: the workspace settings, when they are loaded. */
export interface LanguagePreference {
  locale?: Locale | undefined;
  currency?: string | undefined;
}

/**
 * The interface language and the formats that go with it, derived from the settings
 * (or the browser's languages when none is chosen). One instance per app, provided
 * through context; `t` and the formatters are arrow properties so they can be passed
 * around without losing `this`.
 */
export class I18n {
  readonly #preference: () => LanguagePreference | undefined;
  readonly #browserLanguages: readonly string[];

  locale: Locale = $derived.by(
    () => this.#preference()?.locale ?? detectLocale(this.#browserLanguages),
  );
  currency: string = $derived.by(() => this.#preference()?.currency ?? 'USD');

  constructor(
    preference: () => LanguagePreference | undefined,
    browserLanguages: readonly string[],
  ) {
    this.#preference = preference;
    this.#browserLanguages = browserLanguages;
  }

  t = (key: MessageKey, params?: MessageParams): string =>
    translate(DICTIONARIES[this.locale], key, params, this.locale);

  number = (value: number, fractionDigits = 0): string =>
    formatNumber(value, this.locale, fractionDigits);

  percent = (fraction: number): string => formatPercent(fraction, this.locale);

  /** A probability: "> 99%" rather than a rounded "100%" (see `formatProbability`). */
  probability = (p: number): string => formatProbability(p, this.locale);

  /** A 0–100 score, rounded down (see `shownScore`). */
  score = (value: number): string => formatNumber(shownScore(value), this.locale, 0);

  money = (value: number): string => formatMoney(value, this.currency, this.locale);

  date = (isoDate: string): string => formatDate(isoDate, this.locale);

  bytes = (value: number): string => formatBytes(value, this.locale);

  /** Sentences one after the other: a space between them in English, none in Chinese. */
  sentences = (...parts: string[]): string =>
    parts.filter((part) => part !== '').join(this.locale === 'zh-CN' ? '' : ' ');
}
