/**
 * Whether the browser may evict Tierwise's data, and how much space it uses. Browsers
 * without the Storage API report `supported: false`; nothing here throws.
 */
export class StorageStatus {
  persisted = $state<boolean | null>(null);
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);
  declined = $state(false);

  get supported(): boolean {
    return typeof navigator !== 'undefined' && navigator.storage !== undefined;
  }

  async refresh(): Promise<void> {
    if (!this.supported) return;
    const [persisted, estimate] = await Promise.all([
      navigator.storage.persisted(),
      navigator.storage.estimate(),
    ]);
    this.persisted = persisted;
    this.usage = estimate.usage ?? null;
    this.quota = estimate.quota ?? null;
  }

  request = async (): Promise<void> => {
    const granted = await requestPersistentStorage();
    this.declined = !granted;
    await this.refresh();
  };
}

/**
 * Asks the browser to exempt the workspace from eviction (Safari otherwise clears a
 * site's storage after 7 days unused). Chrome decides by engagement and may say no; the
 * exported backup remains the real guarantee.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
