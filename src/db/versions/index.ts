import type { SchemaVersion } from './types';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import { v5 } from './v5';

/**
 * Every version the database has had, oldest first. To change the schema, add a file
 * `vN.ts` with the new stores and an `upgrade` that rewrites old rows, append it here,
 * and add a test that opens a database written by the previous version.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [v1, v2, v3, v4, v5];
