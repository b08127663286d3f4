/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. Text
 * that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return) is neutralised with a leading apostrophe, so it opens as text.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A number with a dot decimal and at most `digits` decimals; empty when missing. */
export function csvNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '';
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
}

/** Lines joined with CRLF, as spreadsheets expect, ending with one. */
export function csvLines(lines: readonly string[]): string {
  return lines.map((line) => `${line}\r\n`).join('');
}
