import type { TierwiseDb } from '$db/database';
import type { ScoringService } from './scoring-service';
import type { WorkspaceSwap } from './workspace-swap';

/**
 * What every service that writes the workspace needs: its database, the scorer to hand a
 * freshly built snapshot to, the lock that lets one tab write at a time, and the swap
 * that stages very large writes in a new database.
 */
export interface WorkspaceWriter {
  readonly db: TierwiseDb;
  readonly scoring: Pick<ScoringService, 'adopt'>;
  withWriteLock<T>(work: () => Promise<T>): Promise<T>;
  readonly swap: WorkspaceSwap;
}
