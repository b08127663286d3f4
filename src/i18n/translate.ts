import type { Locale } from '$schema/settings';
import { en, type MessageKey, type Messages } from './en';
import { zhCN } from './zh-cn';

export const DICTIONARIES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export type MessageParams = Record<string, string | number>;

/** The message for `key` with `{name}` placeholders filled in; unknown placeholders stay visible. */
export function translate(messages: Messages, key: MessageKey, params: MessageParams = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The first of the browser's preferred languages Tierwise speaks; English otherwise. */
export function detectLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
