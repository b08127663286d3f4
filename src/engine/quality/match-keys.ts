/**
 * Keys that say two client records may be the same client, whatever way each was typed.
 * Pure and deterministic; romanising Chinese names (pinyin) is the caller's, because the
 * dictionary it needs is large and the engine depends on nothing but `lib/`.
 */

/**
 * Company suffixes dropped from a name before comparing: "Acme Ltd" is "ACME Limited".
 * Longest first, so 股份有限公司 goes whole rather than leaving 股份.
 */
const LATIN_SUFFIXES = [
  'limited',
  'ltd',
  'inc',
  'incorporated',
  'llc',
  'gmbh',
  'co',
  'corp',
  'corporation',
  'company',
  'plc',
  'sa',
  'ag',
  'bv',
] as const;
const CHINESE_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '公司'] as const;

/** Full-width ASCII (Ａ, １, ＠, the ideographic space) as its half-width form. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Whether `text` holds a CJK ideograph (its name is compared by pinyin too). */
export function hasChinese(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/**
 * A name reduced to what identifies it: half-width, lower case, accents and punctuation
 * gone, spaces collapsed, company suffixes dropped ("ＡＣＭＥ, Ltd." → "acme";
 * "北京星辰科技有限公司" → "北京星辰科技"). Empty when nothing is left.
 */
export function normaliseName(name: string): string {
  let text = toHalfWidth(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (const suffix of CHINESE_SUFFIXES) {
    if (text.endsWith(suffix) && text.length > suffix.length) {
      text = text.slice(0, -suffix.length).trim();
      break;
    }
  }
  // Latin suffixes may stack ("Acme Co Ltd"): drop them from the end while any is left
  // and something remains before them.
  const words = text.split(' ').filter((w) => w !== '');
  while (words.length > 1 && (LATIN_SUFFIXES as readonly string[]).includes(words.at(-1)!)) {
    words.pop();
  }
  return words.join(' ');
}

/** The name's key for exact matching: normalised, without spaces ("Ac Me" = "acme"). */
export function nameKey(name: string): string {
  return normaliseName(name).replace(/ /g, '');
}

/** An e-mail address as compared: trimmed, half-width and lower case; '' when none. */
export function emailKey(email: string): string {
  return toHalfWidth(email).trim().toLowerCase();
}

/**
 * Digits of a phone number that are the same number however written: `+86 138-0013-8000`,
 * `0086 13800138000` and `(+86)13800138000` are `8613800138000`. A leading `00` is the
 * international prefix, dropped so the country code starts the key as after `+`. A number
 * written without a country code keeps its digits as they are (a national leading 0
 * included): two numbers only match when written the same way, never by guessing a
 * country. Fewer than 6 digits is no key (an extension, a typo): ''.
 */
export function phoneKey(phone: string): string {
  const digits = toHalfWidth(phone).replace(/\D/g, '');
  const key = digits.startsWith('00') ? digits.slice(2) : digits;
  return key.length >= 6 ? key : '';
}

/**
 * A romanised name as compared: lower case letters only (`Zhāng Wěi` and `zhang wei`
 * alike), '' when the romanisation gave nothing.
 */
export function pinyinKey(romanised: string): string {
  return romanised
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * Similarity of two normalised names, 0–1: 1 − edit distance ÷ the longer length
 * (Levenshtein, on code points). 1 for equal names; two empty names are 0 (nothing to
 * compare).
 */
export function nameSimilarity(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 0;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return 1 - previous[y.length]! / longer;
}
