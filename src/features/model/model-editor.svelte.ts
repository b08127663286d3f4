import { errorMessage } from '$features/error-message';
import { ZodError } from 'zod';
import type { TierwiseDb } from '$db/database';
import { saveActiveModel } from '$db/model-repository';
import type { I18n } from '$i18n/i18n.svelte';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';
import { scoringDefinitionSchema, type ScoringDefinition } from '$schema/scoring-model';
import type { ModelPreview } from '$worker/model-preview';
import type { WorkerClient } from '$worker/worker-client.svelte';
import { LatestQuery } from '$features/latest-query.svelte';
import { messagesByPath } from './model-issues';

/** Edits settle this long before the worker previews them. */
export const PREVIEW_DELAY_MS = 250;

export type PreviewState =
  | { kind: 'unchanged' }
  | { kind: 'invalid' }
  | { kind: 'pending' }
  | { kind: 'notReady' }
  | { kind: 'ready'; preview: ModelPreview }
  | { kind: 'failed'; error: Error };

/**
 * The definition as the editor shows it. A model saved before the hysteresis margin
 * existed has none, which means 0 (off): shown as 0 rather than an empty field, and not
 * counted as a change.
 */
export function withDefaults(definition: ScoringDefinition): ScoringDefinition {
  // Typed as always there (the schema's default); older stored models lack it.
  const margin = definition.tiers.hysteresisPoints ?? 0;
  return { ...definition, tiers: { ...definition.tiers, hysteresisPoints: margin } };
}

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
  saving = $state(false);
  saveError = $state('');

  readonly check = $derived(scoringDefinitionSchema.safeParse(this.draft));
  readonly dirty = $derived.by(() => JSON.stringify(this.draft) !== JSON.stringify(this.#saved));
  /** Messages by setting path (see `model-issues.ts`), in the interface language. */
  readonly errors = $derived.by(() =>
    messagesByPath(this.check.success ? [] : this.check.error.issues, this.#i18n.t),
  );

  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The worker's previews: an answer to an older draft is dropped. */
  readonly #previews = new LatestQuery<ModelPreview | null>();
  /** Edits have not settled yet: no preview is asked for until they do. */
  #settling = $state(false);

  /** What the preview panel shows for the draft as it is now. */
  readonly preview: PreviewState = $derived.by(() => {
    if (!this.dirty) return { kind: 'unchanged' };
    if (!this.check.success) return { kind: 'invalid' };
    const { current, error, pending } = this.#previews;
    if (error && !this.#settling && !pending) return { kind: 'failed', error };
    if (this.#settling || pending || current === undefined) return { kind: 'pending' };
    return current === null ? { kind: 'notReady' } : { kind: 'ready', preview: current };
  });

  constructor(
    saved: ScoringDefinition,
    services: { db: TierwiseDb; worker: WorkerClient; i18n: I18n },
  ) {
    this.#saved = structuredClone(withDefaults(saved));
    this.draft = structuredClone(this.#saved);
    this.#db = services.db;
    this.#worker = services.worker;
    this.#i18n = services.i18n;
  }

  /** The message for the setting at `path`, if it is refused. */
  error = (path: string): string | undefined => this.errors.get(path);

  /** Call after every edit: previews the draft once the edits settle. */
  edited = (): void => {
    clearTimeout(this.#timer);
    this.#previews.cancel();
    this.saveError = '';
    this.#settling = this.dirty && this.check.success;
    if (!this.#settling) return;
    this.#timer = setTimeout(() => {
      this.#settling = false;
      const draft = $state.snapshot(this.draft);
      void this.#previews.ask(() => this.#worker.previewModel(draft));
    }, PREVIEW_DELAY_MS);
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
          : errorMessage(caught, this.#i18n.t);
      return false;
    } finally {
      this.saving = false;
    }
  };

  dispose(): void {
    clearTimeout(this.#timer);
    this.#previews.cancel();
  }
}
