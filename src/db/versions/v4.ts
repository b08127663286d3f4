import type { SchemaVersion } from './types';
import { v3 } from './v3';

/** An evaluation as versions 1–3 stored it (nothing wrote them but a restored backup). */
interface OldEvaluation {
  id: string;
  asOf: string;
  label?: string;
  modelId: string;
  entries?: { clientId: string; tierId: string; score: number; rank: number }[];
  createdAt: string;
  updatedAt: string;
}

/**
 * Version 4: evaluations are kept as columns. `evaluations` holds what identifies each one
 * (as of, when taken, the model, its tiers and how many clients each held) and
 * `evaluationColumns`, under the same id, the clients' columns packed into bytes.
 * An evaluation of the old shape (one entry object per client: tier, score and rank only;
 * nothing but a restored backup wrote them) is brought forward as the backup format's
 * migration from version 2 brings one forward (`entriesToColumns`; a step never imports
 * live code, so the rule is written again here), its columns kept as they were ("plain",
 * best first): the tiers are those its entries name, in the order they first appear,
 * named by their ids; it was taken when created, by hand, by engine version 3.
 */
export const v4: SchemaVersion = Object.freeze<SchemaVersion>({
  version: 4,
  stores: Object.freeze({ ...v3.stores, evaluationColumns: 'id' }),
  upgrade: async (tx) => {
    const old: OldEvaluation[] = await tx.table('evaluations').toArray();
    for (const evaluation of old) {
      if (!Array.isArray(evaluation.entries)) continue;
      const { entries, ...rest } = evaluation;
      const sorted = [...entries].sort((a, b) => a.rank - b.rank);
      const tierIds = [...new Set(sorted.map((e) => e.tierId))];
      const tier = sorted.map((e) => tierIds.indexOf(e.tierId));
      await tx.table('evaluations').put({
        ...rest,
        label: rest.label ?? '',
        takenAt: rest.createdAt,
        trigger: 'manual',
        modelUpdatedAt: rest.createdAt,
        engineVersion: 3,
        tiers: tierIds.map((id) => ({ id, names: { en: id, 'zh-CN': id }, colour: '#888888' })),
        clients: sorted.length,
        tierCounts: tierIds.map((_, t) => tier.filter((x) => x === t).length),
      });
      await tx.table('evaluationColumns').put({
        id: evaluation.id,
        plain: {
          clientIds: sorted.map((e) => e.clientId),
          tier,
          score: sorted.map((e) => e.score),
        },
      });
    }
  },
});
