import type { TierwiseDb } from '$db/database';
import type { I18n } from '$i18n/i18n.svelte';
import { latestQuery, type LatestQuery } from '$features/latest-query.svelte';
import { ScoresStampWatch } from '$features/scores-stamp.svelte';
import type { MergeOutcome, QualityView } from '$worker/quality-service';
import type { WorkerClient } from '$worker/worker-client.svelte';

/** The data-quality report on screen and its fixes: merge, undo, "not a problem". */
export class QualityState {
  /** The report, asked again after new scores (any edit) and after every fix here. */
  readonly report: LatestQuery<QualityView>;
  /** What the last fix did, in words (with `undoId` when it was a merge). */
  message = $state('');
  /** The merge the message is about, for its Undo right there. */
  undoId = $state<string | null>(null);
  /** The names of the last merge's clients, for its Undo's message. */
  lastNames = $state.raw({ kept: '', merged: '' });
  #revision = $state(0);
  readonly #worker: WorkerClient;
  readonly #i18n: I18n;

  /** Create it while a component initialises (it watches the scores). */
  constructor(db: TierwiseDb, worker: WorkerClient, i18n: I18n, today: () => string) {
    this.#worker = worker;
    this.#i18n = i18n;
    const stamp = new ScoresStampWatch(db, worker);
    this.report = latestQuery(
      () => ({ at: stamp.current?.computedAt ?? '', revision: this.#revision }),
      () => worker.qualityReport(today()),
    );
  }

  /** The name of a client the report mentions. */
  name(id: string): string {
    return this.report.current?.names[id] ?? id;
  }

  merge = async (keptId: string, mergedId: string): Promise<void> => {
    const names = { kept: this.name(keptId), merged: this.name(mergedId) };
    const outcome = await this.#worker.mergeClients(keptId, mergedId);
    this.#said(outcome, this.#i18n.t('quality.merged', names));
    this.undoId = outcome.ok ? outcome.mergeId : null;
    this.lastNames = names;
  };

  /** Undoes a merge; `names` as the merge record has them (the report no longer does). */
  undo = async (mergeId: string, names: { kept: string; merged: string }): Promise<void> => {
    const outcome = await this.#worker.undoMerge(mergeId);
    this.#said(outcome, this.#i18n.t('quality.undone', names));
    this.undoId = null;
  };

  dismiss = async (findingId: string): Promise<void> => {
    await this.#worker.dismissFinding(findingId, true);
    this.#revision += 1;
  };

  #said(outcome: MergeOutcome, done: string): void {
    this.message = outcome.ok ? done : this.#i18n.t(`quality.refused.${outcome.code}`);
    this.#revision += 1;
  }
}
