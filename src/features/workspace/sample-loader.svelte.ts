import type { AppServices } from '$features/context';
import type { DatasetSize } from '$worker/tierwise.worker';

/** Loads the sample dataset through the worker and says how it went, in words. */
export class SampleLoader {
  status = $state<'idle' | 'loading' | 'done' | 'error'>('idle');
  message = $state('');
  readonly #services: AppServices;

  constructor(services: AppServices) {
    this.#services = services;
  }

  get loading(): boolean {
    return this.status === 'loading';
  }

  load = async (size: DatasetSize = 'sample'): Promise<void> => {
    const { worker, i18n, today } = this.#services;
    this.status = 'loading';
    this.message = '';
    try {
      const counts = await worker.loadSampleData(today(), size);
      this.status = 'done';
      this.message = i18n.t('sample.loaded', {
        clients: i18n.number(counts.clients),
        transactions: i18n.number(counts.transactions),
      });
    } catch (error) {
      this.status = 'error';
      this.message =
        error instanceof Error && error.name === 'WorkspaceNotEmptyError'
          ? i18n.t('sample.notEmpty')
          : i18n.t('app.error', {
              message: error instanceof Error ? error.message : String(error),
            });
    }
  };
}
