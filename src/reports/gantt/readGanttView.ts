import * as z from 'zod';
import { invalidField, parseInput } from '../../core/validate.js';
import { LINK_TYPES, LinkTypeSchema } from '../../model/dependency.js';
import { DURATION_UNITS, finishesBeforeStart, IsoDateSchema, LocalDateTimeSchema, SUPPORTED_YEARS } from '../../model/primitives.js';
import { CONSTRAINT_TYPES } from '../../model/task.js';

/**
 * A `GanttView` (what `buildGanttView` returns) checked where the Gantt adapters, the Gantt picture
 * and the Mermaid export read it: they are public functions, and a hand-built or stale view must
 * fail with a `VALIDATION` error naming the field rather than draw nonsense or crash a component in
 * the browser. Extra fields are kept.
 *
 * The schemas say what a view is; `readWellFormed` below reads the usual view by hand with the same
 * rules, because zod takes longer over 10,000 rows than drawing them does. Change both together.
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

// ---------------------------------------------------------------------------------------------
// The hand reader. It accepts a subset of what the schemas accept and returns what zod would: a
// copy with the declared keys in schema order, then the caller's extra keys (`looseObject` copies
// them, all but `__proto__`). Whatever it does not accept, an error or a valid but unusual form
// (seconds, a holey array), goes through the schemas, so errors are exactly theirs.

type Loose = Record<string, unknown>;

const keysOf = (schema: { readonly shape: object }): ReadonlySet<string> => new Set(Object.keys(schema.shape));
const { scale: ScaleSchema } = ViewSchema.shape;
const ROW_KEYS = keysOf(RowSchema);
const BASELINE_KEYS = keysOf(RowSchema.shape.baseline.unwrap());
const DEADLINE_KEYS = keysOf(RowSchema.shape.deadline.unwrap());
const CONSTRAINT_KEYS = keysOf(RowSchema.shape.constraint.unwrap());
const LINK_KEYS = keysOf(LinkSchema);
const VIEW_KEYS = keysOf(ViewSchema);
const SCALE_KEYS = keysOf(ScaleSchema);
const TICK_KEYS = keysOf(ScaleSchema.shape.ticks.element);
const RUN_KEYS = keysOf(ScaleSchema.shape.nonWorking.element);
const SCALE_UNITS = new Set<unknown>(ScaleSchema.shape.unit.options);
const CONSTRAINT_SET = new Set<unknown>(CONSTRAINT_TYPES);
const LINK_TYPE_SET = new Set<unknown>(LINK_TYPES);
const DURATION_UNIT_SET = new Set<unknown>(DURATION_UNITS);

/** What zod's object schemas take: any non-null object but an array. */
function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `parsed` with the keys of `input` that its schema does not declare, as `looseObject` copies them. */
function withExtras<T extends object>(parsed: T, input: Loose, declared: ReadonlySet<string>): T {
  const out: Loose = parsed as Loose;
  for (const key in input) {
    if (!declared.has(key) && key !== '__proto__') out[key] = input[key];
  }
  return parsed;
}

function isText(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

/** `z.number()`: a finite number. */
function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `z.int()`: a safe integer. */
function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function isOneOf<T extends string>(values: ReadonlySet<unknown>, value: unknown): value is T {
  return values.has(value);
}

/** The number written by `count` decimal digits of `text` from `start`, or -1 if one is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Minutes since 1970-01-01T00:00 of a `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm` in the supported years,
 * the forms buildGanttView writes, read digit by digit; `NaN` for any other text, even a valid one
 * (seconds, 24:00), which the caller reads the slow way. Where it is a number it is
 * `localDateTimeMinutes(text)`, without that function's regex and `Date` object: the Gantt picture
 * reads some 40,000 date-times.
 */
export function plainDateTimeMinutes(text: string): number {
  if ((text.length !== 10 && text.length !== 16) || text[4] !== '-' || text[7] !== '-') return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (text.length === 10) return Date.UTC(year, month - 1, day) / 60_000;
  if (text[10] !== 'T' || text[13] !== ':') return Number.NaN;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute) / 60_000;
}

