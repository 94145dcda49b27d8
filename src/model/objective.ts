import * as z from 'zod';
import { KeyResultIdSchema, MemberIdSchema, ObjectiveIdSchema } from './ids.js';
import { IsoDateSchema, NameSchema } from './primitives.js';
import { MetricIdSchema } from './kpi.js';

/**
 * Where an objective's progress comes from: entered by hand, its key results (each measuring a
 * metric), its child objectives, or the completion of its tasks or milestones.
 */
export const PROGRESS_SOURCES = ['manual', 'keyResults', 'children', 'tasks', 'milestones'] as const;
/** One of {@link PROGRESS_SOURCES}. */
export type ProgressSource = (typeof PROGRESS_SOURCES)[number];

/** A measurable key result of an objective. */
export const KeyResultSchema = z.object({
  /** Id. */
  id: KeyResultIdSchema,
  /** Statement, e.g. "5,000 qualified leads". */
  name: NameSchema,
  /** Metric measured, if any. */
  metric: MetricIdSchema.optional(),
  /** Value at the start of the period. */
  start: z.number().default(0),
  /** Value that means 100 % (below `start` for a goal that should decrease, such as CPL). */
  target: z.number(),
  /** Latest value. */
  current: z.number().default(0),
  /** Weight among the objective's key results (0–1). */
  weight: z.number().min(0).max(1).default(1),
});
/** A key result. */
export type KeyResult = z.infer<typeof KeyResultSchema>;
/** A key result, as accepted on input. */
export type KeyResultInput = z.input<typeof KeyResultSchema>;

/** An objective (OKR), possibly a child of a broader one. */
export const ObjectiveSchema = z
  .object({
    /** Id. */
    id: ObjectiveIdSchema,
    /** Parent objective (strategy level above). */
    parentId: ObjectiveIdSchema.optional(),
    /** Statement. */
    name: NameSchema,
    /** Accountable member. */
    ownerId: MemberIdSchema.optional(),
    /** First day of the period. */
    periodStart: IsoDateSchema,
    /** Last day of the period. */
    periodEnd: IsoDateSchema,
    /** Weight of this objective's contribution to its parent (0–1). */
    weight: z.number().min(0).max(1).default(1),
    /** Where progress comes from. */
    progressSource: z.enum(PROGRESS_SOURCES).default('keyResults'),
    /** Progress 0–1 when `progressSource` is `manual`. */
    manualProgress: z.number().min(0).max(1).optional(),
    /** Key results. */
    keyResults: z.array(KeyResultSchema).default([]),
  })
  .refine((o) => o.periodStart <= o.periodEnd, { message: 'periodEnd must not be before periodStart', path: ['periodEnd'] });
/** An objective. */
export type Objective = z.infer<typeof ObjectiveSchema>;
/** An objective, as accepted on input. */
export type ObjectiveInput = z.input<typeof ObjectiveSchema>;
