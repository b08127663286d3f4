import { describe, expect, it } from 'vitest';
import { en } from '$i18n/en';
import { DICTIONARIES, detectLocale, translate } from '$i18n/translate';
import { zhCN } from '$i18n/zh-cn';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

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

  it('the Chinese dictionary is actually Chinese', () => {
    const han = Object.values(zhCN).filter((t) => /\p{Script=Han}/u.test(t)).length;
    expect(han / Object.keys(zhCN).length).toBeGreaterThan(0.95);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(DICTIONARIES.en, 'clients.count', { count: 12 })).toBe('12 clients');
    expect(translate(DICTIONARIES['zh-CN'], 'clients.count', { count: 12 })).toBe('12 个客户');
    expect(translate(DICTIONARIES.en, 'clients.count')).toBe('{count} clients');
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
