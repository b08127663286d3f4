import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encryptBackup } from '$backup/crypto';
import { BACKUP_TABLES, BACKUP_VERSION, backupFileName } from '$backup/format';
import { MIGRATIONS } from '$backup/migrations';
import { evaluationFromRecord } from '$worker/evaluation-codec';
import { compareEvaluations } from '$engine/index';
import { readBackup } from '$backup/read-backup';
import { backupBlob, blobText, sampleData, textStream } from './backup-helpers';

const read = (text: string, size?: number, passphrase?: string) =>
  readBackup(textStream(text, size), passphrase === undefined ? {} : { passphrase });

async function problemOf(text: string, size?: number) {
  const outcome = await read(text, size);
  if (outcome.ok) throw new Error('expected the backup to be refused');
  return outcome.problem;
}

describe('a backup file', () => {
  it('reads back exactly what was written, whatever the size of the pieces read', async () => {
    const data = sampleData();
    const text = await backupBlob(data).text();
    for (const size of [1, 7, 100, 65_536]) {
      const outcome = await read(text, size);
      expect(outcome.ok && outcome.backup.data).toEqual(data);
    }
  });

  it('is one JSON document with the head first and one record a line', async () => {
    const data = sampleData();
    const text = await backupBlob(data).text();
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'format',
      'version',
      'exportedAt',
      'appVersion',
      'counts',
      'data',
    ]);
    expect(Object.keys(parsed['data'] as object)).toEqual([...BACKUP_TABLES]);
    expect(text.split('\n').length).toBeGreaterThan(data.transactions.length);
  });

  it('accepts any whitespace layout (a pretty-printed backup reads the same)', async () => {
    const data = sampleData();
    const pretty = JSON.stringify(JSON.parse(await backupBlob(data).text()), null, 2);
    const outcome = await read(pretty, 333);
    expect(outcome.ok && outcome.backup.data).toEqual(data);
  });

  it('is named with the date', () => {
    expect(backupFileName('2026-03-05', false)).toBe('tierwise-backup-2026-03-05.json');
    expect(backupFileName('2026-03-05', true)).toBe('tierwise-backup-2026-03-05.encrypted.json');
  });
});

