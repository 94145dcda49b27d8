import * as z from 'zod';
import { BaselineTaskSchema } from '../../model/baseline.js';
import { LocalDateTimeSchema } from '../../model/primitives.js';
import { ScheduleProjectSchema } from '../../schedule/scheduleInput.js';

/** The options {@link parseMspdi} accepts. */
export const ParseMspdiOptionsSchema = z.object({
  maxBytes: z.int().min(1).optional(),
  maxReferences: z.int().min(0).optional(),
});

const ProjectNameSchema = z.string().max(500);

/** What {@link toMspdi} writes: a `scheduleProject` input with an optional name. */
export const MspdiInputSchema = ScheduleProjectSchema.safeExtend({ name: ProjectNameSchema.optional() });

/** The fields of a computed schedule {@link toMspdi} writes; the rest of a `ScheduleResult` is kept as is. */
const ScheduleShapeSchema = z
  .object({
    finish: LocalDateTimeSchema,
    tasks: z.array(
      z
        .object({
          id: z.string(),
          start: LocalDateTimeSchema,
          finish: LocalDateTimeSchema,
          earlyStart: LocalDateTimeSchema,
          earlyFinish: LocalDateTimeSchema,
          lateStart: LocalDateTimeSchema,
          lateFinish: LocalDateTimeSchema,
          totalFloat: z.number(),
          freeFloat: z.number(),
          critical: z.boolean(),
        })
        .loose(),
    ),
  })
  .loose();

/** The options {@link toMspdi} accepts. */
export const ToMspdiOptionsSchema = z.object({
  name: ProjectNameSchema.optional(),
  schedule: ScheduleShapeSchema.optional(),
  // MSPDI has Baseline (0) and Baseline1 … Baseline10.
  baselines: z.array(z.object({ number: z.int().min(0).max(10), baseline: z.object({ tasks: z.record(z.string(), BaselineTaskSchema) }).loose() })).optional(),
});

/** The document {@link parseMspdi} reads: XML text. */
export const MspdiDocumentSchema = z.string();
