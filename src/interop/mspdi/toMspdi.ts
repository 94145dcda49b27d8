import { DEFAULT_DURATION_SETTINGS, resolveDuration, type DurationSettings } from '../../calendar/duration.js';
import { STANDARD_CALENDAR } from '../../calendar/standardCalendars.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../calendar/workingCalendar.js';
import type { CalendarInput } from '../../model/calendar.js';
import type { DurationInput } from '../../model/primitives.js';
import type { Baseline } from '../../schedule/baseline.js';
import { parseInput } from '../../core/validate.js';
import type { ScheduleLinkInput, ScheduleProjectInput, ScheduleTaskInput } from '../../schedule/scheduleInput.js';
import type { ScheduleResult } from '../../schedule/scheduleProject.js';
import { CONSTRAINTS_BY_CODE, FORMAT_OF_UNIT, ID_ATTRIBUTE_ALIAS, ID_ATTRIBUTE_FIELD, LINK_TYPES_BY_CODE } from './_codes.js';
import { formatIsoDuration } from './_duration.js';
import { outlineOrder } from './_outlineOrder.js';
import { MspdiInputSchema, ToMspdiOptionsSchema } from './_schemas.js';
import { writeCalendar } from './_writeCalendar.js';
import { XmlWriter } from './_xmlWriter.js';

/** Options of {@link toMspdi}. */
export interface ToMspdiOptions {
  /** Project name (default: the input's `name`, or "campaignkit"). */
  readonly name?: string;
  /** A computed schedule of the same input, whose dates, floats and critical flags are written too. */
  readonly schedule?: ScheduleResult;
  /** Baselines to write, by number (0 = "Baseline"). */
  readonly baselines?: readonly { readonly number: number; readonly baseline: Baseline }[];
}

const dateTime = (local: string | undefined): string | undefined => (local === undefined ? undefined : `${local.length === 10 ? `${local}T00:00` : local.slice(0, 16)}:00`);

// A number as MSPDI writes a UID, so that it reads back as the same id ("7", not "007").
const NUMERIC_ID = /^(?:0|[1-9]\d{0,8})$/;

/** Integer UIDs for ids: numeric ids keep their number, others are numbered after the largest. */
function uids(ids: readonly string[]): Map<string, number> {
  let next = 1;
  for (const id of ids) if (NUMERIC_ID.test(id)) next = Math.max(next, Number(id) + 1);
  return new Map(ids.map((id) => [id, NUMERIC_ID.test(id) ? Number(id) : next++]));
}

/** Links grouped by their successor. */
function linksInto(links: readonly ScheduleLinkInput[]): Map<string, ScheduleLinkInput[]> {
  const into = new Map<string, ScheduleLinkInput[]>();
  for (const link of links) {
    const list = into.get(link.to);
    if (list === undefined) into.set(link.to, [link]);
    else list.push(link);
  }
  return into;
}

function minutesOf(input: DurationInput | undefined, settings: DurationSettings): { minutes: number; format: number; percent?: number } {
  const resolved = resolveDuration(input ?? '0d', settings);
  return { minutes: resolved.minutes, format: FORMAT_OF_UNIT[resolved.unit], ...(resolved.percent === undefined ? {} : { percent: resolved.percent }) };
}

/**
 * Writes a `scheduleProject` input as Microsoft Project XML (MSPDI) that Microsoft Project and
 * MPXJ open: calendars (with work weeks and recurring exceptions), tasks in outline order with
 * durations in their units, constraints, deadlines, actuals, links with lags, resource assignments,
 * split tasks, and optionally a computed schedule and baselines. {@link parseMspdi} reads it back to
 * the same input (numeric ids stay as they are; other task ids travel in an extended attribute).
 *
 * Throws `VALIDATION` for input `scheduleProject` would refuse, a parent that is not a task or a
 * duplicate task id; `CYCLE` for tasks that are each other's parents; `LIMIT_EXCEEDED` for an
 * outline deeper than 100 levels.
 *
 * @example
 * ```ts
 * const xml = toMspdi(plan, { schedule: scheduleProject(plan) });
 * parseMspdi(xml).tasks.map((t) => t.id); // the ids of plan.tasks
 * ```
 */
