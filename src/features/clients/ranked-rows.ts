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
 * The scored clients in rank order, at most `limit` of them. Clients added since the
 * last run (not in the record yet) are left out until the worker has scored them.
 */
export function rankedRows(
  scores: ScoresRecord,
  clients: readonly Client[],
  limit: number,
): RankedRow[] {
  const byId = new Map(clients.map((c) => [c.id as string, c]));
  const rows: RankedRow[] = [];
  scores.clientIds.forEach((id, at) => {
    const client = byId.get(id);
    const rank = scores.rank[at]!;
    if (client && rank > 0 && !client.archived) rows.push({ client, at, rank });
  });
  rows.sort((a, b) => a.rank - b.rank);
  return rows.slice(0, limit);
}
