import { errorMessage } from '$features/error-message';
import type { AppServices } from '$features/context';
import { keepForReload, takeAfterReload } from '$features/reload-notice';
import type { DatasetSize } from '$worker/tierwise.worker';

const RELOAD_KEY = 'sample';

/** Loads the sample dataset through the worker and says how it went, in words. */
export class SampleLoader {
  status = $state<'idle' | 'loading' | 'done' | 'error'>('idle');
  message = $state('');
  readonly #services: AppServices;

  constructor(services: AppServices) {
    this.#services = services;
    const kept = takeAfterReload(RELOAD_KEY);
    if (kept !== null) {
      this.status = kept.failed ? 'error' : 'done';
      this.message = kept.message;
    }
  }

  get loading(): boolean {
    return this.status === 'loading';
  }

  load = async (size: DatasetSize = 'sample'): Promise<void> => {
    const { worker, i18n, today } = this.#services;
    this.status = 'loading';
    this.message = '';
    try {
      const { counts, swapped } = await worker.loadSampleData(today(), size);
      const message = i18n.t('sample.loaded', {
        clients: i18n.number(counts.clients),
        transactions: i18n.number(counts.transactions),
      });
      // The large base is staged and swapped in: the page reloads onto it as soon as this
      // returns, and says it is loaded once it shows the new data.
      if (swapped) keepForReload(RELOAD_KEY, message);
      this.status = 'done';
      this.message = message;
    } catch (error) {
      this.status = 'error';
      this.message =
        error instanceof Error && error.name === 'WorkspaceNotEmptyError'
          ? i18n.t('sample.notEmpty')
          : errorMessage(error, i18n.t);
    }
  };
}
