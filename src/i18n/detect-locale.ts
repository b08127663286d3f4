import type { Locale } from '$schema/settings';

/**
 * The first of the browser's preferred languages Tierwise speaks; English otherwise.
 * On its own so that the page can use it before the dictionaries have loaded.
 */
export function detectLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