describe('migration', () => {
  it('reads a version-1 file (epoch-millisecond timestamps) as the current version', async () => {
    const text = readFileSync(new URL('../../fixtures/backup-v1.json', import.meta.url), 'utf8');
    const outcome = await read(text, 50);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    const { backup } = outcome;
    expect(backup.version).toBe(1);
    expect(backup.head.version).toBe(BACKUP_VERSION);
    expect(backup.head.exportedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(backup.data.clients.map((c) => c.name)).toEqual(['Harbour Design', '李明工作室']);
    expect(backup.data.clients[0]!.updatedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(backup.data.clients[0]!.pin?.pinnedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(backup.data.transactions[1]).toMatchObject({ amount: 800, cost: 200 });
    expect(backup.data.settings[0]!.currency).toBe('CNY');
  });
});

describe('migration from version 2', () => {
  const fixture = () =>
    readFileSync(new URL('../../fixtures/backup-v2.json', import.meta.url), 'utf8');

  it('reads the file the version-2 build wrote, its evaluations as columns', async () => {
    const outcome = await read(fixture(), 4_096);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    const { backup } = outcome;
    expect([backup.version, backup.head.version]).toEqual([2, BACKUP_VERSION]);
    expect(backup.data.clients).toHaveLength(60);
    const [october, november] = backup.data.evaluations;
    expect(october).toMatchObject({
      id: 'e-2026-10',
      asOf: '2026-10-31',
      takenAt: '2026-10-31T17:00:00.000Z',
      trigger: 'manual',
      engineVersion: 3,
    });
    expect(october?.clientIds).toHaveLength(60);
    // Best first, and nothing version 2 did not record is made up.
    expect(october?.score).toEqual([...(october?.score ?? [])].sort((a, b) => b - a));
    expect(october).not.toHaveProperty('abc');
    expect(october?.tiers.map((t) => t.id).sort()).toEqual([
      'core',
      'ordinary',
      'potential',
      'vip',
    ]);
    expect(november?.label).toBe('November 2026');
  });

  it('keeps who dropped and who rose a tier between its two evaluations', async () => {
    const outcome = await read(fixture());
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    const [october, november] = outcome.backup.data.evaluations.map(evaluationFromRecord);
    const { movements } = compareEvaluations(october!, november!, 'tier');
    const names = new Map<string, string>(outcome.backup.data.clients.map((c) => [c.id, c.name]));
    const moved = (direction: string) =>
      movements
        .filter((m) => m.direction === direction)
        .map((m) => names.get(m.clientId))
        .sort();
    expect(moved('down')).toEqual(['James Martin', 'Owen Taylor', '林涛'].sort());
    expect(moved('up')).toEqual(['Emma Anderson', '周晓东'].sort());
  });
});

describe('migration from version 3', () => {
  const fixture = () =>
    readFileSync(new URL('../../fixtures/backup-v3.json', import.meta.url), 'utf8');

  it('reads the file the version-3 build wrote, every record as it was written', async () => {
    const text = fixture();
    const outcome = await read(text, 4_096);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    const { backup } = outcome;
    expect([backup.version, backup.head.version]).toEqual([3, BACKUP_VERSION]);
    const written = (JSON.parse(text) as { data: Record<string, unknown[]> }).data;
    for (const table of BACKUP_TABLES) {
      expect(JSON.parse(JSON.stringify(backup.data[table])), table).toEqual(written[table]);
    }
  });

  it('keeps its pin, its paid and unpaid invoices, and has no contact persons to make up', async () => {
    const outcome = await read(fixture());
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    const { clients, transactions, evaluations } = outcome.backup.data;
    const owen = clients.find((c) => c.name === 'Owen Taylor');
    expect(owen?.pin).toMatchObject({ tierId: 'vip', reason: 'Key account for the spring launch' });
    expect(owen?.pin?.until).toBeUndefined();
    expect(clients.every((c) => c.contacts === undefined && c.hourlyRate === undefined)).toBe(true);
    expect(transactions).toHaveLength(720);
    const unpaid = transactions.filter((t) => t.amount > 0 && t.paidDate === undefined);
    expect(unpaid.length).toBeGreaterThan(0);
    expect(transactions.filter((t) => t.hours !== undefined).length).toBeGreaterThan(0);
    expect(evaluations.map((e) => e.trigger)).toEqual(['scheduled', 'manual']);
  });
});

describe('migration from version 4', () => {
  const fixture = () =>
    readFileSync(new URL('../../fixtures/backup-v4.json', import.meta.url), 'utf8');

  it('reads the file the version-4 build wrote, every record as it was written', async () => {
    const text = fixture();
    const outcome = await read(text, 4_096);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    const { backup } = outcome;
    expect([backup.version, backup.head.version]).toEqual([4, BACKUP_VERSION]);
    const written = (JSON.parse(text) as { data: Record<string, unknown[]> }).data;
    for (const table of BACKUP_TABLES) {
      expect(JSON.parse(JSON.stringify(backup.data[table])), table).toEqual(written[table]);
    }
  });

  it('keeps the call and the answer added that day, with no playbooks, cadences or snoozes to make up', async () => {
    const outcome = await read(fixture());
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    const { settings, clients, interactions, feedback, evaluations } = outcome.backup.data;
    expect(settings[0]?.playbooks).toBeUndefined();
    expect(
      clients.every((c) => c.cadenceDays === undefined && c.followUpSnooze === undefined),
    ).toBe(true);
    const owen = clients.find((c) => c.name === 'Owen Taylor');
    expect(interactions.filter((i) => i.summary === 'Quarterly review call')).toMatchObject([
      { clientId: owen?.id, kind: 'call' },
    ]);
    expect(feedback.filter((f) => f.comment === 'Happy with the launch')).toMatchObject([
      { clientId: owen?.id, scale: 'csat', score: 5 },
    ]);
    expect(evaluations.map((e) => e.trigger)).toEqual(['scheduled', 'manual']);
  });
});

describe('every migration', () => {
  it('has a real file of the version it reads, written by the build that wrote it', () => {
    for (const migration of MIGRATIONS) {
      const name = `backup-v${migration.from}.json`;
      const text = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
      expect((JSON.parse(text) as { version: number }).version, name).toBe(migration.from);
    }
  });
});

describe('bad input is refused with the reason', () => {
  const valid = async () => backupBlob(sampleData()).text();

  it.each([
    ['an empty file', '', 'truncated'],
    ['not JSON at all', 'PK\u0003\u0004 this is a zip', 'notJson'],
    ['JSON of another kind', '{"name":"package","version":"1.0.0"}', 'notBackup'],
    ['a list', '[1,2,3]', 'notJson'],
    ['a wrong format name', '{"format":"excalidraw","version":2,"data":{}}', 'notBackup'],
  ])('%s', async (_name, text, code) => {
    expect((await problemOf(text)).code).toBe(code);
  });

  it('a truncated file', async () => {
    const text = await valid();
    for (const cut of [10, Math.floor(text.length / 2), text.length - 3]) {
      expect((await problemOf(text.slice(0, cut), 500)).code).toBe('truncated');
    }
  });

  it('a file from a future version', async () => {
    const text = (await valid()).replace(`"version":${BACKUP_VERSION}`, '"version":7');
    expect(await problemOf(text)).toEqual({
      code: 'futureVersion',
      params: { version: 7, supported: BACKUP_VERSION },
    });
  });

  it('a record of the wrong type, naming table, row and field', async () => {
    const data = sampleData();
    (data.transactions[3] as unknown as { amount: string }).amount = '12';
    const problem = await problemOf(await backupBlob(data).text());
    expect(problem.code).toBe('invalidRecord');
    expect(problem.params).toMatchObject({ table: 'transactions', row: 4, field: 'amount' });
  });

  it('the same id twice in one table', async () => {
    const data = sampleData();
    data.clients.push({ ...data.clients[0]! });
    data.clients.at(-1)!.name = 'Copy';
    const problem = await problemOf(await backupBlob(data).text());
    expect(problem).toEqual({
      code: 'duplicateId',
      params: { table: 'clients', id: data.clients[0]!.id },
    });
  });

  it('a record naming a client the backup does not hold', async () => {
    const data = sampleData();
    data.interactions[0]!.clientId = 'nobody' as never;
    const problem = await problemOf(await backupBlob(data).text());
    expect(problem).toEqual({
      code: 'missingClient',
      params: { table: 'interactions', row: 1, id: 'nobody' },
    });
  });

  it('prototype-pollution keys anywhere', async () => {
    const text = await valid();
    const polluted = text.replace('"name":', '"__proto__":{"admin":true},"name":');
    expect(await problemOf(polluted)).toEqual({
      code: 'forbiddenKey',
      params: { key: '__proto__' },
    });
    const head = text.replace('"appVersion"', '"constructor":{"x":1},"appVersion"');
    expect((await problemOf(head)).code).toBe('forbiddenKey');
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('takes the forbidden names as data when they are values: a client named “constructor”', async () => {
    const data = sampleData();
    data.clients[0]!.name = 'constructor';
    data.clients[1]!.tags = ['prototype', '__proto__'];
    data.clients[2]!.notes = 'Uses "__proto__" and {"constructor": 1} in its notes.';
    const outcome = await read(await backupBlob(data).text(), 333);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    expect(outcome.backup.data).toEqual(data);
  });

  it('records missing from the end of a table (counts disagree)', async () => {
    const data = sampleData();
    const text = await backupBlob(data).text();
    const count = data.transactions.length;
    const tampered = text.replace(`"transactions":${count}`, `"transactions":${count + 1}`);
    expect((await problemOf(tampered)).code).toBe('countMismatch');
  });

  it('a 200 MB file that is not a backup, without reading it all', async () => {
    const megabyte = new Uint8Array(1024 * 1024).fill(0x41);
    let pulled = 0;
    const stream = new ReadableStream<BufferSource>({
      pull(controller) {
        pulled += 1;
        if (pulled > 200) controller.close();
        else controller.enqueue(megabyte);
      },
    });
    const outcome = await readBackup(stream.pipeThrough(new TextDecoderStream()));
    expect(outcome.ok || outcome.problem.code).toBe('notJson');
    expect(pulled).toBeLessThan(5);
  });

  it('text that is not UTF-8', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22]);
    const outcome = await readBackup(blobText(new Blob([bytes])));
    // Never “save it as CSV UTF-8”: that advice is for spreadsheets.
    expect(outcome.ok || outcome.problem.code).toBe('notUtf8Json');
  });
});

describe('encrypted backups', () => {
  const exportedAt = '2026-03-01T10:00:00.000Z';
  const seal = (data = sampleData(), chunkBytes = 4096) =>
    encryptBackup(backupBlob(data), 'correct horse battery', {
      exportedAt,
      appVersion: 'test',
      chunkBytes,
    });

  it('record their parameters and open with the right passphrase', async () => {
    const data = sampleData();
    const sealed = await seal(data);
    const head = JSON.parse(await sealed.text()) as Record<string, unknown>;
    expect(head).toMatchObject({
      format: 'tierwise-encrypted-backup',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 },
      cipher: { name: 'AES-GCM', keyLength: 256, tagLength: 128, chunkBytes: 4096 },
    });
    expect((head['chunks'] as string[]).length).toBeGreaterThan(3);
    expect(await sealed.text()).not.toContain(data.clients[0]!.name);
    const outcome = await readBackup(blobText(sealed), { passphrase: 'correct horse battery' });
    expect(outcome.ok && outcome.backup.encrypted).toBe(true);
    expect(outcome.ok && outcome.backup.data).toEqual(data);
  });

  it('take the forbidden names as data when they are values, sealed as well', async () => {
    const data = sampleData();
    data.clients[0]!.name = 'constructor';
    data.clients[0]!.tags = ['prototype', '__proto__'];
    const outcome = await readBackup(blobText(await seal(data)), {
      passphrase: 'correct horse battery',
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    expect(outcome.backup.data).toEqual(data);
  });

  it('say which is wrong: no passphrase, a wrong one, or a damaged file', async () => {
    const text = await (await seal()).text();
    const problem = async (t: string, passphrase?: string) => {
      const outcome = await read(t, 10_000, passphrase);
      return outcome.ok ? 'ok' : outcome.problem.code;
    };
    expect(await problem(text)).toBe('needsPassphrase');
    expect(await problem(text, 'Correct horse battery')).toBe('wrongPassphrase');
    // A newer encrypted format asks for an update.
    expect(await problem(text.replace('"version":1', '"version":2'), 'x')).toBe('futureVersion');
    // A damaged constant with the right passphrase is a damaged file, not a wrong passphrase.
    const head = JSON.parse(text) as { check: string; kdf: { salt: string } };
    const check = head.check;
    const flippedCheck = (check[5] === 'A' ? 'B' : 'A') + '';
    const damagedCheck = text.replace(check, check.slice(0, 5) + flippedCheck + check.slice(6));
    expect(await problem(damagedCheck, 'correct horse battery')).toBe('damaged');
    expect(await problem(damagedCheck, 'Correct horse battery')).toBe('wrongPassphrase');
    // A salt or constant of the wrong length, or not Base64, is damage too.
    expect(await problem(text.replace(head.kdf.salt, 'AAAA'), 'correct horse battery')).toBe(
      'damaged',
    );
    expect(await problem(text.replace(check, check.slice(4)), 'correct horse battery')).toBe(
      'damaged',
    );
    // Flip one Base64 character in the middle of the second chunk.
    const chunks = JSON.parse(text) as { chunks: string[] };
    const second = chunks.chunks[1]!;
    const flipped = second.slice(0, 40) + (second[40] === 'A' ? 'B' : 'A') + second.slice(41);
    expect(await problem(text.replace(second, flipped), 'correct horse battery')).toBe('tampered');
    // Drop the last chunk: the one before it was not sealed as the last.
    const last = chunks.chunks.at(-1)!;
    expect(await problem(text.replace(`,\n"${last}"`, ''), 'correct horse battery')).toBe(
      'tampered',
    );
  });
});
