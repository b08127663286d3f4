/**
 * The merge rule (docs/backup-format.md, "Merge"): records are matched by id, table by
 * table. A record only in the file is **new** and added; one identical on both sides is
 * **unchanged**; one that differs is **changed** when the file's `updatedAt` is later
 * (the file's version replaces the workspace's) and a **conflict** otherwise (the
 * workspace's version is as new or newer, and it is kept).
 */
export type MergeDecision = 'new' | 'unchanged' | 'changed' | 'conflict';

export interface Versioned {
  id: string;
  updatedAt: string;
}

export function decideMerge(existing: Versioned | undefined, incoming: Versioned): MergeDecision {
  if (existing === undefined) return 'new';
  if (deepEqual(existing, incoming)) return 'unchanged';
  return Date.parse(incoming.updatedAt) > Date.parse(existing.updatedAt) ? 'changed' : 'conflict';
}

/** Whether a decision writes the file's record. */
export const takesIncoming = (decision: MergeDecision): boolean =>
  decision === 'new' || decision === 'changed';

export interface MergeTally {
  new: number;
  unchanged: number;
  changed: number;
  conflict: number;
}

export const emptyTally = (): MergeTally => ({ new: 0, unchanged: 0, changed: 0, conflict: 0 });

/**
 * Structural equality of plain JSON-like data, ignoring key order; a key whose value is
 * `undefined` counts as absent (as it would after a trip through JSON).
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  const entries = (o: object) => Object.entries(o).filter(([, v]) => v !== undefined);
  const left = entries(a);
  const right = new Map(entries(b));
  return (
    left.length === right.size && left.every(([k, v]) => right.has(k) && deepEqual(v, right.get(k)))
  );
}
