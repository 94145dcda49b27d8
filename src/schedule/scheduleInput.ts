import * as z from 'zod';
import { CalendarSchema } from '../model/calendar.js';
import { LinkTypeSchema } from '../model/dependency.js';
import { DurationInputSchema, DurationSettingsSchema, finishesBeforeStart, LocalDateTimeSchema } from '../model/primitives.js';
import { ConstraintSchema } from '../model/task.js';

/** A task to schedule. Summary tasks are the ones other tasks name as `parent`. */
export const ScheduleTaskSchema = z.object({
  /** Unique id. */
  id: z.string().min(1).max(200),
  /** Display name (carried through to Gantt rows). */
  name: z.string().max(500).optional(),
  /** Duration in working time (`'3d'`, `'4h'`) or elapsed (`'2ed'`); default `'1d'`, ignored for summaries. */
  duration: DurationInputSchema.optional(),
  /** Parent summary task (work breakdown structure). */
  parent: z.string().min(1).max(200).optional(),
  /** A milestone: zero duration, may sit at the end of a working day. */
  milestone: z.boolean().optional(),
  /** Manually scheduled: keeps its `start` and `finish`, links do not move it. */
  manual: z.boolean().optional(),
  /**
   * A manually scheduled task whose dates are not decided yet (Microsoft Project's placeholder, with
   * blank Start and Finish): drawn from `start` (default: the project start) for its duration, but
   * never critical. Implies `manual`.
   */
  placeholder: z.boolean().optional(),
  /** Start of a manually scheduled task. */
  start: LocalDateTimeSchema.optional(),
  /** Finish of a manually scheduled task (default: start + duration). */
  finish: LocalDateTimeSchema.optional(),
  /** Scheduling constraint (default as soon as possible). */
  constraint: ConstraintSchema.optional(),
  /** Deadline: late dates respect it and a finish after it is reported, but it does not move the task. */
  deadline: LocalDateTimeSchema.optional(),
  /** Id of the task's calendar (default: the project calendar). */
  calendar: z.string().min(1).max(200).optional(),
  /** When work actually started. */
  actualStart: LocalDateTimeSchema.optional(),
  /** When work actually finished. */
  actualFinish: LocalDateTimeSchema.optional(),
  /** Percent complete 0–100; above 0 the task counts as started. */
  percentComplete: z.number().min(0).max(100).optional(),
  /** Remaining duration (default: duration × (1 − percentComplete / 100)). */
  remainingDuration: DurationInputSchema.optional(),
  /** Interruptions: after `after` of work the task pauses for `gap` of working time (Project's split tasks). */
  splits: z
    .array(
      z.object({
        /** Work done before the pause. */
        after: DurationInputSchema,
        /** Length of the pause, in working time on the task's calendar. */
        gap: DurationInputSchema,
      }),
    )
    .optional(),
  /**
   * Resource assignments that drive the task's dates: each needs `work / units` of time on its own
   * calendar, and the task finishes when the last one does (Project's fixed-units tasks).
   */
  assignments: z
    .array(
      z.object({
        /** The resource (for reports). */
        resource: z.string().min(1).max(200).optional(),
        /** The resource's calendar id (default: the task's calendar). */
        calendar: z.string().min(1).max(200).optional(),
        /** Work, e.g. `'24h'`. */
        work: DurationInputSchema,
        /** Units: 1 = full time, 0.5 = half time (default 1). */
        units: z.number().positive().max(100).optional(),
      }),
    )
    .optional(),
});
/** A task to schedule. */
export type ScheduleTaskInput = z.input<typeof ScheduleTaskSchema>;

/** A dependency to schedule. */
export const ScheduleLinkSchema = z.object({
  /** Predecessor id (a task or a summary). */
  from: z.string().min(1).max(200),
  /** Successor id (a task or a summary). */
  to: z.string().min(1).max(200),
  /** Link type (default `'FS'`). */
  type: LinkTypeSchema.optional(),
  /** Lag or lead: `'2d'`, `'-1d'`, `'4h'`, `'1ed'`, `'50%'` (of the predecessor's duration); counted on the successor's calendar. */
  lag: DurationInputSchema.optional(),
});
/** A dependency to schedule. */
export type ScheduleLinkInput = z.input<typeof ScheduleLinkSchema>;

/** Project-wide scheduling settings (Microsoft Project's options); the day, week and month lengths default to 480, 2400 and 20. */
export const ScheduleSettingsSchema = DurationSettingsSchema.partial().extend({
  /** A task is critical when its total float is at most this many minutes (default 0). */
  criticalSlack: z.number().optional(),
});

/** Input of {@link scheduleProject}. */
export const ScheduleProjectSchema = z
  .object({
    /** Project start, local `YYYY-MM-DDTHH:mm`; tasks without predecessors start at the next working time from here. */
    start: LocalDateTimeSchema,
    /** The project calendar (a calendar object, or the id of one in `calendars`); default Standard. */
    calendar: z.union([z.string().min(1), CalendarSchema.loose()]).optional(),
    /** Calendars tasks and derived calendars refer to by id. */
    calendars: z.array(CalendarSchema.loose()).default([]),
    /** Scheduling settings. */
    settings: ScheduleSettingsSchema.default({}),
    /** Tasks; results come back in this order. */
    tasks: z.array(ScheduleTaskSchema),
    /** Dependencies between tasks (or summaries). */
    links: z.array(ScheduleLinkSchema).default([]),
  })
  .superRefine((input, ctx) => {
    input.tasks.forEach((task, i) => {
      if (task.manual && !task.placeholder && task.start === undefined) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'start'], message: 'a manually scheduled task needs a start' });
      }
      if ((task.manual || task.placeholder) && finishesBeforeStart(task.start, task.finish)) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'finish'], message: 'a manually scheduled task cannot finish before it starts' });
      }
      if (task.actualFinish !== undefined && task.actualStart === undefined) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'actualFinish'], message: 'actualFinish needs actualStart' });
      }
      if (finishesBeforeStart(task.actualStart, task.actualFinish)) {
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'actualFinish'], message: 'actualFinish must not be before actualStart' });
      }
    });
  });
/** Input of {@link scheduleProject}. */
export type ScheduleProjectInput = z.input<typeof ScheduleProjectSchema>;
