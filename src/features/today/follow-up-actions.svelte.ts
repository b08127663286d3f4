import { SvelteSet } from 'svelte/reactivity';
import { saveClientRecord } from '$db/client-records';
import { snoozeFollowUp } from '$db/client-repository';
import type { TierwiseDb } from '$db/database';
import { formErrors } from '$features/form-errors';
import { errorMessage } from '$features/error-message';
import type { I18n } from '$i18n/i18n.svelte';
import type { MessageKey } from '$i18n/en';
import { isZodError } from '$schema/zod-error';
import type { CompleteForm, SnoozeForm } from './follow-up-forms';
import { snoozeUntil } from './snooze-presets';

/** The forms' schemas, loaded when one is first saved: a start carries no zod (see `startChunk` in vite.config.ts). */
const formSchemas = () => import('./follow-up-forms');

/** A follow-up as the actions need it. */
export interface FollowUpTarget {
  id: string;
  name: string;
  cadenceDays: number;
}

type Mode = 'complete' | 'snooze';

const emptyComplete = (): CompleteForm => ({
  kind: 'call',
  summary: '',
  followUpDate: '',
  scale: 'csat',
  score: '',
});
const COMPLETE_FIELDS = ['kind', 'summary', 'followUpDate', 'scale', 'score'] as const;
const SNOOZE_FIELDS = ['preset', 'reason'] as const;
const INVALID: Record<string, MessageKey> = {
  kind: 'today.invalid.kind',
  summary: 'records.invalid.summary',
  followUpDate: 'today.invalid.followUpDate',
  scale: 'records.invalid.score',
  score: 'records.invalid.score',
  preset: 'today.invalid.preset',
  reason: 'today.invalid.reason',
};

/**
 * Completing and snoozing Today's follow-ups: one form open at a time, validated with
 * zod, written through the repositories; a client done or snoozed leaves the list at once
 * (before the worker's next answer, which no longer lists it).
 */
export class FollowUpActions {
  readonly hidden = new SvelteSet<string>();
  open = $state<{ id: string; mode: Mode } | null>(null);
  complete = $state<CompleteForm>(emptyComplete());
  snooze = $state<SnoozeForm>({ preset: 'nextWeek', reason: '' });
  errors = $state<Partial<Record<string, string>>>({});
  failure = $state('');
  /** What the last action did, for a live region. */
  announcement = $state('');
  saving = $state(false);
  readonly #db: TierwiseDb;
  readonly #i18n: I18n;
  readonly #today: () => string;
  readonly #prepare: () => void;

  /**
   * @param today the user's day (YYYY-MM-DD), the date a completed contact is logged on
   * @param prepare called when a form opens: an edit is coming, and the worker readies
   *   itself so that it rescores only that client (`prepareForEdits`)
   */
  constructor(db: TierwiseDb, i18n: I18n, today: () => string, prepare: () => void) {
    this.#db = db;
    this.#i18n = i18n;
    this.#today = today;
    this.#prepare = prepare;
  }

  start(id: string, mode: Mode): void {
    this.#prepare();
    this.complete = emptyComplete();
    this.snooze = { preset: 'nextWeek', reason: '' };
    this.errors = {};
    this.failure = '';
    this.open = { id, mode };
  }

  cancel(): void {
    this.open = null;
    this.errors = {};
    this.failure = '';
  }

  /**
   * Logs the contact, and the client's answer as feedback when one was given; true when
   * saved (the item then leaves). The form is checked whole before anything is written.
   */
  async saveComplete(target: FollowUpTarget): Promise<boolean> {
    const today = this.#today();
    return this.#run(COMPLETE_FIELDS, async () => {
      const [{ completeFormSchema }, { clientIdSchema }] = await Promise.all([
        formSchemas(),
        import('$schema/common'),
      ]);
      const form = completeFormSchema(today).parse(this.complete);
      const clientId = clientIdSchema.parse(target.id);
      await saveClientRecord(this.#db, 'interactions', {
        clientId,
        date: today,
        kind: form.kind,
        summary: form.summary,
        ...(form.followUpDate === undefined ? {} : { followUpDate: form.followUpDate }),
      });
      if (form.score !== undefined) {
        await saveClientRecord(this.#db, 'feedback', {
          clientId,
          date: today,
          scale: form.scale,
          score: form.score,
          comment: form.summary,
        });
      }
      this.#done(target.id, this.#i18n.t('today.completed', { name: target.name }));
    });
  }

  /**
   * Puts the follow-up off until the preset's day counted from `asOf`, with the reason;
   * true when it was saved.
   */
  async saveSnooze(target: FollowUpTarget, asOf: string): Promise<boolean> {
    return this.#run(SNOOZE_FIELDS, async () => {
      const form = (await formSchemas()).snoozeFormSchema.parse(this.snooze);
      const until = snoozeUntil(form.preset, asOf, target.cadenceDays);
      await snoozeFollowUp(this.#db, target.id, { until, reason: form.reason });
      const date = this.#i18n.date(until);
      this.#done(target.id, this.#i18n.t('today.snoozed', { name: target.name, date }));
    });
  }

  #done(id: string, message: string): void {
    this.hidden.add(id);
    this.open = null;
    this.announcement = message;
  }

  async #run(fields: readonly string[], work: () => Promise<void>): Promise<boolean> {
    this.errors = {};
    this.failure = '';
    this.saving = true;
    try {
      await work();
      return true;
    } catch (error) {
      if (isZodError(error)) {
        const t = this.#i18n.t;
        const { '': other, ...named } = formErrors(
          error,
          fields,
          (field) =>
            field === 'score'
              ? t(this.complete.scale === 'nps' ? 'records.invalid.nps' : 'records.invalid.csat')
              : t(INVALID[field] ?? 'today.invalid.reason'),
          t,
        );
        this.errors = named;
        this.failure = other ?? '';
      } else {
        this.failure = errorMessage(error, this.#i18n.t);
      }
      return false;
    } finally {
      this.saving = false;
    }
  }
}
