import { ZodError } from 'zod';
import type { TierwiseDb } from '$db/database';
import { saveActiveModel } from '$db/model-repository';
import type { I18n } from '$i18n/i18n.svelte';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';
import { scoringDefinitionSchema, type ScoringDefinition } from '$schema/scoring-model';
import type { ModelPreview } from '$worker/model-preview';
import type { WorkerClient } from '$worker/worker-client.svelte';
import { messagesByPath } from './model-issues';

/** Edits settle this long before the worker previews them. */
export const PREVIEW_DELAY_MS = 250;

export type PreviewState =
  | { kind: 'unchanged' }
  | { kind: 'invalid' }
  | { kind: 'pending' }
  | { kind: 'notReady' }
  | { kind: 'ready'; preview: ModelPreview }
  | { kind: 'failed'; message: string };

/**
 * A draft of the scoring model: validated as it is edited, previewed in the worker once
 * the edits settle (older answers are dropped), saved, discarded or reset to the default.
 * Made for one saved version: the view makes a new editor when the saved model changes.
 */
export class ModelEditor {
  readonly #saved: ScoringDefinition;
  readonly #db: TierwiseDb;
  readonly #worker: WorkerClient;
  readonly #i18n: I18n;
  draft: ScoringDefinition = $state() as ScoringDefinition; // set in the constructor
  preview: PreviewState = $state.raw({ kind: 'unchanged' });
  saving = $state(false);
  saveError = $state('');

  readonly check = $derived(scoringDefinitionSchema.safeParse(this.draft));
  readonly dirty = $derived.by(() => JSON.stringify(this.draft) !== JSON.stringify(this.#saved));
  /** Messages by setting path (see `model-issues.ts`), in the interface language. */
  readonly errors = $derived.by(() =>
    messagesByPath(this.check.success ? [] : this.check.error.issues, this.#i18n.t),
  );

  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every edit, so an answer to an older draft is dropped. */
  #request = 0;

  constructor(
    saved: ScoringDefinition,
    services: { db: TierwiseDb; worker: WorkerClient; i18n: I18n },
  ) {
    this.#saved = structuredClone(saved);
    this.draft = structuredClone(saved);
    this.#db = services.db;
    this.#worker = services.worker;
    this.#i18n = services.i18n;
  }

  /** The message for the setting at `path`, if it is refused. */
  error = (path: string): string | undefined => this.errors.get(path);

  /** Call after every edit: previews the draft once the edits settle. */
  edited = (): void => {
    clearTimeout(this.#timer);
    this.#request += 1;
    this.saveError = '';
    if (!this.dirty) this.preview = { kind: 'unchanged' };
    else if (!this.check.success) this.preview = { kind: 'invalid' };
    else {
      this.preview = { kind: 'pending' };
      this.#timer = setTimeout(() => void this.#runPreview(), PREVIEW_DELAY_MS);
    }
  };

  discard = (): void => {
    this.draft = structuredClone(this.#saved);
    this.edited();
  };

  resetToDefault = (): void => {
    this.draft = structuredClone(DEFAULT_SCORING_DEFINITION);
    this.edited();
  };

  /** Saves a valid draft; the worker rescores everyone. Resolves true when saved. */
  save = async (): Promise<boolean> => {
    if (!this.check.success || this.saving) return false;
    this.saving = true;
    try {
      await saveActiveModel(this.#db, $state.snapshot(this.draft));
      return true;
    } catch (caught) {
      this.saveError =
        caught instanceof ZodError
          ? this.#i18n.t('model.invalidSummary')
          : this.#i18n.t('app.error', {
              message: caught instanceof Error ? caught.message : String(caught),
            });
      return false;
    } finally {
      this.saving = false;
    }
  };

  dispose(): void {
    clearTimeout(this.#timer);
    this.#request += 1;
  }

  async #runPreview(): Promise<void> {
    const request = this.#request;
    try {
      const preview = await this.#worker.previewModel($state.snapshot(this.draft));
      if (request !== this.#request) return;
      this.preview = preview === null ? { kind: 'notReady' } : { kind: 'ready', preview };
    } catch (caught) {
      if (request !== this.#request) return;
      this.preview = {
        kind: 'failed',
        message: caught instanceof Error ? caught.message : String(caught),
      };
    }
  }
}
