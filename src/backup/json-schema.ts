import * as z from 'zod';
import { encryptedHeadSchema } from './crypto';
import { backupFileSchema } from './format';

/**
 * The JSON Schema (draft 2020-12) of both backup files, generated from the zod schemas
 * the importer validates with; shipped as `public/backup.schema.json`. It describes
 * shapes; rules across records (one active model, references to clients, no duplicate
 * ids, due dates after invoice dates) are checked by the importer only.
 */
export function backupJsonSchema(): Record<string, unknown> {
  const plain = z.toJSONSchema(backupFileSchema, { io: 'input', unrepresentable: 'any' });
  const encrypted = z.toJSONSchema(
    encryptedHeadSchema.extend({ chunks: z.array(z.string()).min(1) }),
    { io: 'input', unrepresentable: 'any' },
  );
  const strip = ({ $schema: _, ...rest }: Record<string, unknown>) => rest;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://tierwise.app/backup.schema.json',
    title: 'Tierwise backup',
    description: 'A Tierwise backup file (docs/backup-format.md): plain or encrypted.',
    oneOf: [strip(plain), strip(encrypted)],
  };
}
