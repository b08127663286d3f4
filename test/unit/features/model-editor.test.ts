import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TierwiseDb } from '$db/database';
import { readActiveModel } from '$db/model-repository';
import { ModelEditor, PREVIEW_DELAY_MS, withDefaults } from '$features/model/model-editor.svelte';
import type { I18n } from '$i18n/i18n.svelte';
import { en } from '$i18n/en';
import { translate } from '$i18n/translate';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';
import type { ScoringDefinition } from '$schema/scoring-model';
import type { ModelPreview } from '$worker/model-preview';
import type { WorkerClient } from '$worker/worker-client.svelte';

/** A worker whose previews answer when the test says so, in any order. */
class FakeWorker {
  calls: {
    definition: ScoringDefinition;
    answer: (p: ModelPreview) => void;
    fail: (e: Error) => void;
  }[] = [];
  previewModel(definition: ScoringDefinition): Promise<ModelPreview | null> {
    return new Promise((answer, fail) => this.calls.push({ definition, answer, fail }));
  }
}

const summary = (changed: number): ModelPreview => ({
  clients: 60,
  before: [],
  after: [],
  changed,
  movers: [],
});

let db: TierwiseDb;
let worker: FakeWorker;
let editor: ModelEditor;
const i18n = { t: (key, params) => translate(en, key, params) } as I18n; // only `t` is used

beforeEach(() => {
  vi.useFakeTimers();
  db = new TierwiseDb(`editor-test-${Math.random()}`);
  worker = new FakeWorker();
  editor = new ModelEditor(DEFAULT_SCORING_DEFINITION, {
    db,
    worker: worker as unknown as WorkerClient, // the editor calls previewModel only
    i18n,
  });
});

afterEach(async () => {
  vi.useRealTimers();
  editor.dispose();
  await db.delete();
});

describe('the model editor', () => {
  it('previews once the edits settle, and drops an answer to an older draft', async () => {
    editor.draft.dimensions.value.weight = 30;
    editor.edited();
    vi.advanceTimersByTime(PREVIEW_DELAY_MS - 1);
    editor.draft.dimensions.value.weight = 20;
    editor.edited();
    expect(editor.preview.kind).toBe('pending');
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    expect(worker.calls).toHaveLength(1);
    expect(worker.calls[0]!.definition.dimensions.value.weight).toBe(20);

    editor.draft.dimensions.value.weight = 10;
    editor.edited();
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    expect(worker.calls).toHaveLength(2);
    worker.calls[1]!.answer(summary(7));
    await vi.waitFor(() => expect(editor.preview.kind).toBe('ready'));
    worker.calls[0]!.answer(summary(3)); // late answer to the older draft
    await Promise.resolve();
    expect(editor.preview).toEqual({ kind: 'ready', preview: summary(7) });
  });

  it('says the preview failed instead of waiting for ever', async () => {
    editor.draft.dimensions.value.weight = 30;
    editor.edited();
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    worker.calls[0]!.fail(new Error('worker stopped'));
    await vi.waitFor(() => expect(editor.preview.kind).toBe('failed'));
    // The next edit asks again.
    editor.draft.dimensions.value.weight = 31;
    editor.edited();
    expect(editor.preview.kind).toBe('pending');
    vi.advanceTimersByTime(PREVIEW_DELAY_MS);
    worker.calls[1]!.answer(summary(2));
    await vi.waitFor(() => expect(editor.preview.kind).toBe('ready'));
  });

  it('does not preview an invalid or unchanged draft, and says why', () => {
    for (const spec of Object.values(editor.draft.dimensions)) spec.weight = 0;
    editor.edited();
    expect(editor.preview.kind).toBe('invalid');
    expect(editor.error('dimensions')).toBe(en['model.invalid.allDimensionsZero']);
    editor.discard();
    expect(editor.dirty).toBe(false);
    expect(editor.preview.kind).toBe('unchanged');
    vi.advanceTimersByTime(PREVIEW_DELAY_MS * 2);
    expect(worker.calls).toHaveLength(0);
  });

  it('saves a valid draft and refuses an invalid one', async () => {
    vi.useRealTimers();
    editor.draft.dimensions.needs.weight = 0;
    expect(await editor.save()).toBe(true);
    expect((await readActiveModel(db)).definition.dimensions.needs.weight).toBe(0);
    editor.draft.tiers.levels[3]!.minScore = 90;
    expect(await editor.save()).toBe(false);
    expect((await readActiveModel(db)).definition.tiers.levels[3]!.minScore).toBe(0);
  });

  it('saves a hysteresis margin from 0 to 20 and refuses more, in words', async () => {
    vi.useRealTimers();
    editor.draft.tiers.hysteresisPoints = 25;
    expect(editor.error('tiers.hysteresisPoints')).toBe('Enter at most 20.');
    expect(await editor.save()).toBe(false);
    editor.draft.tiers.hysteresisPoints = 5;
    expect(editor.error('tiers.hysteresisPoints')).toBeUndefined();
    expect(await editor.save()).toBe(true);
    expect((await readActiveModel(db)).definition.tiers.hysteresisPoints).toBe(5);
  });

  it('shows a model saved before the margin existed as margin 0, unchanged', () => {
    const tiers: Partial<ScoringDefinition['tiers']> = { ...DEFAULT_SCORING_DEFINITION.tiers };
    delete tiers.hysteresisPoints;
    const older = { ...DEFAULT_SCORING_DEFINITION, tiers } as ScoringDefinition; // as stored then
    expect(withDefaults(older).tiers.hysteresisPoints).toBe(0);
    const shown = new ModelEditor(older, {
      db,
      worker: worker as unknown as WorkerClient, // as above
      i18n,
    });
    expect(shown.draft.tiers.hysteresisPoints).toBe(0);
    expect(shown.dirty).toBe(false);
    shown.dispose();
  });
});
