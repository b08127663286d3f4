import { DATABASE_NAME, TierwiseDb } from '$db/database';
import { saveScoresAndFirstRows } from './first-rows';
import { savedScores, type ScoresToSave } from './scores-transfer';

/**
 * Writes scores records for the scoring worker: IndexedDB serialises a value on the
 * thread that writes it (half a second for 50,000 clients' scores on a slow machine), and
 * the scoring worker must meanwhile answer the page, which shows the new scores at once.
 * Requests are written one after another, in the order they come.
 */
const db = new TierwiseDb(self.name || DATABASE_NAME);
// The workspace's database is being deleted (another tab swapped in a new one): let go.
db.on('versionchange', (event) => {
  if (event.newVersion !== null) return;
  db.close();
  return false;
});

let queue = Promise.resolve();
self.onmessage = (event: MessageEvent<{ id: number } & ScoresToSave>) => {
  const { id, ...toSave } = event.data;
  queue = queue.then(async () => {
    try {
      await saveScoresAndFirstRows(db, savedScores(toSave), toSave.counts);
      self.postMessage({ id, error: null });
    } catch (error) {
      self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
};
