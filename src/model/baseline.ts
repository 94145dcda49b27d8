import * as z from 'zod';
import { CampaignIdSchema, MemberIdSchema } from './ids.js';
import { InstantSchema, LocalDateTimeSchema } from './primitives.js';

/** Id of a {@link StoredBaseline}. */
export const BaselineIdSchema = z.string().min(1, 'id must not be empty').max(200).brand<'BaselineId'>().describe('BaselineId');

/** One task as it stood when a baseline was saved. */
export const BaselineTaskSchema = z.object({
  /** Start, `YYYY-MM-DDTHH:mm`. */
  start: LocalDateTimeSchema,
  /** Finish. */
  finish: LocalDateTimeSchema,
  /** Duration in minutes. */
  duration: z.number(),
});

/** A baseline's name: Microsoft Project's are `Baseline` and `Baseline1` … `Baseline10`; any name is kept. */
export const BaselineNameSchema = z.string().trim().min(1, 'a baseline needs a name').max(100);

/**
 * A named baseline a workspace keeps for a campaign: the start, finish and duration of every task
 * when it was saved, to measure slippage against. Saving again under the same name replaces it,
 * as Project's "Set Baseline" does.
 */
export const StoredBaselineSchema = z.object({
  /** Id. */
  id: BaselineIdSchema,
  /** The campaign. */
  campaignId: CampaignIdSchema,
  /** Name, unique in the campaign. */
  name: BaselineNameSchema,
  /** When it was saved. */
  savedAt: InstantSchema,
  /** Who saved it. */
  savedBy: MemberIdSchema,
  /** Tasks by id. */
  tasks: z.record(z.string(), BaselineTaskSchema),
});
/** A named baseline a workspace keeps for a campaign. */
export type StoredBaseline = z.infer<typeof StoredBaselineSchema>;
