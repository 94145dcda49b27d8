import * as z from 'zod';
import { InstantSchema, LocalDateTimeSchema } from '../model/primitives.js';
import { STATUS_CATEGORIES } from '../model/task.js';
import { timeOf } from './_dates.js';

const IdSchema = z.string().min(1).max(200);

/**
 * A point in time: an instant with offset (`2026-03-02T09:00:00Z`) or a local date-time
 * (`2026-03-02T09:00`, read as UTC). Use one form throughout a data set: mixing them shifts
 * durations by the zone offset. A bare date `2026-03-02` means its start, except for `due`,
 * where it means the end of that day.
 */
export const TeamTimeSchema = z.union([InstantSchema, LocalDateTimeSchema]);

/** What team metrics read about a task: who, which stage, and when it was assigned, started, finished and due. */
export const TeamTaskRecordSchema = z
  .object({
    /** Task id. */
    id: IdSchema,
    /** Campaign the task belongs to. */
    campaignId: IdSchema,
    /** People doing the task; each one is credited with it. */
    assigneeIds: z.array(IdSchema).max(100).default([]),
    /** Team responsible. */
    team: IdSchema.optional(),
    /** Process stage, for cycle time per stage. */
    stageId: IdSchema.optional(),
    /** Status category; `done` is finished, `cancelled` is left out of every metric. */
    statusCategory: z.enum(STATUS_CATEGORIES),
    /** When the task was assigned. */
    assignedAt: TeamTimeSchema.optional(),
    /** When work started. */
    startedAt: TeamTimeSchema.optional(),
    /** When it was finished (required for a `done` task to count in a period). */
    finishedAt: TeamTimeSchema.optional(),
    /** When it was due; a bare date means the end of that day. */
    due: TeamTimeSchema.optional(),
  })
  .refine((t) => t.startedAt === undefined || t.finishedAt === undefined || timeOf(t.startedAt) <= timeOf(t.finishedAt), {
    message: 'finishedAt must not be before startedAt',
    path: ['finishedAt'],
  });
/** A task record for team metrics. */
export type TeamTaskRecord = z.infer<typeof TeamTaskRecordSchema>;
/** A task record for team metrics, as accepted on input. */
export type TeamTaskRecordInput = z.input<typeof TeamTaskRecordSchema>;
