import { describe, expect, it } from 'vitest';
import { parseTypedAmount } from '$lib/typed-number';

describe('an amount typed into a form', () => {
  it.each([
    ['1250', 1250],
    ['1,250.50', 1250.5],
    ['1250.5', 1250.5],
    ['-80', -80],
    ['−80', -80],
    [' 42 ', 42],
    ['0.99', 0.99],
    ['1,234,567', 1234567],
  ])('%j in English is %d', (text, value) => {
    expect(parseTypedAmount(text, 'en')).toBe(value);
    expect(parseTypedAmount(text, 'zh-CN')).toBe(value);
  });

  it.each([
    '0x10',
    '1e3',
    '1E3',
    'Infinity',
    '-Infinity',
    'NaN',
    '',
    '12.',
    '.5',
    '1,25',
    '12,50',
    '1.2.3',
    '--5',
    '+5',
    '5-',
    '1 250',
    '$5',
  ])('refuses %j', (text) => {
    expect(parseTypedAmount(text, 'en')).toBeNull();
  });

  it('follows a locale that writes a decimal comma', () => {
    expect(parseTypedAmount('1.250,50', 'de')).toBe(1250.5);
    expect(parseTypedAmount('1250,5', 'de')).toBe(1250.5);
    expect(parseTypedAmount('1,250.50', 'de')).toBeNull();
  });
});
