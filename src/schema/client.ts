import * as z from 'zod';
import { clientIdSchema, entityFields, ratingSchema, text, timestampSchema } from './common';

/** The brief's four need types (客户需求). */
export const NEED_TYPES = ['price', 'quality', 'service', 'features'] as const;
export type NeedType = (typeof NEED_TYPES)[number];

export const COMPANY_SIZES = ['solo', 'small', 'medium', 'large'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

/** A manual tier chosen by the user; it overrides the computed score tier until removed. */
export const tierPinSchema = z.object({
  tierId: z.string().min(1).max(40),
  reason: text(500).min(1),
  pinnedAt: timestampSchema,
});

/**
 * The client profile (客户档案). Ratings are optional on purpose: "not rated" is
 * different from a rating of 1, and scoring treats it as missing, not as low.
 */
export const clientSchema = z.object({
  ...entityFields,
  id: clientIdSchema,
  name: text(200).min(1),
  company: text(200).default(''),
  email: z.union([z.literal(''), z.email().max(254)]).default(''),
  phone: text(50).default(''),
  industry: text(100).default(''),
  region: text(100).default(''),
  size: z.enum(COMPANY_SIZES).optional(),
  source: text(100).default(''),
  tags: z.array(text(50).min(1)).max(50).default([]),
  notes: text(20_000).default(''),
  needType: z.enum(NEED_TYPES).optional(),
  needStrength: ratingSchema.optional(),
  needUrgency: ratingSchema.optional(),
  budget: ratingSchema.optional(),
  growthRoom: ratingSchema.optional(),
  influence: ratingSchema.optional(),
  /** The client who referred this one (referrals given are counted on the referrer). */
  referredById: clientIdSchema.optional(),
  /** Archived clients are kept with all their records but are not scored or listed. */
  archived: z.boolean().default(false),
  pin: tierPinSchema.optional(),
});

export type Client = z.infer<typeof clientSchema>;
export type ClientInput = z.input<typeof clientSchema>;
