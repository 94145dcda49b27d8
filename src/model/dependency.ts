import * as z from 'zod';
import { CampaignIdSchema, DependencyIdSchema, TaskIdSchema } from './ids.js';
import { DurationInputSchema } from './primitives.js';

/**
 * Link types: finish-to-start (the successor starts after the predecessor finishes), start-to-start,
 * finish-to-finish and start-to-finish.
 */
export const LINK_TYPES = ['FS', 'SS', 'FF', 'SF'] as const;
/** One of {@link LINK_TYPES}. */
export type LinkType = (typeof LINK_TYPES)[number];
/** A link type. */
export const LinkTypeSchema = z.enum(LINK_TYPES);

/** A dependency between two tasks of one campaign. */
export const DependencySchema = z
  .object({
    /** Id. */
    id: DependencyIdSchema,
    /** The campaign both tasks belong to. */
    campaignId: CampaignIdSchema,
    /** Predecessor task. */
    from: TaskIdSchema,
    /** Successor task. */
    to: TaskIdSchema,
    /** Link type (default finish-to-start). */
    type: LinkTypeSchema.default('FS'),
    /** Lag (positive) or lead (negative), e.g. `'2d'`, `'-1d'`, `'50%'`. */
    lag: DurationInputSchema.default('0d'),
  })
  .refine((d) => d.from !== d.to, { message: 'a task cannot depend on itself', path: ['to'] });
/** A dependency, as stored. */
export type Dependency = z.infer<typeof DependencySchema>;
/** A dependency, as accepted on input. */
export type DependencyInput = z.input<typeof DependencySchema>;
