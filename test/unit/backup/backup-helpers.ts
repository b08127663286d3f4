import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  type BackupCounts,
  type BackupData,
} from '$backup/format';
import { generateDataset } from '$backup/sample/generate-dataset';
import { BackupWriter } from '$backup/write-backup';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';

const STAMP = '2026-03-01T10:00:00.000Z';

/** A small valid workspace: 12 generated clients with their records, settings and model. */
export function sampleData(): BackupData {
  const bundles = [
    ...generateDataset({ seed: 5, asOf: '2026-03-31', clients: 12, transactions: 80 }),
  ];
  return {
    settings: [
      { id: 'workspace', theme: 'dark', currency: 'EUR', createdAt: STAMP, updatedAt: STAMP },
    ],
    models: [
      {
        id: 'default',
        name: 'Default',
        active: true,
        definition: DEFAULT_SCORING_DEFINITION,
        createdAt: STAMP,
        updatedAt: STAMP,
      },
    ],
    clients: bundles.map((b) => b.client),
    transactions: bundles.flatMap((b) => b.transactions),
    interactions: bundles.flatMap((b) => b.interactions),
    feedback: bundles.flatMap((b) => b.feedback),
    complaints: bundles.flatMap((b) => b.complaints),
    evaluations: [],
  };
}

/** The backup file of `data`, as the app writes it. */
export function backupBlob(data: BackupData, exportedAt = STAMP): Blob {
  // One entry per backup table, so every key is there.
  const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, data[t].length])) as BackupCounts;
  const writer = new BackupWriter({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    appVersion: 'test',
    counts,
  });
  for (const table of BACKUP_TABLES) {
    writer.table(table);
    writer.records(data[table]);
  }
  return writer.finish();
}

/** Text in pieces of `size` characters, to exercise values cut across reads. */
export function textStream(text: string, size = 4096): ReadableStream<string> {
  let at = 0;
  return new ReadableStream<string>({
    pull(controller) {
      if (at >= text.length) return controller.close();
      controller.enqueue(text.slice(at, at + size));
      at += size;
    },
  });
}

export function blobText(blob: Blob): ReadableStream<string> {
  return blob.stream().pipeThrough(new TextDecoderStream('utf-8', { fatal: true }));
}
