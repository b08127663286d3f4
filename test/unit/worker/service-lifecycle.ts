import { afterEach, beforeAll } from 'vitest';
import type { TierwiseDb } from '$db/database';
import type { ScoringService } from '$worker/scoring-service';
import { deleteDatabases } from './scoring-fixtures';
import { provideWebLocks } from './web-locks';

/**
 * For a test file whose tests start scoring services: provides Web Locks, and after each
 * test stops the services pushed on `services` and deletes the databases pushed on `open`
 * (`openDatabase` pushes them). Call it at the top of the file.
 */
export function scoringServicesPerTest(): { open: TierwiseDb[]; services: ScoringService[] } {
  const open: TierwiseDb[] = [];
  const services: ScoringService[] = [];
  beforeAll(provideWebLocks);
  afterEach(async () => {
    for (const service of services.splice(0)) service.stop();
    await deleteDatabases(open);
  });
  return { open, services };
}
