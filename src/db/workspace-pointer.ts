import { Dexie, type Table } from 'dexie';
import { DATABASE_NAME, META_DATABASE_NAME, POINTER_ID, POINTER_STORE } from './database-names';

/**
 * Which IndexedDB database holds the workspace. IndexedDB cannot rename a database, so a
 * very large import writes a fresh one and then points this tiny database at it: flipping
 * the pointer is the one atomic moment of the swap (docs/storage.md, "The workspace
 * pointer").
 */
export { META_DATABASE_NAME };

/** A workspace database written by a staged import: `tierwise-` and a random UUID. */
const STAGED_NAME = /^tierwise-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface PointerRecord {
  id: typeof POINTER_ID;
  /** The database name of the active workspace. */
  name: string;
  /** When the pointer last moved, ISO 8601. */
  since: string;
}

/** A fresh name for a staging database. */
export function stagingName(): string {
  return `tierwise-${crypto.randomUUID()}`;
}

/** Databases this app may delete once the pointer names another: the first one and staged ones. */
export function isWorkspaceName(name: string): boolean {
  return name === DATABASE_NAME || STAGED_NAME.test(name);
}

export class WorkspacePointer extends Dexie {
  pointer!: Table<PointerRecord, string>;

  /** @param name the IndexedDB name (tests use their own) */
  constructor(name: string = META_DATABASE_NAME) {
    super(name);
    this.version(1).stores({ [POINTER_STORE]: 'id' });
  }

  /**
   * The active workspace's database name. Without a pointer it is `tierwise`, the one
   * name used before there were swaps, so existing workspaces are found where they are.
   */
  async active(): Promise<string> {
    return (await this.pointer.get(POINTER_ID))?.name ?? DATABASE_NAME;
  }

  /** Points at another database: from the end of this transaction, that is the workspace. */
  async pointTo(name: string, now: Date = new Date()): Promise<void> {
    await this.pointer.put({ id: POINTER_ID, name, since: now.toISOString() });
  }
}

/** Reads the pointer once and closes the connection: what the page needs at start. */
export async function activeDatabaseName(metaName: string = META_DATABASE_NAME): Promise<string> {
  const meta = new WorkspacePointer(metaName);
  try {
    return await meta.active();
  } finally {
    meta.close();
  }
}

/**
 * Deletes the workspace databases the pointer does not name: staging databases of an
 * import cut short (a closed tab, a crash) and an old workspace whose deletion did not
 * finish. Callers hold the write lock, so no staging database still being written is
 * among them. Connections to them close on `versionchange` (see `followWorkspaceSwaps`).
 * @returns the names deleted
 */
export async function deleteLeftovers(pointer: WorkspacePointer): Promise<string[]> {
  const active = await pointer.active();
  const names = (await Dexie.getDatabaseNames()).filter(
    (name) => name !== active && isWorkspaceName(name),
  );
  await Promise.all(names.map((name) => Dexie.delete(name)));
  return names;
}
