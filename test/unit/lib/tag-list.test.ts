import { describe, expect, it } from 'vitest';
import { parseTagList } from '$lib/tag-list';

describe('a typed list of tags', () => {
  it('is split at ASCII, full-width and enumeration commas, trimmed, blanks dropped', () => {
    expect(parseTagList(' design, brand ,, long term ')).toEqual(['design', 'brand', 'long term']);
    expect(parseTagList('设计，品牌，长期')).toEqual(['设计', '品牌', '长期']);
    expect(parseTagList('设计、品牌, retainer')).toEqual(['设计', '品牌', 'retainer']);
    expect(parseTagList('  ')).toEqual([]);
  });
});
