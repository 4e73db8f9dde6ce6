import { z } from 'zod';

/** One entry of a lead's stage history: the lead entered `stage` at `at`. */
export const StageChangeSchema = z.object({
  stage: z.string().min(1, 'stage must not be empty'),
  at: z.date(),
});
export type StageChange = z.infer<typeof StageChangeSchema>;

/** One entry of a lead's owner history: the lead was assigned to `locator` at `at` (null = unassigned). */
export const OwnerChangeSchema = z.object({
  locator: z.string().nullable(),
  at: z.date(),
});
export type OwnerChange = z.infer<typeof OwnerChangeSchema>;

/**
 * A sales lead as every metric sees it. Instants are absolute `Date`s; wall-clock questions are always
 * answered in an explicit IANA time zone by the functions that ask them.
 */
export const LeadSchema = z.object({
  /** Source id, always a string (Zoho ids exceed 2^53). */
  id: z.string().min(1, 'lead id must not be empty'),
  name: z.string(),
  company: z.string().nullish(),
  /** The person accountable for follow-up. */
  locator: z.string().nullable(),
  team: z.string().nullish(),
  source: z.string().nullish(),
  /** The current stage (used when the history is empty). */
  stage: z.string().min(1, 'stage must not be empty'),
  /** When the lead arrived ("received"). */
  createdAt: z.date(),
  /** When the lead was first assigned, where known. */
  assignedAt: z.date().nullish(),
  /** First outbound touch; null = never contacted. */
  firstContactAt: z.date().nullable(),
  /** The scheduled appointment; null = not an appointed lead. */
  appointmentAt: z.date().nullable(),
  /** Ascending by `at`. */
  stageHistory: z.array(StageChangeSchema),
  /** Ascending by `at`. */
  ownerHistory: z.array(OwnerChangeSchema).optional(),
});
export type Lead = z.infer<typeof LeadSchema>;
