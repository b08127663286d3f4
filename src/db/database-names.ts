/**
 * The names of the app's IndexedDB databases and of the pointer between them, apart from
 * any Dexie code: the page reads the pointer before it loads Dexie (see `read-pointer.ts`).
 */

/** The workspace database's name before any swap (staged imports write `tierwise-<uuid>`). */
export const DATABASE_NAME = 'tierwise';

/** The tiny database that names the active workspace database (`WorkspacePointer`). */
export const META_DATABASE_NAME = 'tierwise-meta';

/** The pointer database's one table, and the key of its one record. */
export const POINTER_STORE = 'pointer';
export const POINTER_ID = 'active';
