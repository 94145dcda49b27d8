import * as z from 'zod';
import { compileCalendars } from '../../calendar/compileCalendars.js';
import { readDuration } from '../../calendar/duration.js';
import { formatDay, parseDay } from '../../calendar/localTime.js';
import { periodsBetween, type PeriodUnit } from '../../calendar/periods.js';
import { WorkingTime } from '../../calendar/workingTime.js';
import { invalidField, parseInput } from '../../core/validate.js';
import { BaselineTaskSchema } from '../../model/baseline.js';
import { IsoDateSchema, LocalDateTimeSchema } from '../../model/primitives.js';
import { durationSettingsOf, projectCalendarOf } from '../../schedule/_normalize.js';
import { ScheduleProjectSchema, type ScheduleProjectInput } from '../../schedule/scheduleInput.js';
import { scheduleProject, type ScheduleResult } from '../../schedule/scheduleProject.js';
import type { GanttLink, GanttRow, GanttView } from './ganttView.js';
import { isLocalDateTime } from './readGanttView.js';

/** A baseline to draw: start and finish by task id (what `saveBaseline` returns, or a stored baseline). */
export interface GanttBaseline {
  /** Tasks by id. */
  readonly tasks: Readonly<Record<string, { readonly start: string; readonly finish: string }>>;
}

/** Options of {@link buildGanttView}. */
export interface GanttViewOptions {
  /** The result of `scheduleProject(project)`, when you have it; scheduled here otherwise. */
  readonly schedule?: ScheduleResult;
  /** Baseline bars. */
  readonly baseline?: GanttBaseline;
  /** The today line, `YYYY-MM-DDTHH:mm`. */
  readonly today?: string;
  /** Column size of the time scale (default `'week'`). */
  readonly scale?: PeriodUnit;
  /** First day to show (default: the project start); widened to the start of its column. */
  readonly from?: string;
  /** Last day to show (default: the project finish); widened to the end of its column. */
  readonly to?: string;
}

