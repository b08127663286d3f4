import { describe, expect, it } from 'vitest';
import {
  dateOrderEvidence,
  decimalMarkEvidence,
  isAmbiguousAmount,
  parseAmount,
  parseDate,
  parseNumber,
} from '$backup/csv/parse-values';

describe('dates', () => {
  it.each([
    ['2024-03-05', null, '2024-03-05'],
    ['2024-3-5', null, '2024-03-05'],
    ['2024-03-05T14:30:00Z', null, '2024-03-05'],
    ['2024-03-05 14:30', null, '2024-03-05'],
    ['2024/3/5', null, '2024-03-05'],
    ['20240305', null, '2024-03-05'],
    ['2024年3月5日', null, '2024-03-05'],
    ['2024 年 12 月 25 日', null, '2024-12-25'],
    ['25/12/2024', null, '2024-12-25'],
    ['12/25/2024', null, '2024-12-25'],
    ['05/03/2024', 'dmy', '2024-03-05'],
    ['05/03/2024', 'mdy', '2024-05-03'],
    ['5.3.2024', 'dmy', '2024-03-05'],
    ['05-03-2024', 'mdy', '2024-05-03'],
    ['25/12/2024', 'mdy', '2024-12-25'],
  ] as const)('%s (%s) is %s', (text, order, iso) => {
    expect(parseDate(text, order)).toEqual({ kind: 'date', iso });
  });

  it('asks when day and month could be swapped and no order is given', () => {
    expect(parseDate('05/03/2024')).toEqual({ kind: 'ambiguous' });
    expect(parseDate('12/12/2024')).toEqual({ kind: 'ambiguous' });
  });

  it.each([
    '2024-02-30',
    '20241301',
    '31/02/2024',
    '13/13/2024',
    'yesterday',
    '',
    '2024年13月1日',
    '3/5/24',
  ])('refuses %j', (text) => {
    expect(parseDate(text, 'dmy')).toEqual({ kind: 'invalid' });
  });

  it('learns the order from a day above 12', () => {
    expect(dateOrderEvidence('25/12/2024')).toBe('dmy');
    expect(dateOrderEvidence('12/25/2024')).toBe('mdy');
    expect(dateOrderEvidence('05/03/2024')).toBeNull();
    expect(dateOrderEvidence('2024-03-05')).toBeNull();
  });
});

describe('amounts', () => {
  it.each([
    ['1234.5', 1234.5],
    ['1,234.50', 1234.5],
    ['1.234,50', 1234.5],
    ['¥1,234.50', 1234.5],
    ['￥1,234.50', 1234.5],
    ['$1,234', 1234],
    ['1,234', 1234],
    ['1,234,567.89', 1234567.89],
    ['1.234.567', 1234567],
    ['1 234,50', 1234.5],
    ['€ 1.234,56', 1234.56],
    ['12,5', 12.5],
    ['-$5.25', -5.25],
    ['$-5.25', -5.25],
    ['(100.00)', -100],
    ['CNY 800', 800],
    ['800元', 800],
    ['USD1,000.00', 1000],
    ['0', 0],
  ])('%s is %d', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it.each(['', 'abc', '12a', '1,23,4', '1.234,5.6', '--5', '$', '1,2345'])('refuses %j', (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  it.each([
    ['1.234,56', ','],
    ['12,5', ','],
    ['€ 0,500', ','],
    ['1.234.567', ','],
    ['1,234.56', '.'],
    ['2.5', '.'],
    ['0.500', '.'],
    ['1,234,567', '.'],
    ['2.500', null],
    ['1,234', null],
    ['1234', null],
    ['abc', null],
  ] as const)('%s says the decimal mark is %s', (text, mark) => {
    expect(decimalMarkEvidence(text)).toBe(mark);
  });

  it('reads an amount with the decimal mark its file uses', () => {
    expect(parseAmount('2.500', ',')).toBe(2500);
    expect(parseAmount('12.000', ',')).toBe(12000);
    expect(parseAmount('2.500', '.')).toBe(2.5);
    expect(parseAmount('1,234', ',')).toBe(1.234);
    expect(parseAmount('1,234', '.')).toBe(1234);
    // An amount that says its own mark is read by it, whatever the file's.
    expect(parseAmount('1,234.56', ',')).toBe(1234.56);
    expect(parseAmount('1.234,56', '.')).toBe(1234.56);
    expect(isAmbiguousAmount('2.500')).toBe(true);
    expect(isAmbiguousAmount('2.5')).toBe(false);
    expect(isAmbiguousAmount('2500')).toBe(false);
  });

  it('reads plain numbers for hours', () => {
    expect(parseNumber('7.5')).toBe(7.5);
    expect(parseNumber('7,5')).toBe(7.5);
    expect(parseNumber('seven')).toBeNull();
  });
});