/** `IsoDateSchema`, without its regexes for a plain `YYYY-MM-DD`. */
function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  return (value.length === 10 && !Number.isNaN(plainDateTimeMinutes(value))) || IsoDateSchema.safeParse(value).success;
}

/** `LocalDateTimeSchema`, read by hand for `YYYY-MM-DDTHH:mm` (what the scheduler writes); other forms go to the schema. */
export function isLocalDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  return (value.length === 16 && !Number.isNaN(plainDateTimeMinutes(value))) || LocalDateTimeSchema.safeParse(value).success;
}

/** Each item read by `read`, or undefined when the array is not one or an item does not read. */
function readAll<T>(input: unknown, read: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(input)) return undefined;
  const out: T[] = [];
  for (let i = 0; i < input.length; i++) {
    const item = read(input[i]);
    if (item === undefined) return undefined;
    out.push(item);
  }
  return out;
}

// For the nullable parts of a row: `null` is a value, `undefined` means "does not read".

function readBaseline(input: unknown): GanttRowInput['baseline'] | undefined {
  if (input === null) return null;
  if (!isObject(input)) return undefined;
  const { start, finish } = input;
  return isLocalDateTime(start) && isLocalDateTime(finish) ? withExtras({ start, finish }, input, BASELINE_KEYS) : undefined;
}

function readDeadline(input: unknown): GanttRowInput['deadline'] | undefined {
  if (input === null) return null;
  if (!isObject(input)) return undefined;
  const { date, missed } = input;
  return isLocalDateTime(date) && typeof missed === 'boolean' ? withExtras({ date, missed }, input, DEADLINE_KEYS) : undefined;
}

function readConstraint(input: unknown): GanttRowInput['constraint'] | undefined {
  if (input === null) return null;
  if (!isObject(input)) return undefined;
  const { type, date } = input;
  if (!isOneOf<(typeof CONSTRAINT_TYPES)[number]>(CONSTRAINT_SET, type) || !(date === null || isLocalDateTime(date))) return undefined;
  return withExtras({ type, date }, input, CONSTRAINT_KEYS);
}

function readRow(input: unknown): GanttRowInput | undefined {
  if (!isObject(input)) return undefined;
  const { id, name, wbs, level, parentId, summary, milestone, manual, start, finish, duration, percentComplete, critical } = input;
  const fieldsRead =
    isText(id, 1, 200) &&
    isText(name, 0, 500) &&
    isText(wbs, 0, 200) &&
    isInt(level) &&
    level >= 1 &&
    (parentId === null || typeof parentId === 'string') &&
    typeof summary === 'boolean' &&
    typeof milestone === 'boolean' &&
    typeof manual === 'boolean' &&
    isLocalDateTime(start) &&
    isLocalDateTime(finish) &&
    isNumber(duration) &&
    duration >= 0 &&
    isNumber(percentComplete) &&
    percentComplete >= 0 &&
    percentComplete <= 100 &&
    typeof critical === 'boolean';
  if (!fieldsRead) return undefined;
  const baseline = readBaseline(input.baseline);
  const deadline = readDeadline(input.deadline);
  const constraint = readConstraint(input.constraint);
  if (baseline === undefined || deadline === undefined || constraint === undefined) return undefined;
  const row = { id, name, wbs, level, parentId, summary, milestone, manual, start, finish, duration, percentComplete, critical, baseline, deadline, constraint };
  return withExtras(row, input, ROW_KEYS);
}

function readLink(input: unknown): GanttLinkInput | undefined {
  if (!isObject(input)) return undefined;
  const { id, from, to, type, lag, lagElapsed, lagUnit } = input;
  const fieldsRead =
    isText(id, 1, 500) &&
    isText(from, 1, 200) &&
    isText(to, 1, 200) &&
    isOneOf<(typeof LINK_TYPES)[number]>(LINK_TYPE_SET, type) &&
    isNumber(lag) &&
    typeof lagElapsed === 'boolean' &&
    isOneOf<(typeof DURATION_UNITS)[number]>(DURATION_UNIT_SET, lagUnit);
  return fieldsRead ? withExtras({ id, from, to, type, lag, lagElapsed, lagUnit }, input, LINK_KEYS) : undefined;
}

