import { ZodError } from 'zod';
import type { TierwiseDb } from '$db/database';
import { updateSettings } from '$db/settings-repository';
import { errorMessage } from '$features/error-message';
import { issueMessage } from '$features/form-errors';
import type { I18n } from '$i18n/i18n.svelte';
import type { MessageKey } from '$i18n/en';
import { playbooksSchema, type Playbook } from '$schema/playbook';
import {
  defaultPlaybookText,
  playbookDrafts,
  playbooksFromDrafts,
  type PlaybookDraft,
} from './playbook-drafts';

const FIELDS = ['strategy', 'cadenceDays', 'actions'] as const;
type Field = (typeof FIELDS)[number];
const INVALID: Record<Field, MessageKey> = {
  strategy: 'playbooks.invalid.strategy',
  cadenceDays: 'playbooks.invalid.cadenceDays',
  actions: 'playbooks.invalid.actions',
};

/**
 * Edits every tier's playbook at once: drafts from the saved playbooks (else the method's
 * defaults in the user's language), validated with zod on save; a refusal names the tier
 * and field and leaves the saved playbooks as they were.
 */
export class PlaybookEditor {
  drafts = $state<PlaybookDraft[]>([]);
  /** Messages by tier index and field. */
  errors = $state<Partial<Record<Field, string>>[]>([]);
  failure = $state('');
  saved = $state('');
  readonly #db: TierwiseDb;
  readonly #i18n: I18n;

  constructor(db: TierwiseDb, i18n: I18n) {
    this.#db = db;
    this.#i18n = i18n;
  }

  /** Starts over from what is saved (on opening, and Escape). */
  reset(levels: readonly { id: string }[], saved: readonly Playbook[] | undefined): void {
    this.drafts = playbookDrafts(levels, saved, defaultPlaybookText(this.#i18n.t));
    this.errors = [];
    this.failure = '';
  }

  async save(): Promise<boolean> {
    this.errors = [];
    this.failure = '';
    this.saved = '';
    const t = this.#i18n.t;
    try {
      const playbooks = playbooksSchema.parse(
        playbooksFromDrafts(this.drafts, defaultPlaybookText(t)),
      );
      await updateSettings(this.#db, { playbooks });
      this.saved = t('playbooks.saved');
      return true;
    } catch (error) {
      if (!(error instanceof ZodError)) {
        this.failure = errorMessage(error, t);
        return false;
      }
      const errors: Partial<Record<Field, string>>[] = this.drafts.map(() => ({}));
      for (const issue of error.issues) {
        const [index, name] = issue.path;
        const field = FIELDS.find((f) => f === name);
        if (typeof index !== 'number' || field === undefined) continue;
        errors[index] ??= {};
        errors[index][field] ??= issueMessage(issue, t) ?? t(INVALID[field]);
      }
      this.errors = errors;
      return false;
    }
  }
}
