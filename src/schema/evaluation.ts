import * as z from 'zod';
import { clientIdSchema, entityFields, isoDateSchema, text, timestampSchema } from './common';
import { DIMENSIONS, tierLevelSchema } from './scoring-model';

/**
 * The classes an evaluation records, named as the engine names them (a test keeps the
 * lists identical; the schema may not import the engine).
 */
export const ABC = ['A', 'B', 'C'] as const;
export const SEGMENTS = [
  'champions',
  'loyal',
  'potentialLoyalist',
  'new',
  'promising',
  'needAttention',
  'aboutToSleep',
  'atRisk',
  'cantLoseThem',
  'hibernating',
  'lost',
  'none',
] as const;
export const STAGES = ['prospect', 'new', 'active', 'dormant', 'churned'] as const;

export const EVALUATION_TRIGGERS = ['manual', 'scheduled'] as const;

/** How often evaluations are taken automatically (`off`: only "Evaluate now"). */
export const EVALUATION_PERIODS = ['weekly', 'monthly', 'quarterly', 'off'] as const;
export type EvaluationPeriod = (typeof EVALUATION_PERIODS)[number];

const column = <T extends z.ZodType>(item: T) => z.array(item);
const percentScore = z.number().min(0).max(100);
const days = z.int().min(0).nullable();

/**
 * An evaluation (分层评估) as a backup holds it (docs/backup-format.md): every scored
 * client's standing as of a day, column by column, clients best first (rank = position
 * + 1). The database keeps the same columns packed (docs/storage.md).
 */
export const evaluationSchema = z
  .object({
    ...entityFields,
    asOf: isoDateSchema,
    takenAt: timestampSchema,
    trigger: z.enum(EVALUATION_TRIGGERS),
    label: text(200).default(''),
    modelId: z.string().min(1).max(100),
    modelUpdatedAt: timestampSchema,
    engineVersion: z.int().min(1),
    /** The model's tiers when it was taken, best first. */
    tiers: z
      .array(tierLevelSchema.pick({ id: true, names: true, colour: true }))
      .min(1)
      .max(8),
    clientIds: column(clientIdSchema),
    /** Index into `tiers`. */
    tier: column(z.int().min(0).max(7)),
    score: column(percentScore),
    // The columns below are absent in evaluations brought forward from backup format 2,
    // which recorded only tier, score and rank: "not recorded", never a made-up value.
    pinned: column(z.boolean()).optional(),
    abc: column(z.enum(ABC)).optional(),
    segment: column(z.enum(SEGMENTS)).optional(),
    lifecycle: column(z.enum(STAGES)).optional(),
    pActive: column(z.number().min(0).max(1).nullable()).optional(),
    churnWarning: column(z.boolean()).optional(),
    /** Net revenue in the model's window. */
    revenue: column(z.number().finite()).optional(),
    daysSincePurchase: column(days).optional(),
    daysSinceContact: column(days).optional(),
    dimensions: z
      .object(
        Object.fromEntries(
          DIMENSIONS.map((key) => [key, column(percentScore.nullable())]),
        ) as Record<(typeof DIMENSIONS)[number], z.ZodArray<z.ZodNullable<z.ZodNumber>>>, // one column per dimension key, built from the list
      )
      .optional(),
  })
  .superRefine((evaluation, ctx) => {
    const n = evaluation.clientIds.length;
    const columns: [string, unknown[] | undefined][] = [
      ['tier', evaluation.tier],
      ['pinned', evaluation.pinned],
      ['score', evaluation.score],
      ['abc', evaluation.abc],
      ['segment', evaluation.segment],
      ['lifecycle', evaluation.lifecycle],
      ['pActive', evaluation.pActive],
      ['churnWarning', evaluation.churnWarning],
      ['revenue', evaluation.revenue],
      ['daysSincePurchase', evaluation.daysSincePurchase],
      ['daysSinceContact', evaluation.daysSinceContact],
      ...Object.entries(evaluation.dimensions ?? {}).map(([key, values]): [string, unknown[]] => [
        `dimensions.${key}`,
        values,
      ]),
    ];
    for (const [name, values] of columns) {
      if (values !== undefined && values.length !== n) {
        ctx.addIssue({
          code: 'custom',
          path: name.split('.'),
          message: `Holds ${values.length} values for ${n} clients.`,
        });
      }
    }
    const tiers = evaluation.tiers.length;
    const outside = evaluation.tier.findIndex((t) => t >= tiers);
    if (outside >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['tier', outside],
        message: `Names tier ${(evaluation.tier[outside] ?? 0) + 1} of ${tiers}.`,
      });
    }
    if (new Set(evaluation.clientIds).size !== n) {
      ctx.addIssue({ code: 'custom', path: ['clientIds'], message: 'Lists a client twice.' });
    }
  });

export type EvaluationRecord = z.infer<typeof evaluationSchema>;
