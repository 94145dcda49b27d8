import * as z from 'zod';
import { IsoDateSchema, LocalDateTimeSchema } from '../../model/primitives.js';

/**
 * The parts of a `GanttView` (what `buildGanttView` returns) that the Gantt picture and the Mermaid
 * export read, checked before drawing so a hand-made or stored view fails with a `VALIDATION` error
 * naming the field instead of drawing nonsense. Extra fields are kept.
 */
export const GanttViewSchema = z.looseObject({
  /** First day shown. */
  from: IsoDateSchema,
  /** Last day shown. */
  to: IsoDateSchema,
  /** The today line, or null. */
  today: LocalDateTimeSchema.nullable(),
  /** Rows in outline order. */
  rows: z.array(
    z.looseObject({
      /** Task id. */
      id: z.string().min(1).max(200),
      /** Display name. */
      name: z.string().max(500),
      /** Outline number. */
      wbs: z.string().max(200),
      /** Outline level, 1 at the top. */
      level: z.number().int().min(1).max(100),
      /** A summary task. */
      summary: z.boolean(),
      /** A milestone. */
      milestone: z.boolean(),
      /** Scheduled start. */
      start: LocalDateTimeSchema,
      /** Scheduled finish. */
      finish: LocalDateTimeSchema,
      /** Percent complete 0–100. */
      percentComplete: z.number().min(0).max(100),
      /** On the critical path. */
      critical: z.boolean(),
      /** The baseline bar, or null. */
      baseline: z.looseObject({ start: LocalDateTimeSchema, finish: LocalDateTimeSchema }).nullable(),
      /** The deadline and whether the finish misses it, or null. */
      deadline: z.looseObject({ date: LocalDateTimeSchema, missed: z.boolean() }).nullable(),
      /** A constraint other than as soon as possible, or null. */
      constraint: z.looseObject({ type: z.string().max(20), date: LocalDateTimeSchema.nullable() }).nullable(),
    }),
  ),
  /** Dependencies. */
  links: z.array(
    z.looseObject({
      /** Stable id. */
      id: z.string().max(500),
      /** Predecessor id. */
      from: z.string(),
      /** Successor id. */
      to: z.string(),
      /** Link type. */
      type: z.enum(['FS', 'SS', 'FF', 'SF']),
    }),
  ),
  /** The time scale. */
  scale: z.looseObject({
    /** Column size. */
    unit: z.enum(['day', 'week', 'month']),
    /** The columns. */
    ticks: z.array(z.looseObject({ key: z.string().max(20), start: IsoDateSchema, end: IsoDateSchema })),
    /** Non-working runs to shade. */
    nonWorking: z.array(z.looseObject({ start: IsoDateSchema, end: IsoDateSchema })),
  }),
});

/** A view as checked by {@link GanttViewSchema}: the fields the pictures and exports read. */
export type CheckedGanttView = z.output<typeof GanttViewSchema>;
/** One row of a {@link CheckedGanttView}. */
export type CheckedGanttRow = CheckedGanttView['rows'][number];
/** One link of a {@link CheckedGanttView}. */
export type CheckedGanttLink = CheckedGanttView['links'][number];
