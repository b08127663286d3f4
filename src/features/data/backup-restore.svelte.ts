import type { AppServices } from '$features/context';
import type { BackupPreview, ImportMode } from '$worker/backup-service';
import { errorMessage, isWorkspaceGone } from '$features/error-message';
import { downloadBlob } from './download';
import { problemMessage } from './problem-message';
import { keepForReload, takeAfterReload } from '$features/reload-notice';

const RELOAD_KEY = 'backup-restore';

type Phase = 'idle' | 'reading' | 'preview' | 'writing' | 'switching' | 'done' | 'error';

/**
 * Restoring a backup: read and check it in the worker, show what it holds, then replace
 * (after downloading an automatic backup of the current data) or merge.
 */
export class BackupRestore {
  phase = $state<Phase>('idle');
  file = $state.raw<File | null>(null);
  passphrase = $state('');
  preview = $state.raw<BackupPreview | null>(null);
  message = $state('');
  #token = '';
  readonly #services: AppServices;

  constructor(services: AppServices) {
    this.#services = services;
    const kept = takeAfterReload(RELOAD_KEY);
    if (kept !== null) {
      this.phase = kept.failed ? 'error' : 'done';
      this.message = kept.message;
    }
  }

  get busy(): boolean {
    return this.phase === 'reading' || this.phase === 'writing' || this.phase === 'switching';
  }

  read = async (): Promise<void> => {
    const { worker, i18n } = this.#services;
    if (!this.file) return;
    this.phase = 'reading';
    this.message = '';
    this.preview = null;
    try {
      const outcome = await worker.inspectBackup(this.file, this.passphrase || undefined);
      if (!outcome.ok) {
        this.#refuse(problemMessage(i18n, outcome.problem));
        return;
      }
      this.#token = outcome.token;
      this.preview = outcome.preview;
      this.phase = 'preview';
    } catch (error) {
      this.#refuse(errorMessage(error, i18n.t));
    }
  };

  apply = async (mode: ImportMode): Promise<void> => {
    const { worker, i18n, today } = this.#services;
    this.phase = 'writing';
    const notes: string[] = [];
    try {
      if (mode === 'replace') {
        const { blob } = await worker.exportBackup({ today: today(), automatic: true });
        const fileName = `tierwise-before-import-${today()}.json`;
        downloadBlob(blob, fileName);
        notes.push(i18n.t('backup.import.autoBackup', { file: fileName }));
      }
      const outcome = await worker.applyBackup(this.#token, mode);
      if (!outcome.ok) {
        this.#refuse(problemMessage(i18n, outcome.problem));
        return;
      }
      notes.push(i18n.t('backup.import.done', { count: i18n.number(outcome.written) }));
      this.message = notes.join(' ');
      this.preview = null;
      if (outcome.swapped) {
        // A new database was swapped in: the page reloads onto it as soon as this returns,
        // and says it is done once it shows the new data.
        keepForReload(RELOAD_KEY, this.message);
        this.phase = 'switching';
        return;
      }
      this.phase = 'done';
    } catch (error) {
      if (isWorkspaceGone(error)) {
        // Another tab's import swapped the workspace away: this tab reloads onto it as
        // soon as this returns, and must still say that this backup was not restored.
        keepForReload(RELOAD_KEY, i18n.t('backup.import.droppedBySwap'), true);
        this.phase = 'switching';
        return;
      }
      this.#refuse(errorMessage(error, i18n.t));
    }
  };

  cancel = (): void => {
    void this.#services.worker.discardBackup();
    this.preview = null;
    this.phase = 'idle';
    this.message = '';
  };

  #refuse(reason: string): void {
    this.phase = 'error';
    this.preview = null;
    this.message = this.#services.i18n.t('backup.import.failed', { reason });
  }
}
