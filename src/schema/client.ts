import * as z from 'zod';
import {
  clientIdSchema,
  entityFields,
  isoDateSchema,
  ratingSchema,
  text,
  timestampSchema,
} from './common';
import { cadenceDaysSchema } from './playbook';

/** The brief's four need types (客户需求). */
export const NEED_TYPES = ['price', 'quality', 'service', 'features'] as const;
export type NeedType = (typeof NEED_TYPES)[number];

export const COMPANY_SIZES = ['solo', 'small', 'medium', 'large'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

/**
 * A manual tier chosen by the user; it overrides the computed score tier until removed,
 * or, when it has an `until` day, through that day only (scores as of a later day show it
 * expired and use the computed tier).
 */
export const tierPinSchema = z
  .object({
    tierId: z.string().min(1).max(40),
    reason: text(500).min(1),
    pinnedAt: timestampSchema,
    /** The last day the pin holds (YYYY-MM-DD); absent: until removed. */
    until: isoDateSchema.optional(),
  })
  .refine((pin) => pin.until === undefined || pin.until >= pin.pinnedAt.slice(0, 10), {
    message: 'The pin cannot end before the day it was set.',
    path: ['until'],
  });

/** A follow-up put off until `until` (the day it is due again), with why. */
export const followUpSnoozeSchema = z.object({
  until: isoDateSchema,
  reason: text(200).min(1),
  snoozedAt: timestampSchema,
});
export type FollowUpSnooze = z.infer<typeof followUpSnoozeSchema>;

/** An email address, or nothing. */
const emailSchema = z.union([z.literal(''), z.email().max(254)]);

/** A person to reach at the client: who they are, and how. */
export const contactPersonSchema = z.object({
  name: text(200).min(1),
  role: text(100).default(''),
  email: emailSchema.default(''),
  phone: text(50).default(''),
  /** The one to reach first; exactly one of a client's contact persons is. */
  primary: z.boolean().default(false),
});
export type ContactPerson = z.infer<typeof contactPersonSchema>;

/** A client's contact persons: at most 20, exactly one primary when there are any. */
export const contactPersonsSchema = z
  .array(contactPersonSchema)
  .max(20)
  .refine((people) => people.length === 0 || people.filter((p) => p.primary).length === 1, {
    message: 'Mark exactly one contact person as primary.',
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
  email: emailSchema.default(''),
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
  /** The people to reach at the client (absent on clients saved before there were any). */
  contacts: contactPersonsSchema.optional(),
  /**
   * The internal hourly rate the profit measure prices this client's hours at, in the
   * workspace currency; absent: the model's default (Settings).
   */
  hourlyRate: z.number().finite().min(0).max(1e6).optional(),
  /** Days between follow-ups for this client; absent: its tier's playbook (docs/follow-ups.md). */
  cadenceDays: cadenceDaysSchema.optional(),
  /** The follow-up put off, if any; it is due again from `until` on. */
  followUpSnooze: followUpSnoozeSchema.optional(),
});

export type Client = z.infer<typeof clientSchema>;
export type ClientInput = z.input<typeof clientSchema>;

/** One tag as a form gives it: trimmed, 1 to 50 characters (as in the client profile). */
export const tagSchema = clientSchema.shape.tags.unwrap().element;
