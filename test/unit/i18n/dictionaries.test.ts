import { describe, expect, it } from 'vitest';
import { en } from '$i18n/en';
import { detectLocale } from '$i18n/detect-locale';
import { DICTIONARIES, translate } from '$i18n/translate';
import { zhCN } from '$i18n/zh-cn';

/** The parameters a message names, plain (`{name}`) or plural (`{name, plural, …}`), once each. */
const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]!))].sort();

describe('dictionaries', () => {
  it('Chinese defines every English key, with nothing empty', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(zhCN)) expect(text.trim(), key).not.toBe('');
  });

  it('each translation keeps the same placeholders', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(zhCN[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });

  it('Chinese navigation has no English left in it', () => {
    for (const [key, text] of Object.entries(zhCN)) {
      if (key.startsWith('nav.')) expect(text, key).not.toMatch(/[A-Za-z]/);
    }
  });

  it('Chinese sentences use full-width punctuation, with no stray spaces between characters', () => {
    for (const [key, text] of Object.entries(zhCN)) {
      expect(text, key).not.toMatch(/\p{Script=Han}\s*[,.;:?!]|[,;:?!]\s*\p{Script=Han}/u);
      expect(text, key).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
    }
  });

  it('the Chinese dictionary is actually Chinese', () => {
    const han = Object.values(zhCN).filter((t) => /\p{Script=Han}/u.test(t)).length;
    expect(han / Object.keys(zhCN).length).toBeGreaterThan(0.95);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(DICTIONARIES.en, 'clients.count', { count: 12 })).toBe('12 clients');
    expect(translate(DICTIONARIES['zh-CN'], 'clients.count', { count: 12 })).toBe('12 个客户');
    expect(translate(DICTIONARIES.en, 'client.rank', { rank: 3 })).toBe('Rank 3 of {count}');
  });
});

describe('plurals', () => {
  it('choose the form by the language’s plural rules, whatever the number looks like', () => {
    const t = (count: number | string) => translate(DICTIONARIES.en, 'csv.import', { count }, 'en');
    expect(t(1)).toBe('Import 1 row');
    expect(t(2)).toBe('Import 2 rows');
    expect(t(0)).toBe('Import 0 rows');
    expect(t('1,234')).toBe('Import 1,234 rows');
    expect(translate(DICTIONARIES.en, 'clients.count', { count: 1 })).toBe('1 client');
    expect(translate(DICTIONARIES.en, 'csv.done', { rows: 1, clients: 3 }, 'en')).toBe(
      'Imported 1 row and created 3 clients.',
    );
    expect(translate(DICTIONARIES['zh-CN'], 'csv.import', { count: 1 }, 'zh-CN')).toBe('导入 1 行');
  });

  it('may hold other placeholders in their forms', () => {
    const params = { count: 180, date: 'May 30, 2027' };
    expect(translate(DICTIONARIES.en, 'today.preset.nextCycle', params, 'en')).toBe(
      'Next cycle, in 180 days (May 30, 2027)',
    );
    expect(
      translate(DICTIONARIES.en, 'today.preset.nextCycle', { ...params, count: 1 }, 'en'),
    ).toBe('Next cycle, in 1 day (May 30, 2027)');
  });

  it('leave no markup once every parameter is given, in either language', () => {
    for (const [locale, messages] of Object.entries(DICTIONARIES)) {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        const params = Object.fromEntries(placeholders(messages[key]).map((name) => [name, 2]));
        const text = translate(messages, key, params, locale);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]|, plural,/);
      }
    }
  });

  it('are written correctly in every message: a one and an other form each', () => {
    for (const [key, text] of Object.entries(en)) {
      for (const m of text.matchAll(/\{\w+, plural,([^]*?)\}\}/g)) {
        expect(m[1], key).toMatch(/one \{/);
        expect(m[1], key).toMatch(/other \{/);
      }
    }
  });
});

describe('detectLocale', () => {
  it.each([
    [['zh-CN', 'en'], 'zh-CN'],
    [['zh-TW'], 'zh-CN'],
    [['en-GB', 'zh-CN'], 'en'],
    [['fr-FR', 'zh'], 'zh-CN'],
    [['fr-FR'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (languages, expected) => {
    expect(detectLocale(languages)).toBe(expected);
  });
});
