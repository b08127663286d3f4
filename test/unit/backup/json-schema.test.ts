import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupJsonSchema } from '$backup/json-schema';

const shipped = new URL('../../../public/backup.schema.json', import.meta.url);
const generated = `${JSON.stringify(backupJsonSchema(), null, 2)}\n`;

describe('the shipped JSON Schema', () => {
  // `npm run schema` regenerates the file after a schema change.
  if (process.env['UPDATE_SCHEMA']) writeFileSync(shipped, generated);

  it('is the one generated from the zod schemas (run `npm run schema` if not)', () => {
    expect(readFileSync(shipped, 'utf8')).toBe(generated);
  });

  it('describes both kinds of file and every table', () => {
    const schema = JSON.parse(generated) as { oneOf: { properties: Record<string, unknown> }[] };
    const [plain, encrypted] = schema.oneOf;
    expect(Object.keys((plain!.properties['data'] as { properties: object }).properties)).toEqual(
      expect.arrayContaining(['clients', 'transactions', 'models', 'settings', 'evaluations']),
    );
    expect(encrypted!.properties).toHaveProperty('kdf');
  });
});
