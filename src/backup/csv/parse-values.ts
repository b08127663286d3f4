import { isIsoDate } from '$lib/dates';

/**
 * Reading the values spreadsheets and CRM exports write (docs/backup-format.md, "CSV
 * import"). Each parser returns `null` for text it cannot read with certainty; it never
 * guesses a different value.
 */

/** Which comes first in `03/04/2024`: the day (most of the world) or the month (the US). */
export type DateOrder = 'dmy' | 'mdy';

export type DateReading =
  | { kind: 'date'; iso: string }
  /** `a/b/yyyy` with both a and b ≤ 12, and no order given. */
  | { kind: 'ambiguous' }
  | { kind: 'invalid' };

const pad = (n: string): string => n.padStart(2, '0');

function ymd(y: string, m: string, d: string): DateReading {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? { kind: 'date', iso } : { kind: 'invalid' };
}

/**
 * Reads `2024-03-05` (with or without a time after it), `2024/3/5`, `20240305`,
 * `2024年3月5日`, and `5/3/2024` or `3/5/2024` (also with `.` or `-`), the last by `order`
 * or by a part above 12.
 */
export function parseDate(raw: string, order: DateOrder | null = null): DateReading {
  const text = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/.exec(text);
  m ??= /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  m ??= /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  m ??= /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(text);
  if (m) return ymd(m[1] ?? '', m[2] ?? '', m[3] ?? '');
  const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}:\d{2}.*)?$/.exec(text);
  if (!parts) return { kind: 'invalid' };
  const [, a = '', b = '', y = ''] = parts;
  const first = Number(a);
  const second = Number(b);
  const resolved = first > 12 ? 'dmy' : second > 12 ? 'mdy' : order;
  if (resolved === null) return { kind: 'ambiguous' };
  return resolved === 'dmy' ? ymd(y, b, a) : ymd(y, a, b);
}

/** What a date column says about its order: a value with a day above 12 settles it. */
export function dateOrderEvidence(raw: string): DateOrder | null {
  const parts = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}/.exec(raw);
  if (!parts) return null;
  if (Number(parts[1]) > 12) return 'dmy';
  if (Number(parts[2]) > 12) return 'mdy';
  return null;
}

/** Currency signs, codes and words written before or after an amount. */
const CURRENCY = /^(?:US\$|HK\$|NT\$|RMB|[A-Z]{3}|[¥￥$€£₩₹]|元)|(?:[A-Z]{3}|元|[¥￥$€£])$/i;

/** The character a file writes before an amount's decimals: `1,234.56` or `1.234,56`. */
export type DecimalMark = '.' | ',';

/** The digits and separators of an amount, with its sign; null when it is no amount. */
function amountBody(raw: string): { sign: number; text: string } | null {
  let text = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1);
  }
  for (let i = 0; i < 3; i += 1) {
    if (text.startsWith('-') || text.startsWith('−')) {
      sign = -sign;
      text = text.slice(1);
    } else if (text.startsWith('+')) text = text.slice(1);
    const stripped = text.replace(CURRENCY, '');
    if (stripped === text) break;
    text = stripped;
  }
  return /^\d[\d.,]*$/.test(text) ? { sign, text } : null;
}

/**
 * What one amount says about its file's decimal mark: `1.234,56` or `12,5` say `,`;
 * `1,234.56`, `2.5` or `0.500` say `.`; `2.500` and `1,234` say nothing (a thousands
 * separator or three decimals), nor does `1234`.
 */
export function decimalMarkEvidence(raw: string): DecimalMark | null {
  const body = amountBody(raw);
  if (!body) return null;
  const { text } = body;
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma !== -1 && dot !== -1) return comma > dot ? ',' : '.';
  const at = Math.max(comma, dot);
  if (at === -1) return null;
  const mark = text[at] === ',' ? ',' : '.';
  const other = mark === ',' ? '.' : ',';
  // Two of the same mark can only be thousands separators.
  if (text.indexOf(mark) !== at) return other;
  const whole = text.slice(0, at);
  const decimals = text.length - at - 1;
  if (decimals === 3) return whole === '0' ? mark : null;
  // `12,5` is a decimal comma; `1,2345` is too odd to settle anything.
  return mark === ',' && decimals > 3 ? null : mark;
}

/** Whether `raw` is an amount whose decimal mark only the file can tell (`2.500`). */
export function isAmbiguousAmount(raw: string): boolean {
  return amountBody(raw) !== null && decimalMarkEvidence(raw) === null && /[.,]/.test(raw);
}

/**
 * Reads `1,234.50`, `1.234,50`, `1 234,50`, `¥1,234.50`, `$1,234`, `-$5`, `(100.00)`
 * (negative), `12,5` (a decimal comma). An amount that says its own decimal mark is read
 * by it; one that cannot say (`2.500`, `1,234`) by `mark`, the file's decimal mark when
 * known — with `,` the text `2.500` is 2500, with `.` it is 2.5 — else as `2.5` and `1234`.
 * Returns null for anything else, including `1,23,4` or `1.234,5.6`.
 */
export function parseAmount(raw: string, mark: DecimalMark | null = null): number | null {
  const body = amountBody(raw);
  if (!body) return null;
  const { sign, text } = body;
  const decimal = decimalMarkEvidence(text) ?? mark ?? '.';
  const group = decimal === '.' ? ',' : '.';
  const [whole = '', fraction, extra] = text.split(decimal);
  if (extra !== undefined || fraction === '' || fraction?.includes(group)) return null;
  if (whole.includes(group) && !groupedOk(whole, group)) return null;
  const value = Number(
    `${whole.split(group).join('')}${fraction === undefined ? '' : `.${fraction}`}`,
  );
  return Number.isFinite(value) ? sign * value : null;
}

/** `1,234,567`: groups of three after a first group of one to three digits. */
function groupedOk(text: string, group: string): boolean {
  const [first = '', ...rest] = text.split(group);
  return /^\d{1,3}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
}

/** A plain number (hours): `7.5` or `7,5`. */
export function parseNumber(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  if (!/^-?\d+(?:\.\d+)?$/.test(text)) return null;
  return Number(text);
}
