import type { Romanise } from '$engine/index';

let loading: Promise<Romanise> | null = null;

/**
 * Pinyin of Chinese names, loaded on first use only: pinyin-pro's dictionary is about
 * 300 KB, fetched when the data has a Chinese name to compare, never at start.
 */
export function loadRomanise(): Promise<Romanise> {
  loading ??= import('pinyin-pro').then(
    ({ pinyin }) =>
      (name: string) =>
        pinyin(name, { toneType: 'none', type: 'string', nonZh: 'removed' }),
  );
  return loading;
}
