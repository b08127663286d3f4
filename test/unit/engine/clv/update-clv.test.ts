import { describe, expect, it } from 'vitest';
import { collectRecords, type RecordLists } from '$backup/sample/collect-records';
import { generateDataset } from '$backup/sample/generate-dataset';
import {
  buildSnapshot,
  computeClv,
  mergeSnapshot,
  rfmColumns,
  scoreClv,
  updateClvScores,
} from '$engine/index';
import { toEpochDay } from '$lib/dates';

const AS_OF = '2026-06-30';

const records = (): RecordLists =>
  collectRecords(generateDataset({ seed: 9, asOf: AS_OF, clients: 200, transactions: 2500 }));

describe('updateClvScores', () => {
  it('equals predicting everyone with the same models, after an edit, a new client and a removal', () => {
    const asOfDay = toEpochDay(AS_OF);
    const data = records();
    const before = buildSnapshot(data);
    const run = computeClv(before.transactions, { asOfDay, purchases: 'positive' });

    // One client buys a lot more, one new client arrives, one leaves.
    const edited = before.clients.ids[10]!;
    const removed = before.clients.ids[20]!;
    const patch = buildSnapshot({
      clients: [
        data.clients.find((c) => c.id === edited)!,
        { ...data.clients[0]!, id: 'zz-new-client' },
      ],
      transactions: [
        ...data.transactions.filter((t) => t.clientId === edited),
        { clientId: edited, date: '2026-06-01', amount: 9_000 },
        { clientId: 'zz-new-client', date: '2026-01-05', amount: 300 },
        { clientId: 'zz-new-client', date: '2026-04-05', amount: 500 },
      ],
      interactions: [],
      feedback: [],
      complaints: [],
    });
    const after = mergeSnapshot(before, patch, new Set([removed]));

    const updated = updateClvScores(
      { ids: before.clients.ids, models: run.models, scores: run.scores },
      after.clients.ids,
      after.transactions,
      { asOfDay, changedIds: new Set([edited, removed]) },
    );
    const expected = scoreClv(
      run.models,
      rfmColumns(after.transactions, { asOfDay, unit: run.models.unit, purchases: 'positive' }),
    );
    expect(updated).toEqual(expected);
    const at = after.clients.ids.indexOf(edited);
    expect(updated.clv12m[at]).not.toBe(run.scores.clv12m[before.clients.ids.indexOf(edited)]);
  });

  it('equals predicting everyone when the edit kept every client in place', () => {
    const asOfDay = toEpochDay(AS_OF);
    const before = buildSnapshot(records());
    const run = computeClv(before.transactions, { asOfDay, purchases: 'positive' });
    const { ids } = before.clients;
    const edited = 10;
    // One of the client's amounts is written over, as an invoice edit is patched in place.
    const amount = before.transactions.amount.slice();
    amount[before.transactions.offsets[edited]!] = 12_000;
    const transactions = { ...before.transactions, amount };

    const updated = updateClvScores(
      { ids, models: run.models, scores: run.scores },
      ids,
      transactions,
      {
        asOfDay,
        changedIds: new Set([ids[edited]!]),
      },
    );
    const expected = scoreClv(
      run.models,
      rfmColumns(transactions, { asOfDay, unit: run.models.unit, purchases: 'positive' }),
    );
    expect(updated).toEqual(expected);
    expect(updated.clv12m[edited]).not.toBe(run.scores.clv12m[edited]);
  });
});