export function toMspdi(input: ScheduleProjectInput & { readonly name?: string }, toOptions: ToMspdiOptions = {}): string {
  const project = parseInput(MspdiInputSchema, input, 'MSPDI project');
  const options = parseInput(ToMspdiOptionsSchema, toOptions, 'MSPDI options');
  const settings: DurationSettings = { ...DEFAULT_DURATION_SETTINGS, ...(project.settings ?? {}) };
  const projectCalendar: CalendarInput =
    project.calendar === undefined ? STANDARD_CALENDAR : typeof project.calendar === 'string' ? ((project.calendars ?? []).find((c) => c.id === project.calendar) ?? STANDARD_CALENDAR) : project.calendar;
  const calendars = [projectCalendar, ...(project.calendars ?? []).filter((c) => c.id !== projectCalendar.id)];
  const calendarUid = uids(calendars.map((c) => c.id));
  const tasks = outlineOrder(project.tasks);
  const taskUid = uids(tasks.map(({ task }) => task.id));
  const needsIdAttribute = tasks.some(({ task }) => String(taskUid.get(task.id)) !== task.id);
  const linksByTask = linksInto(project.links);
  const scheduled = new Map((options.schedule?.tasks ?? []).map((t) => [t.id, t]));
  const resources = [...new Set(project.tasks.flatMap((t) => (t.assignments ?? []).map((a) => a.resource ?? `${t.id}/${a.calendar ?? ''}`)))];

  const w = new XmlWriter();
  w.open('Project', ' xmlns="http://schemas.microsoft.com/project"');
  w.leaf('SaveVersion', 14).leaf('Name', options.name ?? project.name ?? 'campaignkit').leaf('ScheduleFromStart', 1);
  w.leaf('StartDate', dateTime(project.start)).leaf('FinishDate', dateTime(options.schedule?.finish));
  w.leaf('CriticalSlackLimit', (project.settings?.criticalSlack ?? 0) / settings.minutesPerDay).leaf('CalendarUID', calendarUid.get(projectCalendar.id));
  w.leaf('MinutesPerDay', settings.minutesPerDay).leaf('MinutesPerWeek', settings.minutesPerWeek).leaf('DaysPerMonth', settings.daysPerMonth);
  w.leaf('DurationFormat', 7).leaf('NewTasksAreManual', 0);
  if (needsIdAttribute) {
    w.open('ExtendedAttributes').open('ExtendedAttribute').leaf('FieldID', ID_ATTRIBUTE_FIELD).leaf('FieldName', 'Text1').leaf('Alias', ID_ATTRIBUTE_ALIAS).close('ExtendedAttribute').close('ExtendedAttributes');
  }
  w.open('Calendars');
  for (const calendar of calendars) writeCalendar(w, calendar, calendarUid);
  w.close('Calendars');

  w.open('Tasks');
  tasks.forEach(({ task, level, summary, outline }, position) => {
    const done = scheduled.get(task.id);
    const duration = minutesOf(task.duration ?? (task.milestone ? '0d' : '1d'), settings);
    w.open('Task').leaf('UID', taskUid.get(task.id)).leaf('ID', position + 1).leaf('Name', task.name ?? task.id).leaf('Type', 0).leaf('IsNull', 0);
    w.leaf('OutlineNumber', outline).leaf('OutlineLevel', level).leaf('Summary', summary ? 1 : 0).leaf('Milestone', task.milestone ? 1 : 0);
    w.leaf('Manual', task.manual || task.placeholder ? 1 : 0);
    // Blank start and finish texts mark a placeholder whose dates are not decided; Start and Finish
    // then say where it is drawn.
    if (task.placeholder) w.leaf('StartText', '').leaf('FinishText', '');
    const start = task.placeholder ? (task.start ?? done?.start) : task.manual ? task.start : done?.start;
    const finish = task.placeholder ? (task.finish ?? done?.finish) : task.manual ? task.finish : done?.finish;
    w.leaf('Start', dateTime(start)).leaf('Finish', dateTime(finish));
    if (!summary) w.leaf('Duration', formatIsoDuration(duration.minutes)).leaf('DurationFormat', duration.format);
    if (done) {
      w.leaf('EarlyStart', dateTime(done.earlyStart)).leaf('EarlyFinish', dateTime(done.earlyFinish)).leaf('LateStart', dateTime(done.lateStart)).leaf('LateFinish', dateTime(done.lateFinish));
      w.leaf('TotalSlack', Math.round(done.totalFloat * 10)).leaf('FreeSlack', Math.round(done.freeFloat * 10)).leaf('Critical', done.critical ? 1 : 0);
    }
    const constraint = task.constraint;
    w.leaf('ConstraintType', CONSTRAINTS_BY_CODE.indexOf(constraint?.type ?? 'ASAP'));
    if (constraint && 'date' in constraint) w.leaf('ConstraintDate', dateTime(constraint.date));
    w.leaf('Deadline', dateTime(task.deadline)).leaf('CalendarUID', task.calendar === undefined ? -1 : calendarUid.get(task.calendar));
    w.leaf('ActualStart', dateTime(task.actualStart)).leaf('ActualFinish', dateTime(task.actualFinish)).leaf('PercentComplete', task.percentComplete);
    if (task.remainingDuration !== undefined) w.leaf('RemainingDuration', formatIsoDuration(minutesOf(task.remainingDuration, settings).minutes));
    if (needsIdAttribute) w.open('ExtendedAttribute').leaf('FieldID', ID_ATTRIBUTE_FIELD).leaf('Value', task.id).close('ExtendedAttribute');
    for (const link of linksByTask.get(task.id) ?? []) {
      const lag = minutesOf(link.lag, settings);
      w.open('PredecessorLink').leaf('PredecessorUID', taskUid.get(link.from)).leaf('Type', LINK_TYPES_BY_CODE.indexOf(link.type ?? 'FS')).leaf('CrossProject', 0);
      w.leaf('LinkLag', lag.percent === undefined ? Math.round(lag.minutes * 10) : lag.percent).leaf('LagFormat', lag.format).close('PredecessorLink');
    }
    for (const { number, baseline } of options.baselines ?? []) {
      const saved = Object.hasOwn(baseline.tasks, task.id) ? baseline.tasks[task.id] : undefined;
      if (saved) w.open('Baseline').leaf('Number', number).leaf('Start', dateTime(saved.start)).leaf('Finish', dateTime(saved.finish)).leaf('Duration', formatIsoDuration(saved.duration)).close('Baseline');
    }
    w.close('Task');
  });
  w.close('Tasks');

  writeResourcesAndAssignments(w, project, tasks.map(({ task }) => task), taskUid, calendarUid, resources, projectCalendar, calendars);
  w.close('Project');
  return w.toString();
}

