import type { TierwiseDb } from '$db/database';
import type { ListRow, ScoresRecord } from '$db/derived-records';
import { NO_DAY } from '$engine/index';
import type { ClientId } from '$schema/common';

/** The list rows of the clients at `indexes` of `scores`, with their names from the database. */
export async function listRowsOf(
  db: TierwiseDb,
  scores: ScoresRecord,
  indexes: Int32Array,
): Promise<ListRow[]> {
  const picked = Array.from(indexes);
  const ids = picked.map((at) => scores.clientIds[at] ?? '');
  const clients = await db.clients.bulkGet(ids as ClientId[]); // ids of stored clients
  return picked.map((at, k) => {
    const client = clients[k];
    const v = (column: ArrayLike<number>): number => column[at] ?? NaN;
    const r = v(scores.r);
    const archived = client?.archived ?? !v(scores.scored);
    return {
      id: ids[k] ?? '',
      name: client?.name ?? ids[k] ?? '',
      company: client?.company ?? '',
      tags: client?.tags ?? [],
      rank: archived ? 0 : v(scores.rank),
      tier: archived ? -1 : v(scores.tier),
      score: archived ? NaN : v(scores.composite),
      value: v(scores.dimensions.value),
      needs: v(scores.dimensions.needs),
      loyalty: v(scores.dimensions.loyalty),
      potential: v(scores.dimensions.potential),
      abc: v(scores.abc),
      rfm: r ? `${r}${v(scores.f)}${v(scores.m)}` : '',
      segment: v(scores.segment),
      lifecycle: v(scores.lifecycle),
      pActive: v(scores.pActive),
      clv12m: v(scores.clv12m),
      lastPurchaseDay: scores.lastPurchaseDay[at] ?? NO_DAY,
      lastContactDay: scores.lastContactDay[at] ?? NO_DAY,
      pinned: v(scores.pinned) === 1,
      churnWarning: v(scores.churnWarning) === 1,
      archived,
    };
  });
}
