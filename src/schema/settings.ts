import * as z from 'zod';
import { entityFields } from './common';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The one settings record of a workspace; its id is always `SETTINGS_ID`. */
export const SETTINGS_ID = 'workspace';

export const settingsSchema = z.object({
  ...entityFields,
  id: z.literal(SETTINGS_ID),
  /** Unset: follow the browser's language. */
  locale: z.enum(LOCALES).optional(),
  theme: z.enum(THEMES).default('system'),
  /** ISO 4217 code every amount is in. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: 'Use a three-letter currency code such as USD or CNY.' })
    .default('USD'),
  /** One client's share of 12-month revenue, in %, above which the dashboard warns (unset: 30). */
  concentrationWarningPercent: z.number().min(1).max(100).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
