import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatMoney, formatNumber } from '$lib/format';

describe('formatting follows the language', () => {
  it('formats numbers and money per locale', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatMoney(1234.5, 'USD', 'en')).toBe('$1,235');
    expect(formatMoney(12.5, 'USD', 'en')).toBe('$12.50');
    expect(formatMoney(1234, 'CNY', 'zh-CN')).toBe('¥1,234');
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
