import { DIMENSION_KEYS, type MetricKey, type ScoringDefinition } from '$engine/model';

/** The profile fields the model's metrics read, each by the metric that needs it. */
export const PROFILE_FIELDS = [
  'needType',
  'needStrength',
  'needUrgency',
  'budget',
  'growthRoom',
  'influence',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

const FIELD_OF: Partial<Record<MetricKey, ProfileField>> = {
  needTypeFit: 'needType',
  needStrength: 'needStrength',
  needUrgency: 'needUrgency',
  budget: 'budget',
  growthRoom: 'growthRoom',
  influence: 'influence',
};

/** What the check reads of a client. */
export type ProfiledClient = { id: string; archived?: boolean | undefined } & Partial<
  Record<ProfileField, unknown>
>;

/** A profile field the model weighs, and the clients (not archived) who lack it. */
export interface MissingField {
  field: ProfileField;
  clientIds: string[];
}

/**
 * The profile fields the model scores with (a metric of weight above 0 in a dimension of
 * weight above 0) in `PROFILE_FIELDS` order, each with the clients who lack it. A missing
 * rating scores as "no data", not as low, so these clients are ranked on less than the
 * model was set up to weigh. Fields no client lacks are left out.
 */
export function neededFields(definition: Pick<ScoringDefinition, 'dimensions'>): ProfileField[] {
  const needed = new Set<ProfileField>();
  for (const key of DIMENSION_KEYS) {
    const dimension = definition.dimensions[key];
    if (dimension.weight <= 0) continue;
    for (const metric of dimension.metrics) {
      const field = FIELD_OF[metric.metric];
      if (field && metric.weight > 0) needed.add(field);
    }
  }
  return PROFILE_FIELDS.filter((f) => needed.has(f));
}

export function findMissingFields(
  clients: readonly ProfiledClient[],
  definition: Pick<ScoringDefinition, 'dimensions'>,
): MissingField[] {
  const active = clients.filter((c) => c.archived !== true);
  return neededFields(definition)
    .map((field) => ({
      field,
      clientIds: active.filter((c) => c[field] === undefined || c[field] === null).map((c) => c.id),
    }))
    .filter((m) => m.clientIds.length > 0);
}
