import * as z from 'zod/mini';
import { englishByDefault } from './zod-locale.js';

englishByDefault();

/**
 * One entry of a lead's stage history: the lead entered `stage` at `at`.
 *
 * @example
 * ```ts
 * StageChangeSchema.parse({ stage: 'Appointment Set', at: new Date('2026-03-02T15:00:00Z') });
 * ```
 */
export const StageChangeSchema = z.object({
  /** The stage entered, as the pipeline names it. */
  stage: z.string().check(z.minLength(1, 'stage must not be empty')),
  /** When the lead entered it (an instant). */
  at: z.date(),
});
/**
 * One entry of a lead's stage history (checked by `LeadSchema`).
 *
 * @example
 * ```ts
 * const change: StageChange = { stage: 'Follow-Up', at: new Date('2026-03-10T14:00:00Z') };
 * ```
 */
export type StageChange = z.infer<typeof StageChangeSchema>;

/**
 * One entry of a lead's owner history: the lead was assigned to `locator` at `at` (null = unassigned).
 *
 * @example
 * ```ts
 * OwnerChangeSchema.parse({ locator: 'Ana Souza', at: new Date('2026-03-01T09:05:00Z') });
 * ```
 */
export const OwnerChangeSchema = z.object({
  /** The person the lead was assigned to; `null` when it was unassigned. */
  locator: z.nullable(z.string()),
  /** When (an instant). */
  at: z.date(),
});
/**
 * One entry of a lead's owner history (checked by `LeadSchema`).
 *
 * @example
 * ```ts
 * const reassigned: OwnerChange = { locator: 'Ben Carter', at: new Date('2026-03-15T13:00:00Z') };
 * ```
 */
export type OwnerChange = z.infer<typeof OwnerChangeSchema>;

/**
 * A sales lead as every metric sees it. Instants are absolute `Date`s; wall-clock questions are always
 * answered in an explicit IANA time zone by the functions that ask them. Sources (`loadFiles`, the Zoho
 * adapter) return leads already checked against this schema; parse your own records with it once, where
 * they enter your program.
 *
 * @example
 * ```ts
 * const lead: Lead = LeadSchema.parse({
 *   id: '1042', name: 'Harbor Gym', locator: 'Ana Souza', stage: 'Appointment Set',
 *   createdAt: new Date('2026-03-01T14:00:00Z'), firstContactAt: new Date('2026-03-01T14:20:00Z'),
 *   appointmentAt: new Date('2026-03-10T15:00:00Z'),
 *   stageHistory: [{ stage: 'New', at: new Date('2026-03-01T14:00:00Z') },
 *                  { stage: 'Appointment Set', at: new Date('2026-03-02T10:00:00Z') }],
 * });
 * ```
 */
export const LeadSchema = z.object({
  /** Source id, always a string (Zoho ids exceed 2^53). */
  id: z.string().check(z.minLength(1, 'lead id must not be empty')),
  /** The lead's display name (a person or a business); `''` when unknown. */
  name: z.string(),
  /** The lead's company, where known. */
  company: z.nullish(z.string()),
  /** The person accountable for follow-up. */
  locator: z.nullable(z.string()),
  /** The locator's team, where known (response figures can be filtered by it). */
  team: z.nullish(z.string()),
  /** Where the lead came from (web form, referral, …), where known. */
  source: z.nullish(z.string()),
  /** The current stage (used when the history is empty). */
  stage: z.string().check(z.minLength(1, 'stage must not be empty')),
  /** When the lead arrived ("received"). */
  createdAt: z.date(),
  /** When the lead was first assigned, where known. */
  assignedAt: z.nullish(z.date()),
  /** First outbound touch; null = never contacted. */
  firstContactAt: z.nullable(z.date()),
  /** The scheduled appointment; null = not an appointed lead. */
  appointmentAt: z.nullable(z.date()),
  /** Ascending by `at`. */
  stageHistory: z.array(StageChangeSchema),
  /** Ascending by `at`. */
  ownerHistory: z.optional(z.array(OwnerChangeSchema)),
});
/**
 * A sales lead (see {@link LeadSchema} for every field).
 *
 * @example
 * ```ts
 * const appointed = (leads: Lead[]) => leads.filter((lead) => lead.appointmentAt !== null);
 * ```
 */
export type Lead = z.infer<typeof LeadSchema>;
