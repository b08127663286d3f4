import type { TierwiseDb } from '$db/database';
import { activeDatabaseName } from '$db/workspace-pointer';
import { WORKSPACE_CHANNEL, type SwapMessage } from '$worker/workspace-swap';

/**
 * Keeps this tab on the database the workspace pointer names (docs/storage.md). When an
 * import swaps in a new database — in this tab or another — the old one is deleted: this
 * tab closes its connection for good (Dexie would otherwise reopen it on the next query,
 * recreating it empty) and reloads once its own job has finished, which opens the new
 * database for the page and a new worker alike. A swap between reading the pointer and
 * listening here is caught by reading the pointer once more.
 * @param whenIdle resolves when this tab runs no job (a reload must not cut one short)
 * @returns stops following
 */
export function followWorkspace(
  db: TierwiseDb,
  whenIdle: () => Promise<void>,
  reload: () => void = () => window.location.reload(),
): () => void {
  let leaving = false;
  const leave = (): void => {
    if (leaving) return;
    leaving = true;
    db.close();
    // After the job's own continuation (it may keep a message for after the reload).
    void whenIdle().then(() => setTimeout(reload, 0));
  };
  const channel = new BroadcastChannel(WORKSPACE_CHANNEL);
  channel.onmessage = (event: MessageEvent<SwapMessage>) => {
    if (event.data.type === 'swapped' && event.data.name !== db.name) leave();
  };
  const onVersionChange = (event: IDBVersionChangeEvent): false | undefined => {
    if (event.newVersion !== null) return undefined; // a schema upgrade: App.svelte tells the user
    leave();
    return false; // instead of Dexie's close-and-reopen
  };
  db.on('versionchange', onVersionChange);
  void activeDatabaseName().then((name) => {
    if (name !== db.name) leave();
  });
  return () => {
    channel.close();
    db.on('versionchange').unsubscribe(onVersionChange);
  };
}
