import { registerSW } from 'virtual:pwa-register';

/**
 * The service worker's update flow. A new version waits (`registerType: 'prompt'`) until
 * the user chooses to reload: an automatic reload could cut an edit or an import short.
 * All data lives in IndexedDB and every write commits before it reports success, so a
 * reload between jobs loses nothing.
 */
export class UpdatePrompt {
  needRefresh = $state(false);
  offlineReady = $state(false);
  #update: ((reloadPage?: boolean) => Promise<void>) | undefined;

  register(): void {
    this.#update = registerSW({
      immediate: true,
      onNeedRefresh: () => {
        this.needRefresh = true;
      },
      onOfflineReady: () => {
        this.offlineReady = true;
      },
    });
  }

  /** Activates the waiting service worker, which reloads the page. */
  async apply(): Promise<void> {
    await this.#update?.(true);
  }

  /** Hides the "works offline" note only, never a waiting update. */
  dismissOfflineNote(): void {
    this.offlineReady = false;
  }

  dismiss(): void {
    this.needRefresh = false;
    this.offlineReady = false;
  }
}
