import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDate,
  formatMoney,
  formatNumber,
  formatProbability,
  shownScore,
} from '$lib/format';

describe('formatting follows the language', () => {
  it('formats numbers and money per locale', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    // One rule for every amount: to the cent, large or small.
    expect(formatMoney(1234.5, 'USD', 'en')).toBe('$1,234.50');
    expect(formatMoney(3200.5, 'USD', 'en')).toBe('$3,200.50');
    expect(formatMoney(12.5, 'USD', 'en')).toBe('$12.50');
    expect(formatMoney(1234, 'CNY', 'zh-CN')).toBe('¥1,234.00');
    expect(formatMoney(1234, 'JPY', 'en')).toBe('¥1,234');
  });

  it('formats calendar dates without time-zone drift', () => {
    expect(formatDate('2024-03-05', 'en')).toBe('Mar 5, 2024');
    expect(formatDate('2024-03-05', 'zh-CN')).toBe('2024年3月5日');
  });

  it('formats storage sizes in decimal units', () => {
    expect(formatBytes(0, 'en')).toBe('0 byte');
    expect(formatBytes(2_200_000, 'en')).toBe('2.2 MB');
    expect(formatBytes(540_000_000, 'en')).toBe('540 MB');
  });
});

describe('probabilities and scores as shown', () => {
  it('never round to certainty', () => {
    expect(formatProbability(0.997, 'en')).toBe('> 99%');
    expect(formatProbability(1, 'en')).toBe('100%');
    expect(formatProbability(0.003, 'en')).toBe('< 1%');
    expect(formatProbability(0, 'en')).toBe('0%');
    expect(formatProbability(0.5, 'en')).toBe('50%');
  });

  it('round scores down, so a shown score agrees with its tier', () => {
    expect(shownScore(74.7)).toBe(74);
    expect(shownScore(75)).toBe(75);
    expect(shownScore(74.99999)).toBe(74);
  });
});