function readTick(input: unknown): GanttViewInput['scale']['ticks'][number] | undefined {
  if (!isObject(input)) return undefined;
  const { key, start, end } = input;
  return isText(key, 0, 20) && isIsoDate(start) && isIsoDate(end) ? withExtras({ key, start, end }, input, TICK_KEYS) : undefined;
}

function readRun(input: unknown): GanttViewInput['scale']['nonWorking'][number] | undefined {
  if (!isObject(input)) return undefined;
  const { start, end } = input;
  return isIsoDate(start) && isIsoDate(end) ? withExtras({ start, end }, input, RUN_KEYS) : undefined;
}

function readScale(input: unknown): GanttViewInput['scale'] | undefined {
  if (!isObject(input)) return undefined;
  const { unit } = input;
  if (!isOneOf<GanttViewInput['scale']['unit']>(SCALE_UNITS, unit)) return undefined;
  const ticks = readAll(input.ticks, readTick);
  const nonWorking = readAll(input.nonWorking, readRun);
  return ticks === undefined || nonWorking === undefined ? undefined : withExtras({ unit, ticks, nonWorking }, input, SCALE_KEYS);
}

/** The view as `ViewSchema` would parse it, read by hand; undefined for anything the schema must judge. */
function readWellFormed(view: unknown): GanttViewInput | undefined {
  if (!isObject(view)) return undefined;
  const { from, to, start, today, minutesPerDay } = view;
  const fieldsRead =
    isIsoDate(from) && isIsoDate(to) && isLocalDateTime(start) && (today === null || isLocalDateTime(today)) && isInt(minutesPerDay) && minutesPerDay >= 1 && minutesPerDay <= 1440;
  if (!fieldsRead) return undefined;
  const rows = readAll(view.rows, readRow);
  const links = rows === undefined ? undefined : readAll(view.links, readLink);
  const scale = links === undefined ? undefined : readScale(view.scale);
  if (rows === undefined || links === undefined || scale === undefined) return undefined;
  return withExtras({ from, to, start, today, minutesPerDay, rows, links, scale }, view, VIEW_KEYS);
}

/**
 * Whether a row finishes before it starts. Two `YYYY-MM-DDTHH:mm` texts compare in time order as
 * plain strings, which spares reading 20,000 dates; other forms are compared as instants.
 */
function rowFinishesBeforeStart(row: GanttRowInput): boolean {
  return row.start.length === 16 && row.finish.length === 16 ? row.finish < row.start : finishesBeforeStart(row.start, row.finish);
}

/**
 * Parses a Gantt view for an adapter and checks what a schema cannot: unique row ids, each parent
 * an earlier row (outline order, so a component's tree can be built in one pass), links between
 * rows, no bar that finishes before it starts.
 */
export function readGanttView(view: unknown): GanttViewInput {
  const parsed = readWellFormed(view) ?? parseInput(ViewSchema, view, 'Gantt view');
  const seen = new Set<string>();
  parsed.rows.forEach((row, i) => {
    if (seen.has(row.id)) throw invalidField('Gantt view', ['rows', i, 'id'], `row id ${row.id} appears twice: build the view with buildGanttView`);
    if (row.parentId !== null && !seen.has(row.parentId)) {
      throw invalidField('Gantt view', ['rows', i, 'parentId'], `parent ${row.parentId} is not a row above this one: rows come in outline order, each summary before its subtasks`);
    }
    if (rowFinishesBeforeStart(row)) throw invalidField('Gantt view', ['rows', i, 'finish'], 'a row cannot finish before it starts');
    seen.add(row.id);
  });
  parsed.links.forEach((link, i) => {
    if (!seen.has(link.from)) throw invalidField('Gantt view', ['links', i, 'from'], `link from ${link.from}, which is not a row`);
    if (!seen.has(link.to)) throw invalidField('Gantt view', ['links', i, 'to'], `link to ${link.to}, which is not a row`);
  });
  return parsed;
}
