import { describe, expect, it } from 'vitest';
import {
  emailKey,
  nameKey,
  nameSimilarity,
  normaliseName,
  phoneKey,
  pinyinKey,
  toHalfWidth,
} from '$engine/index';

describe('match keys', () => {
  it.each([
    ['Acme Ltd', 'acme'],
    ['ACME Limited', 'acme'],
    ['  Acme,   Inc. ', 'acme'],
    ['Acme Co. Ltd.', 'acme'],
    ['Müller GmbH', 'muller'],
    ['Blue-Sky LLC', 'blue sky'],
    ['ＡＣＭＥ　ＬＴＤ', 'acme'],
    ['北京星辰科技有限公司', '北京星辰科技'],
    ['上海云帆股份有限公司', '上海云帆'],
    ['星辰公司', '星辰'],
    ['公司', '公司'],
    ['Ltd', 'ltd'],
    ['O’Brien & Sons', 'o brien sons'],
  ])('normalises the name %s to %s', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });

  it('compacts names without spaces, so spacing never separates two names', () => {
    expect(nameKey('Ac Me Ltd')).toBe(nameKey('ACME limited'));
    expect(nameKey('ACME limited')).toBe('acme');
  });

  it('compares e-mail trimmed, half-width and lower case', () => {
    expect(emailKey('  Ann@Example.COM ')).toBe('ann@example.com');
    expect(emailKey('ａｎｎ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toBe('ann@example.com');
    expect(emailKey('')).toBe('');
  });

  it.each([
    ['+86 138-0013-8000', '8613800138000'],
    ['0086 13800138000', '8613800138000'],
    ['(+86)13800138000', '8613800138000'],
    ['＋８６ １３８００１３８０００', '8613800138000'],
    ['020 7946 0958', '02079460958'],
    ['+44 20 7946 0958', '442079460958'],
    ['12345', ''],
    ['', ''],
  ])('keeps the digits of the phone %s as %s', (phone, expected) => {
    expect(phoneKey(phone)).toBe(expected);
  });

  it('reduces a romanisation to its letters', () => {
    expect(pinyinKey('Zhāng Wěi')).toBe('zhangwei');
    expect(pinyinKey('zhang wei')).toBe('zhangwei');
  });

  it('turns full-width characters half-width', () => {
    expect(toHalfWidth('Ａ１！　Ｂ')).toBe('A1! B');
  });

  it.each([
    ['acme', 'acme', 1],
    ['john smith', 'jon smith', 0.9],
    ['abc', 'xyz', 0],
    ['', '', 0],
  ])('measures %s against %s as %f', (a, b, expected) => {
    expect(nameSimilarity(a, b)).toBeCloseTo(expected, 6);
  });
});
