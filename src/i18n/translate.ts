import type { Locale } from '$schema/settings';
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-cn';

export const DICTIONARIES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export type MessageParams = Record<string, string | number>;

/**
 * `{count, plural, one {# client} other {# clients}}`: the ICU plural form, reduced to what
 * the dictionaries use — a parameter, and one text per `Intl.PluralRules` category (with
 * `=0`-style exact matches first), in which `#` stands for the parameter as given and other
 * `{name}` placeholders may appear.
 */
const TEXT = String.raw`(?:[^{}]|\{\w+\})*`;
const PLURAL = new RegExp(
  String.raw`\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{${TEXT}\})+)\s*\}`,
  'g',
);
const BRANCH = new RegExp(String.raw`(=\d+|zero|one|two|few|many|other)\s*\{(${TEXT})\}`, 'g');

const pluralRules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

/**
 * The number a parameter stands for: itself, or a number formatted for display ("1,234"
 * in English and Chinese, whose group separator is the comma).
 */
function numberOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/[,\s\u00a0]/g, ''));
}

/**
 * The message for `key` in `locale`, with plural forms chosen by `Intl.PluralRules` and
 * `{name}` placeholders filled in; unknown placeholders stay visible.
 */
export function translate(
  messages: Messages,
  key: MessageKey,
  params: MessageParams = {},
  locale: string = 'en',
): string {
  const message = messages[key];
  // Most messages have no plural form: the pattern, which is costly to run, is skipped
  // for them (a first screen translates a few hundred messages).
  if (!message.includes(', plural,')) return fill(message, params);
  const chosen = message.replace(PLURAL, (whole, name: string, branches: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const n = numberOf(value);
    const forms = new Map([...branches.matchAll(BRANCH)].map((m) => [m[1] ?? '', m[2] ?? '']));
    const text = forms.get(`=${n}`) ?? forms.get(rulesFor(locale).select(n)) ?? forms.get('other');
    return (text ?? whole).replaceAll('#', String(value));
  });
  return fill(chosen, params);
}

/** `{name}` placeholders filled in; unknown ones stay visible. */
function fill(text: string, params: MessageParams): string {
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
