import type { TierwiseDb } from '$db/database';
import { readActiveModel } from '$db/model-repository';
import { tierUp, type TierUp } from '$engine/index';
import type { ScoringService } from './scoring-service';

/**
 * What would lift one client a tier (`tierUp`), from the scores the page holds
 * (`computedAt`). Null when the client is not in them, is at the top, or the model changed
 * since they were computed (new scores are on their way).
 */
export async function clientTierUp(
  db: TierwiseDb,
  scoring: Pick<ScoringService, 'scores'>,
  clientId: string,
  computedAt: string,
): Promise<TierUp | null> {
  const [scores, model] = await Promise.all([scoring.scores(computedAt), readActiveModel(db)]);
  if (scores === null || scores.modelUpdatedAt !== model.updatedAt) return null;
  const at = scores.clientIds.indexOf(clientId);
  return at < 0 ? null : tierUp(scores, model.definition, at);
}
