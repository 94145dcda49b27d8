import * as z from 'zod';
import { CalendarIdSchema, CampaignIdSchema, MemberIdSchema, StageIdSchema, TaskIdSchema } from './ids.js';
import { DurationInputSchema, finishesBeforeStart, LocalDateTimeSchema, NameSchema, PercentSchema, TagsSchema } from './primitives.js';

/** Fixed status categories every custom status maps to, so reports work everywhere. */
export const STATUS_CATEGORIES = ['backlog', 'todo', 'in_progress', 'in_review', 'done', 'cancelled'] as const;
/** One of {@link STATUS_CATEGORIES}. */
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** Task priorities. */
export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
/** One of {@link PRIORITIES}. */
export type Priority = (typeof PRIORITIES)[number];

/** Microsoft Project's eight constraint types. */
export const CONSTRAINT_TYPES = ['ASAP', 'ALAP', 'SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO'] as const;
/** One of {@link CONSTRAINT_TYPES}. */
export type ConstraintType = (typeof CONSTRAINT_TYPES)[number];

/**
 * A scheduling constraint. `ASAP`/`ALAP` take no date; the others (start/finish no earlier/later
 * than, must start/finish on) need one.
 */
export const ConstraintSchema = z.discriminatedUnion('type', [
  z.object({
    /** As soon as possible (the default) or as late as possible. */
    type: z.enum(['ASAP', 'ALAP']),
  }),
  z.object({
    /** Start/finish no earlier/later than, must start/finish on. */
    type: z.enum(['SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO']),
    /** The constraint date-time (local). */
    date: LocalDateTimeSchema,
  }),
]);
/** A scheduling constraint. */
export type Constraint = z.infer<typeof ConstraintSchema>;

/** One item of a task's checklist. */
export const ChecklistItemSchema = z.object({
  /** Id, unique within the task. */
  id: z.string().min(1).max(100),
  /** What to check. */
  text: z.string().min(1).max(2000),
  /** Whether it is done. */
  done: z.boolean().default(false),
});
/** One item of a task's checklist. */
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** A task (or a summary task, when others name it as `parentId`) within a campaign. */
export const TaskSchema = z
  .object({
    /** Id. */
    id: TaskIdSchema,
    /** The campaign the task belongs to. */
    campaignId: CampaignIdSchema,
    /** Parent summary task (work breakdown structure). */
    parentId: TaskIdSchema.optional(),
    /** Display name. */
    name: NameSchema,
    /** Details. */
    description: z.string().max(20000).optional(),
    /** Task type, selecting its status workflow (e.g. `task`, `creative`, `approval`). */
    type: z.string().min(1).max(100).default('task'),
    /** Accountable member. */
    ownerId: MemberIdSchema.optional(),
    /** Members doing the work. */
    assigneeIds: z.array(MemberIdSchema).default([]),
    /** Process stage the task implements. */
    stageId: StageIdSchema.optional(),
    /** Planned duration in working time, e.g. `'3d'`; `'0d'` for a milestone. */
    duration: DurationInputSchema.default('1d'),
    /** A milestone (zero duration, shown as a diamond). */
    milestone: z.boolean().default(false),
    /** Scheduled start (derived by the scheduler). */
    start: LocalDateTimeSchema.optional(),
    /** Scheduled finish (derived by the scheduler). */
    finish: LocalDateTimeSchema.optional(),
    /** Custom status name from the task type's workflow. */
    status: z.string().min(1).max(100).default('todo'),
    /** The fixed category of `status`. */
    statusCategory: z.enum(STATUS_CATEGORIES).default('todo'),
    /** Priority. */
    priority: z.enum(PRIORITIES).default('medium'),
    /**
     * On a recurring task's summary: the RFC 5545 rule (`FREQ=WEEKLY;BYDAY=MO;COUNT=8`) and the
     * first occurrence's start; its subtasks are the occurrences.
     */
    recurrence: z.object({ rule: z.string().min(1).max(500), start: LocalDateTimeSchema }).optional(),
    /** Checklist. */
    checklist: z.array(ChecklistItemSchema).default([]),
    /** Scheduling constraint (default as soon as possible). */
    constraint: ConstraintSchema.optional(),
    /** Deadline: does not move the task, but a finish after it is reported. */
    deadline: LocalDateTimeSchema.optional(),
    /** Task calendar; defaults to the campaign's. */
    calendarId: CalendarIdSchema.optional(),
    /** Percent complete 0–100. */
    percentComplete: PercentSchema.default(0),
    /** When work actually started. */
    actualStart: LocalDateTimeSchema.optional(),
    /** When work actually finished. */
    actualFinish: LocalDateTimeSchema.optional(),
    /** Channel the task serves, for swimlanes and reports. */
    channel: z.string().min(1).max(100).optional(),
    /** Story points (relative size), for burndown and burnup charts measured in points. */
    storyPoints: z.number().min(0).max(10_000).optional(),
    /** Free-form labels. */
    tags: TagsSchema.default([]),
  })
  .refine((t) => t.parentId === undefined || t.parentId !== t.id, {
    message: 'a task cannot be its own parent',
    path: ['parentId'],
  })
  .refine((t) => t.actualFinish === undefined || t.actualStart !== undefined, {
    message: 'actualFinish needs actualStart',
    path: ['actualFinish'],
  })
  .refine((t) => !finishesBeforeStart(t.actualStart, t.actualFinish), {
    message: 'actualFinish must not be before actualStart',
    path: ['actualFinish'],
  });
/** A task, as stored. */
export type Task = z.infer<typeof TaskSchema>;
/** A task, as accepted on input. */
export type TaskInput = z.input<typeof TaskSchema>;
