/**
 * A client id as a file writes it, made comparable: spreadsheets turn a numeric column
 * into decimals, so `17850.0` and `17850.00` are the id `17850`. Other ids are only
 * trimmed: leading zeros (`017850`) and letters are part of the id.
 */
export function normaliseClientKey(raw: string): string {
  const text = raw.trim();
  const whole = /^(\d+)\.0+$/.exec(text);
  return whole?.[1] ?? text;
}

/**
 * The workspace ids that a file may write differently (`17850.0` stored by an older
 * import), by their normalised form; ids already normal are not listed.
 */
export function aliasedIds(ids: Iterable<string>): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const id of ids) {
    const key = normaliseClientKey(id);
    if (key !== id && !aliases.has(key)) aliases.set(key, id);
  }
  return aliases;
}
