import * as z from 'zod';
import { CalendarSchema } from '../../model/calendar.js';
import { TaskIdSchema } from '../../model/ids.js';
import { IsoDateSchema, LocalDateTimeSchema, PercentSchema } from '../../model/primitives.js';
import { STATUS_CATEGORIES } from '../../model/task.js';

/**
 * What a progress chart counts: `work` (remaining working minutes, duration × (1 − percent
 * complete)), `tasks` (one per task) or `points` (story points).
 */
export const SERIES_MEASURES = ['work', 'tasks', 'points'] as const;
/** One of {@link SERIES_MEASURES}. */
export type SeriesMeasure = (typeof SERIES_MEASURES)[number];

/**
 * One fact about a task, as read from the audit trail: it was `added` to the campaign, some of its
 * fields `changed`, or it was `removed`. A `changed` fact carries only the fields that changed; an
 * `added` fact carries the task's first values (absent ones are `todo`, 0 minutes, 0 %, 0 points).
 */
export const TaskFactSchema = z.object({
  /** When it happened, local `YYYY-MM-DDTHH:mm`; the day is what places it on the chart. */
  at: LocalDateTimeSchema,
  /** The task. */
  taskId: TaskIdSchema,
  /** What happened to the task. */
  kind: z.enum(['added', 'changed', 'removed']),
  /** Status category from then on; `cancelled` takes the task out of scope until it is reopened. */
  statusCategory: z.enum(STATUS_CATEGORIES).optional(),
  /** Planned duration from then on, in working minutes. */
  duration: z.int('a duration is a whole number of working minutes').min(0, 'a duration cannot be negative').optional(),
  /** Percent complete (0–100) from then on. */
  percentComplete: PercentSchema.optional(),
  /** Story points from then on. */
  points: z.number().finite().min(0, 'story points cannot be negative').optional(),
});
/** A task fact, as accepted on input. */
export type TaskFactInput = z.input<typeof TaskFactSchema>;
/** A task fact, parsed. */
export type TaskFact = z.output<typeof TaskFactSchema>;

/**
 * Input of {@link burnChart} and {@link cumulativeFlow}: a campaign's working calendar, the days to
 * chart, the measure, and the history of its tasks.
 */
export const TaskHistoryInputSchema = z
  .object({
    /** The campaign's working calendar; `STANDARD_CALENDAR` (Monday to Friday) when absent. */
    calendar: CalendarSchema.optional(),
    /** The calendars `calendar` derives from, if it is a derived calendar. */
    calendars: z.array(CalendarSchema).default([]),
    /** First day to chart, `YYYY-MM-DD`. */
    from: IsoDateSchema,
    /** Last day to chart (inclusive), `YYYY-MM-DD`. */
    to: IsoDateSchema,
    /** What to count; `tasks` by default. */
    measure: z.enum(SERIES_MEASURES).default('tasks'),
    /** The facts, in time order (they are sorted by `at`, equal times keeping their order); facts before `from` set the starting state. */
    facts: z.array(TaskFactSchema),
  })
  .refine((i) => i.from <= i.to, { message: '`to` must not be before `from`', path: ['to'] });
/** Input of {@link burnChart} and {@link cumulativeFlow}, as accepted. */
export type TaskHistoryInput = z.input<typeof TaskHistoryInputSchema>;
/** Input of {@link burnChart} and {@link cumulativeFlow}, parsed. */
export type TaskHistory = z.output<typeof TaskHistoryInputSchema>;
