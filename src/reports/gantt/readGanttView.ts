import * as z from 'zod';
import { invalidField, parseInput } from '../../core/validate.js';
import { LinkTypeSchema } from '../../model/dependency.js';
import { DURATION_UNITS, finishesBeforeStart, IsoDateSchema, LocalDateTimeSchema } from '../../model/primitives.js';
import { CONSTRAINT_TYPES } from '../../model/task.js';

/**
 * A `GanttView` (what `buildGanttView` returns) checked where the Gantt adapters, the Gantt picture
 * and the Mermaid export read it: they are public functions, and a hand-built or stale view must
 * fail with a `VALIDATION` error naming the field rather than draw nonsense or crash a component in
 * the browser. Extra fields are kept.
 */

const RowSchema = z.looseObject({
  id: z.string().min(1).max(200),
  name: z.string().max(500),
  wbs: z.string().max(200),
  level: z.int().min(1),
  parentId: z.string().nullable(),
  summary: z.boolean(),
  milestone: z.boolean(),
  manual: z.boolean(),
  start: LocalDateTimeSchema,
  finish: LocalDateTimeSchema,
  duration: z.number().min(0).finite(),
  percentComplete: z.number().min(0).max(100),
  critical: z.boolean(),
  baseline: z.looseObject({ start: LocalDateTimeSchema, finish: LocalDateTimeSchema }).nullable(),
  deadline: z.looseObject({ date: LocalDateTimeSchema, missed: z.boolean() }).nullable(),
  constraint: z.looseObject({ type: z.enum(CONSTRAINT_TYPES), date: LocalDateTimeSchema.nullable() }).nullable(),
});

const LinkSchema = z.looseObject({
  id: z.string().min(1).max(500),
  from: z.string().min(1).max(200),
  to: z.string().min(1).max(200),
  type: LinkTypeSchema,
  lag: z.number().finite(),
  lagElapsed: z.boolean(),
  lagUnit: z.enum(DURATION_UNITS),
});

const ViewSchema = z.looseObject({
  from: IsoDateSchema,
  to: IsoDateSchema,
  start: LocalDateTimeSchema,
  today: LocalDateTimeSchema.nullable(),
  minutesPerDay: z.int().min(1).max(1440),
  rows: z.array(RowSchema),
  links: z.array(LinkSchema),
  scale: z.looseObject({
    unit: z.enum(['day', 'week', 'month']),
    ticks: z.array(z.looseObject({ key: z.string().max(20), start: IsoDateSchema, end: IsoDateSchema })),
    nonWorking: z.array(z.looseObject({ start: IsoDateSchema, end: IsoDateSchema })),
  }),
});

/** A Gantt view as the adapters and pictures read it. */
export type GanttViewInput = z.output<typeof ViewSchema>;
/** One row of {@link GanttViewInput}. */
export type GanttRowInput = GanttViewInput['rows'][number];
/** One link of {@link GanttViewInput}. */
export type GanttLinkInput = GanttViewInput['links'][number];

/**
 * Parses a Gantt view for an adapter and checks what a schema cannot: unique row ids, each parent
 * an earlier row (outline order, so a component's tree can be built in one pass), links between
 * rows, no bar that finishes before it starts.
 */
export function readGanttView(view: unknown): GanttViewInput {
  const parsed = parseInput(ViewSchema, view, 'Gantt view');
  const seen = new Set<string>();
  parsed.rows.forEach((row, i) => {
    if (seen.has(row.id)) throw invalidField('Gantt view', ['rows', i, 'id'], `row id ${row.id} appears twice: build the view with buildGanttView`);
    if (row.parentId !== null && !seen.has(row.parentId)) {
      throw invalidField('Gantt view', ['rows', i, 'parentId'], `parent ${row.parentId} is not a row above this one: rows come in outline order, each summary before its subtasks`);
    }
    if (finishesBeforeStart(row.start, row.finish)) throw invalidField('Gantt view', ['rows', i, 'finish'], 'a row cannot finish before it starts');
    seen.add(row.id);
  });
  parsed.links.forEach((link, i) => {
    if (!seen.has(link.from)) throw invalidField('Gantt view', ['links', i, 'from'], `link from ${link.from}, which is not a row`);
    if (!seen.has(link.to)) throw invalidField('Gantt view', ['links', i, 'to'], `link to ${link.to}, which is not a row`);
  });
  return parsed;
}
