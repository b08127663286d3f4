import type { TierwiseDb } from '$db/database';
import type { ListRow, ScoresRecord } from '$db/derived-records';
import type { ClientDirectory } from './client-directory';
import { listClients, needsDirectory, type ClientQuery } from './client-list';
import { listRowsOf } from './list-row';
import type { ScoringService } from './scoring-service';

export type { ListRow } from '$db/derived-records';

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
    return listRowsOf(this.#db, scores, indexes.subarray(Math.max(0, from), Math.max(from, to)));
  }
}
