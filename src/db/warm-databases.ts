import { META_DATABASE_NAME } from './database-names';
import { readActiveDatabaseName } from './read-pointer';

/**
 * Opens the workspace pointer's database and the workspace database it names, and closes
 * them at once: nothing is read but the pointer, and nothing is ever created.
 *
 * Why: a browser's first open of a database in a session costs a few hundred
 * milliseconds (on the reference machine about 300 ms for the pointer and 200 ms for a
 * workspace of 50,000 clients), and the page could only start it once its code had
 * loaded. The service worker runs this as it starts, on the page's very first request,
 * while the page still waits for its code; Chromium keeps a database's files open for a
 * few seconds after its last connection closes, so the page's own opens find them ready.
 * See docs/storage.md.
 */
export async function warmDatabases(metaName: string = META_DATABASE_NAME): Promise<void> {
  const name = await readActiveDatabaseName(metaName);
  await new Promise<void>((resolve) => {
    const request = indexedDB.open(name);
    // No such database (a first visit, or one a swap deleted): create nothing.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = (event) => {
      event.preventDefault(); // the abort above, or a database being deleted: nothing to warm
      resolve();
    };
  });
}
