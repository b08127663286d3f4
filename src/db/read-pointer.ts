import { DATABASE_NAME, META_DATABASE_NAME, POINTER_ID, POINTER_STORE } from './database-names';

/**
 * The active workspace's database name (see `WorkspacePointer`), read with IndexedDB
 * itself rather than Dexie: the page reads it before anything else so that its worker
 * can start at once, and Dexie, with the code around it, would have to load and run
 * first. Without the pointer database (a workspace from before swaps, or a first visit)
 * it is `tierwise`; nothing is created when there is none.
 */
export function readActiveDatabaseName(metaName: string = META_DATABASE_NAME): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(metaName);
    let missing = false;
    // No pointer database yet: create nothing (Dexie creates it when a swap needs it).
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction?.abort();
    };
    request.onerror = () => {
      if (missing) resolve(DATABASE_NAME);
      else reject(request.error ?? new Error(`${metaName} did not open`));
    };
    request.onsuccess = () => {
      const meta = request.result;
      if (!meta.objectStoreNames.contains(POINTER_STORE)) {
        meta.close();
        resolve(DATABASE_NAME);
        return;
      }
      const read = meta
        .transaction(POINTER_STORE, 'readonly')
        .objectStore(POINTER_STORE)
        .get(POINTER_ID);
      read.onsuccess = () => {
        meta.close();
        const record: unknown = read.result;
        resolve(pointedName(record) ?? DATABASE_NAME);
      };
      read.onerror = () => {
        meta.close();
        reject(read.error ?? new Error('the workspace pointer could not be read'));
      };
    };
  });
}

function pointedName(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null || !('name' in record)) return undefined;
  return typeof record.name === 'string' ? record.name : undefined;
}