const ScheduledRowSchema = z.looseObject({
  id: z.string(),
  summary: z.boolean(),
  milestone: z.boolean(),
  start: LocalDateTimeSchema,
  finish: LocalDateTimeSchema,
  duration: z.number(),
  totalFloat: z.number(),
  freeFloat: z.number(),
  critical: z.boolean(),
});
const ScheduleSchema = z.looseObject({ start: LocalDateTimeSchema, finish: LocalDateTimeSchema, criticalPath: z.array(z.string()), tasks: z.array(ScheduledRowSchema) });
const OptionsSchema = z.object({
  schedule: ScheduleSchema.optional(),
  baseline: z.looseObject({ tasks: z.record(z.string(), BaselineTaskSchema.pick({ start: true, finish: true }).loose()) }).optional(),
  today: LocalDateTimeSchema.optional(),
  scale: z.enum(['day', 'week', 'month']).default('week'),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

type ParsedProject = z.output<typeof ScheduleProjectSchema>;

// The options with a schedule already checked by hand (see readOptions).
const OptionsAroundScheduleSchema = OptionsSchema.extend({ schedule: z.unknown() });

/** A schedule row as `ScheduledRowSchema` takes it, checked by hand. */
function isScheduledRow(row: unknown): boolean {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
  const { id, summary, milestone, start, finish, duration, totalFloat, freeFloat, critical } = row as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    typeof summary === 'boolean' &&
    typeof milestone === 'boolean' &&
    isLocalDateTime(start) &&
    isLocalDateTime(finish) &&
    Number.isFinite(duration) &&
    Number.isFinite(totalFloat) &&
    Number.isFinite(freeFloat) &&
    typeof critical === 'boolean'
  );
}

/** Whether `schedule` passes `ScheduleSchema`, checked by hand; false when the schema must judge it. */
function isWellFormedSchedule(schedule: unknown): schedule is ScheduleResult {
  if (typeof schedule !== 'object' || schedule === null || Array.isArray(schedule)) return false;
  const { start, finish, criticalPath, tasks } = schedule as Record<string, unknown>;
  if (!isLocalDateTime(start) || !isLocalDateTime(finish) || !Array.isArray(criticalPath) || !Array.isArray(tasks)) return false;
  for (let i = 0; i < criticalPath.length; i++) if (typeof criticalPath[i] !== 'string') return false;
  for (let i = 0; i < tasks.length; i++) if (!isScheduledRow(tasks[i])) return false;
  return true;
}

/**
 * The parsed options. A schedule of 10,000 tasks costs zod more than building the view does, so a
 * well-formed one (what scheduleProject returns) is checked by hand and used as it is; the schema
 * reads the other options, and the schedule too when the hand check finds anything, so its errors
 * are the schema's.
 */
function readOptions(options: GanttViewOptions): Omit<z.output<typeof OptionsSchema>, 'schedule'> & { schedule?: ScheduleResult } {
  const schedule: unknown = typeof options === 'object' && options !== null ? options.schedule : undefined;
  if (!isWellFormedSchedule(schedule)) {
    const opts = parseInput(OptionsSchema, options, 'Gantt options');
    return { ...opts, schedule: opts.schedule as ScheduleResult | undefined };
  }
  return { ...parseInput(OptionsAroundScheduleSchema, options, 'Gantt options'), schedule };
}

/**
 * The data of a Gantt chart for a project: rows in outline order with WBS numbers, summary bars,
 * progress, critical flags, floats, baseline bars, deadline misses and constraint markers; links
 * with their type and lag; the time scale with the project calendar's non-working days to shade;
 * and the today line. Every Gantt adapter and the Gantt picture read this.
 *
 * @param project - what `scheduleProject` takes.
 * @throws `VALIDATION` for an invalid project or options, or a `schedule` of another project.
 * @example
 * ```ts
 * const view = buildGanttView(plan, { today: '2026-03-04T12:00', scale: 'day' });
 * view.rows[0]; // { id: 'launch', wbs: '1', level: 1, summary: true, … }
 * ```
 */
export function buildGanttView(project: ScheduleProjectInput, options: GanttViewOptions = {}): GanttView {
  const input = parseInput(ScheduleProjectSchema, project, 'project');
  const opts = readOptions(options);
  const schedule = opts.schedule ?? scheduleProject(project);
  if (schedule.tasks.length !== input.tasks.length || schedule.tasks.some((t, i) => t.id !== input.tasks[i]?.id)) {
    throw invalidField('Gantt options', ['schedule'], 'the schedule is not of this project: schedule it with scheduleProject(project) and pass the result');
  }
  const settings = durationSettingsOf(input);
  const index = new Map<string, number>();
  input.tasks.forEach((t, i) => index.set(t.id, i));
  const rows = outlineRows(input, index, schedule, opts.baseline);
  const links = input.links.map((link, i): GanttLink => {
    const lag = readDuration(link.lag ?? '0d', settings, ['links', i, 'lag']);
    const from = schedule.tasks[index.get(link.from) ?? -1];
    const minutes = lag.percent === undefined ? lag.minutes : Math.round(((from?.duration ?? 0) * lag.percent) / 100);
    return { id: `${link.from}->${link.to}`, from: link.from, to: link.to, type: link.type ?? 'FS', lag: minutes === 0 ? 0 : minutes, lagElapsed: lag.elapsed, lagUnit: lag.unit };
  });
  const first = opts.from ?? schedule.start.slice(0, 10);
  const last = opts.to ?? schedule.finish.slice(0, 10);
  if (last < first) throw invalidField('Gantt options', ['to'], `the last day shown (${last}) is before the first (${first})`);
  const ticks = periodsBetween(first, last, opts.scale);
  const from = ticks[0]?.start ?? first;
  const to = ticks[ticks.length - 1]?.end ?? last;
  return {
    from,
    to,
    start: schedule.start,
    finish: schedule.finish,
    today: opts.today ?? null,
    minutesPerDay: settings.minutesPerDay,
    rows,
    links,
    criticalPath: [...schedule.criticalPath],
    scale: { unit: opts.scale, ticks, nonWorking: nonWorkingRuns(input, from, to) },
  };
}

/** Rows in outline order (depth first, siblings in input order) with WBS numbers and rolled-up progress. */
function outlineRows(
  input: ParsedProject,
  index: ReadonlyMap<string, number>,
  schedule: ScheduleResult,
  baseline: { tasks: Record<string, { start: string; finish: string }> } | undefined,
): GanttRow[] {
  const n = input.tasks.length;
  const children: number[][] = Array.from({ length: n + 1 }, () => []);
  input.tasks.forEach((t, i) => (children[t.parent === undefined ? n : (index.get(t.parent) ?? n)] as number[]).push(i));
  // Project's summary % complete: actual duration over duration, summed over the leaves beneath.
  const done = new Float64Array(n);
  const total = new Float64Array(n);
  const percent = new Float64Array(n);
  const rollUp = (i: number): void => {
    const kids = children[i] as number[];
    const task = input.tasks[i];
    if (kids.length === 0) {
      const own = task?.percentComplete ?? (task?.actualFinish !== undefined ? 100 : 0);
      const duration = schedule.tasks[i]?.duration ?? 0;
      percent[i] = own;
      total[i] = duration;
      done[i] = (duration * own) / 100;
      return;
    }
    let d = 0;
    let t = 0;
    let plain = 0;
    for (const k of kids) {
      rollUp(k);
      d += done[k] as number;
      t += total[k] as number;
      plain += percent[k] as number;
    }
    done[i] = d;
    total[i] = t;
    // A summary of milestones only has no duration to weigh by: average its subtasks.
    percent[i] = t > 0 ? Math.round((d / t) * 10_000) / 100 : Math.round((plain / kids.length) * 100) / 100;
  };
  const rows: GanttRow[] = [];
  const visit = (i: number, wbs: string, level: number, parentId: string | null): void => {
    const task = input.tasks[i];
    const scheduled = schedule.tasks[i];
    if (task === undefined || scheduled === undefined) return;
    const saved = baseline?.tasks[task.id];
    const constraint = task.constraint;
    rows.push({
      id: task.id,
      name: task.name ?? task.id,
      wbs,
      level,
      parentId,
      summary: scheduled.summary,
      milestone: scheduled.milestone,
      manual: task.manual === true || task.placeholder === true,
      start: scheduled.start,
      finish: scheduled.finish,
      duration: scheduled.duration,
      percentComplete: percent[i] as number,
      critical: scheduled.critical,
      totalFloat: scheduled.totalFloat,
      freeFloat: scheduled.freeFloat,
      baseline: saved !== undefined && Object.hasOwn(baseline?.tasks ?? {}, task.id) ? { start: saved.start, finish: saved.finish } : null,
      deadline: task.deadline === undefined ? null : { date: task.deadline, missed: scheduled.finish > task.deadline },
      constraint: constraint === undefined || constraint.type === 'ASAP' ? null : { type: constraint.type, date: 'date' in constraint ? constraint.date : null },
    });
    (children[i] as number[]).forEach((k, j) => visit(k, `${wbs}.${j + 1}`, level + 1, task.id));
  };
  (children[n] as number[]).forEach((k) => rollUp(k));
  (children[n] as number[]).forEach((k, j) => visit(k, String(j + 1), 1, null));
  return rows;
}

/** Runs of whole non-working days on the project calendar between two days, inclusive. */
function nonWorkingRuns(input: ParsedProject, from: string, to: string): { start: string; end: string }[] {
  const spec = projectCalendarOf(input);
  const compiled = compileCalendars([spec, ...input.calendars.filter((c) => c.id !== spec.id)]).get(spec.id);
  if (compiled === undefined) return [];
  const time = new WorkingTime(compiled);
  const runs: { start: string; end: string }[] = [];
  const last = parseDay(to);
  let runStart = -1;
  for (let day = parseDay(from); day <= last + 1; day++) {
    const off = day <= last && time.periodsOn(day).length === 0;
    if (off && runStart < 0) runStart = day;
    if (!off && runStart >= 0) {
      runs.push({ start: formatDay(runStart), end: formatDay(day - 1) });
      runStart = -1;
    }
  }
  return runs;
}
