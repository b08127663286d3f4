import { describe, expect, it } from 'vitest';
import { CurrencyTally, currencySign, signFits } from '$backup/csv/currency';

describe('the currency of an amount', () => {
  it.each([
    ['¥1,234.50', '¥'],
    ['￥800', '¥'],
    ['800元', '元'],
    ['$1200', '$'],
    ['-$5', '$'],
    ['(US$ 100.00)', 'US$'],
    ['HK$12', 'HK$'],
    ['€ 1.234,56', '€'],
    ['1.234,56 €', '€'],
    ['CNY 800', 'CNY'],
    ['800 eur', 'EUR'],
    ['RMB1000', 'RMB'],
    ['£3', '£'],
    ['1,234.50', null],
    ['-5', null],
    ['', null],
    ['USD', null],
  ])('%j is written in %j', (raw, sign) => {
    expect(currencySign(raw)).toBe(sign);
  });

  it.each([
    ['$', 'USD', true],
    ['$', 'HKD', true],
    ['$', 'CNY', false],
    ['¥', 'CNY', true],
    ['¥', 'JPY', true],
    ['¥', 'USD', false],
    ['元', 'CNY', true],
    ['RMB', 'CNY', true],
    ['€', 'USD', false],
    ['EUR', 'EUR', true],
    ['GBP', 'usd', false],
  ])('%s can be %s: %s', (sign, currency, fits) => {
    expect(signFits(sign, currency)).toBe(fits);
  });
});

describe('the signs of a file', () => {
  it('are those that cannot be the workspace’s currency, most used first', () => {
    const tally = new CurrencyTally();
    for (const raw of ['100', '¥5', '$3', '€1', '¥6', '¥7', '€2', '1,000.00']) tally.add(raw);
    expect(tally.foreignTo('USD')).toEqual([
      { sign: '¥', amounts: 3, example: '¥5' },
      { sign: '€', amounts: 2, example: '€1' },
    ]);
    expect(tally.foreignTo('CNY').map((f) => f.sign)).toEqual(['€', '$']);
    expect(new CurrencyTally().foreignTo('USD')).toEqual([]);
  });
});
