import { describe, expect, it } from 'vitest';
import { snapshotCounts } from '$db/derived-records';
import { buildSnapshot, scoreClients } from '$engine/index';
import { collectRecords } from '$backup/sample/collect-records';
import { generateDataset } from '$backup/sample/generate-dataset';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';
import { toEpochDay } from '$lib/dates';
import { ClvCache } from '$worker/clv-cache';
import { toScoresRecord } from '$worker/scores-record';
import { savedScores, scoresToSave } from '$worker/scores-transfer';

/** A real scores record of a small generated base. */
function scoresOfABase() {
  const snapshot = buildSnapshot(
    collectRecords(
      generateDataset({ seed: 3, asOf: '2026-06-30', clients: 40, transactions: 300 }),
    ),
  );
  const asOfDay = toEpochDay('2026-06-30');
  const clv = new ClvCache().predict(snapshot, asOfDay, null);
  const result = scoreClients(snapshot, DEFAULT_SCORING_DEFINITION, {
    asOfDay,
    pActive: clv.scores.pActive,
    clv12m: clv.scores.clv12m,
  });
  const model = {
    id: 'model',
    name: 'Default',
    active: true,
    definition: DEFAULT_SCORING_DEFINITION,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  const record = toScoresRecord(result, clv, model, {
    asOf: '2026-06-30',
    seq: 4,
    durationMs: 1,
    now: new Date('2026-06-30T12:00:00Z'),
  });
  return { record, counts: snapshotCounts(snapshot) };
}

describe('scores sent to the saver', () => {
  it('arrive as the record sent, and the sender keeps its own columns', async () => {
    const { record, counts } = scoresOfABase();
    const kept = structuredClone(record);
    const { message, transfer } = await scoresToSave(record, counts);
    // What postMessage does: the buffers move to the saver.
    const received = structuredClone(message, { transfer });
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(savedScores(received)).toEqual(kept);
    expect(received.counts).toEqual(counts);
    // The record the worker keeps answering from is untouched.
    expect(record).toEqual(kept);
    expect(record.composite.length).toBe(40);
  });

  it('pause between columns, so the worker can answer the page while it copies', async () => {
    const { record, counts } = scoresOfABase();
    const columns =
      Object.values(record).filter((value) => ArrayBuffer.isView(value)).length +
      Object.keys(record.dimensions).length;
    let pauses = 0;
    const pause = (): Promise<void> => {
      pauses += 1;
      return Promise.resolve();
    };
    const first = await scoresToSave(record, counts, pause);
    expect(pauses).toBeGreaterThan(columns);
    expect(first.transfer).toHaveLength(columns);
    // The same clients again (the next edit): the ids are the same JSON, and a changed
    // list is not mistaken for them.
    const again = await scoresToSave(record, counts, pause);
    expect(again.message.clientIds).toBe(first.message.clientIds);
    const renamed = {
      ...record,
      clientIds: record.clientIds.map((id, i) => (i === 5 ? 'zz' : id)),
    };
    const other = await scoresToSave(renamed, counts, pause);
    expect(savedScores(other.message).clientIds).toEqual(renamed.clientIds);
  });
});