function writeResourcesAndAssignments(
  w: XmlWriter,
  project: ScheduleProjectInput,
  tasks: readonly ScheduleTaskInput[],
  taskUid: Map<string, number>,
  calendarUid: Map<string, number>,
  resources: string[],
  projectCalendar: CalendarInput,
  calendars: readonly CalendarInput[],
): void {
  const settings: DurationSettings = { ...DEFAULT_DURATION_SETTINGS, ...(project.settings ?? {}) };
  const resourceUid = uids(resources);
  const calendarOfResource = new Map<string, string | undefined>();
  for (const t of tasks) for (const a of t.assignments ?? []) calendarOfResource.set(a.resource ?? `${t.id}/${a.calendar ?? ''}`, a.calendar);
  w.open('Resources');
  for (const r of resources) {
    const calendar = calendarOfResource.get(r);
    w.open('Resource').leaf('UID', resourceUid.get(r)).leaf('ID', resourceUid.get(r)).leaf('Name', r).leaf('Type', 1).leaf('MaxUnits', 1);
    w.leaf('CalendarUID', calendar === undefined ? calendarUid.get(projectCalendar.id) : calendarUid.get(calendar)).close('Resource');
  }
  w.close('Resources');
  // Split tasks are laid out on their calendar; each calendar is compiled once.
  const byId = new Map(calendars.map((c) => [c.id, c]));
  const working = new Map<string, WorkingCalendar>();
  const workingCalendar = (id: string | undefined): WorkingCalendar => {
    const spec = (id === undefined ? undefined : byId.get(id)) ?? projectCalendar;
    const known = working.get(spec.id);
    if (known) return known;
    const made = createWorkingCalendar(spec, { calendars });
    working.set(spec.id, made);
    return made;
  };
  w.open('Assignments');
  let uid = 1;
  for (const t of tasks) {
    for (const a of t.assignments ?? []) {
      const work = resolveDuration(a.work, settings).minutes;
      w.open('Assignment').leaf('UID', uid++).leaf('TaskUID', taskUid.get(t.id)).leaf('ResourceUID', resourceUid.get(a.resource ?? `${t.id}/${a.calendar ?? ''}`));
      w.leaf('Units', a.units ?? 1).leaf('Work', formatIsoDuration(work)).leaf('WorkContour', 0).close('Assignment');
    }
    if ((t.splits ?? []).length > 0) writeSplits(w, t, uid++, taskUid, settings, project.start, workingCalendar(t.calendar));
  }
  w.close('Assignments');
}

/**
 * A split task as Project stores it: an unassigned assignment whose timephased work has runs of
 * zero work (the gaps). Dates are laid out from the project start on the task's calendar; only the
 * amounts of work and of working time between them carry meaning.
 */
function writeSplits(
  w: XmlWriter,
  task: ScheduleTaskInput,
  uid: number,
  taskUid: Map<string, number>,
  settings: DurationSettings,
  projectStart: string,
  calendar: WorkingCalendar,
): void {
  const total = resolveDuration(task.duration ?? '1d', settings).minutes;
  w.open('Assignment').leaf('UID', uid).leaf('TaskUID', taskUid.get(task.id)).leaf('ResourceUID', -65535).leaf('Units', 1).leaf('Work', 'PT0H0M0S').leaf('WorkContour', 0);
  let at = calendar.nextWorkingStart(projectStart);
  let worked = 0;
  const segment = (minutes: number, value: number) => {
    const end = calendar.addWorkingMinutes(at, minutes);
    w.open('TimephasedData').leaf('Type', 1).leaf('UID', uid).leaf('Start', `${at}:00`).leaf('Finish', `${end}:00`).leaf('Unit', 2).leaf('Value', formatIsoDuration(value)).close('TimephasedData');
    at = end;
  };
  for (const split of task.splits ?? []) {
    const after = resolveDuration(split.after, settings).minutes;
    if (after > worked) segment(after - worked, after - worked);
    worked = Math.max(worked, after);
    segment(resolveDuration(split.gap, settings).minutes, 0);
  }
  if (total > worked) segment(total - worked, total - worked);
  w.close('Assignment');
}
