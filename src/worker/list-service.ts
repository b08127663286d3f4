import type { TierwiseDb } from '$db/database';
import type { ScoresRecord } from '$db/derived-records';
import { NO_DAY } from '$engine/index';
import type { ClientId } from '$schema/common';
import type { ClientDirectory } from './client-directory';
import { listClients, needsDirectory, type ClientQuery } from './client-list';
import type { ScoringService } from './scoring-service';

/** One client as a row of the list: what any column shows, and its marks. */
export interface ListRow {
  id: string;
  name: string;
  company: string;
  tags: readonly string[];
  /** 0 for an archived client (not ranked). */
  rank: number;
  /** Index into the model's tier levels; -1 for an archived client. */
  tier: number;
  score: number;
  value: number;
  needs: number;
  loyalty: number;
  potential: number;
  abc: number;
  /** `"543"`, or '' for a client who has not bought. */
  rfm: string;
  segment: number;
  lifecycle: number;
  pActive: number;
  clv12m: number;
  /** Epoch days, NO_DAY when none. */
  lastPurchaseDay: number;
  lastContactDay: number;
  pinned: boolean;
  churnWarning: boolean;
  archived: boolean;
}

/** A listing the worker holds: how many rows, of which scores. */
export interface ListHandle {
  listId: number;
  computedAt: string;
  count: number;
  /** How far the predictions in it can be trusted (the list rounds them accordingly). */
  trust: ScoresRecord['clvModel']['trust']['level'];
}

interface OpenList {
  id: number;
  scores: ScoresRecord;
  indexes: Int32Array;
}

/** Lists kept at once: the current one and the one before (its rows stay until replaced). */
const KEPT = 2;

/**
 * The Clients list, owned by the worker: `open` filters and sorts every client of the
 * scores the page has seen and keeps the result; `rows` hands over only the rows on
 * screen, with names — a page of plain rows, never the megabytes of the scores record.
 * Archived clients are listed by the `archived` filter, and by a search (after the ranked
 * ones).
 */
export class ListService {
  readonly #db: TierwiseDb;
  readonly #scoring: Pick<ScoringService, 'scores'>;
  readonly #directory: Pick<ClientDirectory, 'entries' | 'names'>;
  readonly #lists: OpenList[] = [];
  #next = 1;

  constructor(
    db: TierwiseDb,
    scoring: Pick<ScoringService, 'scores'>,
    directory: Pick<ClientDirectory, 'entries' | 'names'>,
  ) {
    this.#db = db;
    this.#scoring = scoring;
    this.#directory = directory;
  }

  async open(
    query: ClientQuery,
    collator: Intl.Collator,
    computedAt: string,
  ): Promise<ListHandle | null> {
    const scores = await this.#scoring.scores(computedAt);
    if (scores === null) return null;
    const directory = needsDirectory(query) ? await this.#directory.entries() : new Map();
    const { indexes } = listClients(scores, directory, query, collator);
    const list = { id: this.#next++, scores, indexes };
    this.#lists.push(list);
    if (this.#lists.length > KEPT) this.#lists.shift();
    return {
      listId: list.id,
      computedAt: scores.computedAt,
      count: indexes.length,
      trust: scores.clvModel.trust.level,
    };
  }

  /** Rows `from` to `to` (exclusive) of a list; null when the list is no longer kept. */
  async rows(listId: number, from: number, to: number): Promise<ListRow[] | null> {
    const list = this.#lists.find((l) => l.id === listId);
    if (!list) return null;
    const { scores, indexes } = list;
    const picked = Array.from(indexes.subarray(Math.max(0, from), Math.max(from, to)));
    const ids = picked.map((at) => scores.clientIds[at] ?? '');
    const clients = await this.#db.clients.bulkGet(ids as ClientId[]); // ids of stored clients
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
}
