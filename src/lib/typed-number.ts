/**
 * Numbers as a person types them into a form, in the interface's locale. `Number(text)`
 * is not that: it takes `0x10` as 16, `1e3` as 1000 and `Infinity`, none of which anyone
 * types as an amount; `Intl` formats numbers but does not read them back.
 */

const separators = new Map<string, { group: string; decimal: string }>();

/** The locale's group and decimal separators (`,` and `.` in English and Chinese). */
function separatorsOf(locale: string): { group: string; decimal: string } {
  let found = separators.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    found = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
    separators.set(locale, found);
  }
  return found;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A plain decimal amount as `locale` writes it: an optional minus, digits — grouped by
 * threes with the group separator, or not at all — and at most one decimal separator
 * followed by digits. `1,250.50`, `-80` and `1250.5` are read (in English); `0x10`, `1e3`,
 * `1,25`, `12.` and anything else give null.
 */
export function parseTypedAmount(text: string, locale: string): number | null {
  const { group, decimal } = separatorsOf(locale);
  const g = escape(group);
  const d = escape(decimal);
  const pattern = new RegExp(`^([-−])?(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`);
  const match = pattern.exec(text.trim());
  if (!match) return null;
  const [, minus, whole = '', fraction] = match;
  const value = Number(
    `${whole.split(group).join('')}${fraction === undefined ? '' : `.${fraction}`}`,
  );
  return minus ? -value : value;
}
