import type { TierwiseDb } from '$db/database';
import { evaluationsKey, type StoredEvaluation } from '$db/evaluation-store';
import type { First } from '$db/first-values';
import { LiveQuery } from '$db/live.svelte';

/**
 * Watches the evaluations' metas (a few hundred bytes each) in any tab, so a view asks the
 * worker for what it shows from them again only when they change. Create it while a
 * component initialises.
 */
export class EvaluationWatch {
  /** How many evaluations there are; undefined until first read. */
  readonly count: number | undefined;
  /** See `evaluationsKey`; undefined until first read. */
  readonly key: string | undefined;

  constructor(db: TierwiseDb, first?: First<StoredEvaluation[]>) {
    const list = new LiveQuery(() => () => db.evaluations.toArray(), first);
    this.count = $derived(list.current?.length);
    this.key = $derived(list.current === undefined ? undefined : evaluationsKey(list.current));
  }
}
