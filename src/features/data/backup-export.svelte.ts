import { errorMessage } from '$features/error-message';
import type { AppServices } from '$features/context';
import { downloadBlob } from './download';

/** The export form: optional encryption with a repeated passphrase, then a download. */
export class BackupExport {
  encrypt = $state(false);
  passphrase = $state('');
  repeat = $state('');
  message = $state('');
  working = $state(false);
  readonly #services: AppServices;

  constructor(services: AppServices) {
    this.#services = services;
  }

  get mismatch(): boolean {
    return this.encrypt && this.repeat !== '' && this.passphrase !== this.repeat;
  }

  get ready(): boolean {
    return !this.encrypt || (this.passphrase.length >= 8 && this.passphrase === this.repeat);
  }

  run = async (): Promise<void> => {
    const { worker, i18n, today } = this.#services;
    this.working = true;
    this.message = '';
    try {
      const { blob, fileName } = await worker.exportBackup({
        today: today(),
        ...(this.encrypt ? { passphrase: this.passphrase } : {}),
      });
      downloadBlob(blob, fileName);
      this.message = i18n.t('backup.export.done', { file: fileName });
      this.passphrase = '';
      this.repeat = '';
    } catch (error) {
      this.message = errorMessage(error, i18n.t);
    } finally {
      this.working = false;
    }
  };
}
