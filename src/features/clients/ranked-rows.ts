import type { ScoresRecord } from '$db/derived-records';
import type { Client } from '$schema/client';

/** One line of the ranked list: indexes into the scores record plus the client's profile. */
export interface RankedRow {
  client: Client;
  /** Index of this client in the scores record's columns. */
  at: number;
  rank: number;
}

/**
 * The indexes (into the scores record) of the best `limit` scored clients, best first.
 * Ranks are 1…N without gaps, so this is one pass over the rank column, no sort.
 */
export function topRanked(scores: ScoresRecord, limit: number): number[] {
  const scored = scores.rank.reduce((count, rank) => (rank > 0 ? count + 1 : count), 0);
  const byRank = new Int32Array(Math.min(limit, scored)).fill(-1);
  scores.rank.forEach((rank, at) => {
    if (rank > 0 && rank <= byRank.length) byRank[rank - 1] = at;
  });
  return Array.from(byRank).filter((at) => at >= 0);
}

/**
 * The rows for the clients at `top` (from `topRanked`), with their profiles. A client
 * deleted or archived since the last run is left out until the worker rescores.
 */
export function rankedRows(
  scores: ScoresRecord,
  top: readonly number[],
  clients: readonly Client[],
): RankedRow[] {
  const byId = new Map(clients.map((c) => [c.id as string, c]));
  const rows: RankedRow[] = [];
  for (const at of top) {
    const client = byId.get(scores.clientIds[at]!);
    if (client) rows.push({ client, at, rank: scores.rank[at]! });
  }
  return rows;
}
