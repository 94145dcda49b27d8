import { CampaignKitError } from '../../core/errors.js';
import type { CalendarInput } from '../../model/calendar.js';
import type { DurationUnit } from '../../model/primitives.js';
import type { Baseline, BaselineTask } from '../../schedule/baseline.js';
import type { ScheduleLinkInput, ScheduleProjectInput, ScheduleTaskInput } from '../../schedule/scheduleInput.js';
import { CONSTRAINTS_BY_CODE, DURATION_FORMATS, LINK_TYPES_BY_CODE } from './_codes.js';
import { ID_ATTRIBUTE_ALIAS } from './_codes.js';
import { DEFAULT_MAX_XML_BYTES, child, children, parseXml, text, type XmlNode } from './_xml.js';
import { formatMinutes, parseIsoDuration } from './_duration.js';
import { calendarOf } from './_readCalendar.js';
import { drivingAssignments, splitsOf } from './_readResources.js';

/** A project read from MSPDI: a `scheduleProject` input plus what else the file holds. */
export interface MspdiProject extends ScheduleProjectInput {
  /** Project name. */
  readonly name?: string;
  /** Tasks, with the project summary task (UID 0) left out. */
  readonly tasks: (ScheduleTaskInput & { readonly name?: string })[];
  /** Links, read from each task's PredecessorLink elements. */
  readonly links: ScheduleLinkInput[];
  /** Calendars by MSPDI UID (as strings). */
  readonly calendars: CalendarInput[];
  /** Saved baselines by number (0 = "Baseline", 1–10 = "Baseline1"…). */
  readonly baselines: { readonly number: number; readonly baseline: Baseline }[];
}

/** Options of {@link parseMspdi}. */
export interface ParseMspdiOptions {
  /** Refuse documents larger than this many bytes (default 50 MiB). */
  readonly maxBytes?: number;
}

type Lengths = { minutesPerDay: number; minutesPerWeek: number; daysPerMonth: number };

const localDateTime = (value: string | undefined): string | undefined => (value === undefined ? undefined : value.slice(0, 16));
const num = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

function durationOf(iso: string | undefined, format: string | undefined, path: string, lengths: Lengths): string | undefined {
  if (iso === undefined) return undefined;
  const minutes = parseIsoDuration(iso);
  if (minutes === undefined) throw new CampaignKitError('PARSE', `${path}: cannot read duration ${JSON.stringify(iso)}`, { details: { path } });
  const unit: DurationUnit = DURATION_FORMATS[num(format) ?? 7] ?? 'd';
  // Scheduling works to the minute, as Project does; seconds in a stored duration are rounding noise.
  return formatMinutes(Math.round(minutes), unit, lengths);
}

/**
 * Reads a Microsoft Project XML (MSPDI) file into a `scheduleProject` input: tasks (ids are
 * the MSPDI UIDs, or the ids {@link toMspdi} wrote), the outline (summary tasks), durations in their entered units, predecessor links
 * with type and lag, constraints, deadlines, calendars with work weeks and (recurring) exceptions,
 * project settings, actuals and baselines. Entities are never expanded; oversized or malformed
 * documents are refused with `LIMIT_EXCEEDED` or `PARSE`.
 *
 * @example
 * ```ts
 * const project = parseMspdi(readFileSync('plan.xml', 'utf8'));
 * const schedule = scheduleProject(project);
 * ```
 */
export function parseMspdi(xml: string, options: ParseMspdiOptions = {}): MspdiProject {
  const doc = parseXml(xml, options.maxBytes ?? DEFAULT_MAX_XML_BYTES);
  const project = child(doc, 'Project');
  if (!project) throw new CampaignKitError('PARSE', 'Not an MSPDI document: the root element must be <Project>');
  const start = localDateTime(text(project, 'StartDate'));
  if (!start) throw new CampaignKitError('PARSE', 'The MSPDI project has no StartDate');
  const minutesPerDay = num(text(project, 'MinutesPerDay')) ?? 480;
  const settings = {
    minutesPerDay,
    minutesPerWeek: num(text(project, 'MinutesPerWeek')) ?? 2400,
    daysPerMonth: num(text(project, 'DaysPerMonth')) ?? 20,
    // Project's CriticalSlackLimit is in days.
    criticalSlack: (num(text(project, 'CriticalSlackLimit')) ?? 0) * minutesPerDay,
  };
  const calendars = children(child(project, 'Calendars'), 'Calendar').map(calendarOf);
  const calendarUid = text(project, 'CalendarUID');

  const resourceCalendars = new Map<string, string | undefined>();
  for (const r of children(child(project, 'Resources'), 'Resource')) {
    const uid = text(r, 'UID');
    // Only work resources (Type 1) drive dates; material and cost resources do not.
    if (uid !== undefined && (text(r, 'Type') ?? '1') === '1') {
      const cal = text(r, 'CalendarUID');
      resourceCalendars.set(uid, cal !== undefined && calendars.some((c) => c.id === cal) ? cal : undefined);
    }
  }
  const assignmentsByTask = new Map<string, XmlNode[]>();
  for (const a of children(child(project, 'Assignments'), 'Assignment')) {
    const taskUid = text(a, 'TaskUID');
    if (taskUid !== undefined) assignmentsByTask.set(taskUid, [...(assignmentsByTask.get(taskUid) ?? []), a]);
  }
  const projectCalendarId = calendarUid !== undefined && calendars.some((c) => c.id === calendarUid) ? calendarUid : undefined;

  // Tasks written from campaignkit keep their own ids in a named extended attribute.
  const idField = children(child(project, 'ExtendedAttributes'), 'ExtendedAttribute').find((a) => text(a, 'Alias') === ID_ATTRIBUTE_ALIAS);
  const idFieldId = idField ? text(idField, 'FieldID') : undefined;
  const idOfUid = new Map<string, string>();
  for (const node of children(child(project, 'Tasks'), 'Task')) {
    const uid = text(node, 'UID');
    if (uid === undefined) continue;
    const own = idFieldId === undefined ? undefined : children(node, 'ExtendedAttribute').find((a) => text(a, 'FieldID') === idFieldId);
    idOfUid.set(uid, (own && text(own, 'Value')) ?? uid);
  }

  const tasks: (ScheduleTaskInput & { name?: string })[] = [];
  const links: ScheduleLinkInput[] = [];
  const baselines = new Map<number, Record<string, BaselineTask>>();
  const outline: string[] = [];
  for (const node of children(child(project, 'Tasks'), 'Task')) {
    const uid = text(node, 'UID');
    const id = uid === undefined ? undefined : idOfUid.get(uid);
    const level = num(text(node, 'OutlineLevel')) ?? 1;
    if (id === undefined || level === 0 || text(node, 'IsNull') === '1' || text(node, 'Active') === '0' || text(node, 'ExternalTask') === '1') continue;
    outline.length = level - 1;
    const parent = outline[level - 2];
    outline[level - 1] = id;
    const summary = text(node, 'Summary') === '1';
    const manual = text(node, 'Manual') === '1';
    // Project writes StartText and FinishText (empty, or the words typed) when a manually scheduled
    // task's start and finish are not dates: a placeholder, whose Start and Finish are defaults.
    const placeholder = manual && child(node, 'StartText') !== undefined && child(node, 'FinishText') !== undefined;
    const constraintType = CONSTRAINTS_BY_CODE[num(text(node, 'ConstraintType')) ?? 0] ?? 'ASAP';
    const constraintDate = localDateTime(text(node, 'ConstraintDate'));
    const calendar = text(node, 'CalendarUID');
    const percent = num(text(node, 'PercentComplete'));
    const format = text(node, 'DurationFormat');
    const task: ScheduleTaskInput & { name?: string } = {
      id,
      ...(text(node, 'Name') ? { name: text(node, 'Name') } : {}),
      ...(parent ? { parent } : {}),
      ...(summary ? {} : { duration: durationOf(text(node, 'Duration'), format, `task ${id} Duration`, settings) ?? '1d' }),
      ...(text(node, 'Milestone') === '1' ? { milestone: true } : {}),
      ...(manual && !summary ? { manual: true, start: localDateTime(text(node, 'Start')), finish: localDateTime(text(node, 'Finish')) } : {}),
      ...(placeholder && !summary ? { placeholder: true } : {}),
      ...(constraintType === 'ASAP' ? {} : constraintType === 'ALAP' ? { constraint: { type: 'ALAP' } } : constraintDate ? { constraint: { type: constraintType, date: constraintDate } } : {}),
      ...(text(node, 'Deadline') ? { deadline: localDateTime(text(node, 'Deadline')) } : {}),
      ...(calendar !== undefined && calendar !== '-1' ? { calendar } : {}),
      ...(text(node, 'ActualStart') ? { actualStart: localDateTime(text(node, 'ActualStart')) } : {}),
      ...(text(node, 'ActualFinish') ? { actualFinish: localDateTime(text(node, 'ActualFinish')) } : {}),
      ...(percent ? { percentComplete: percent } : {}),
    };
    const remaining = durationOf(text(node, 'RemainingDuration'), format, `task ${id} RemainingDuration`, settings);
    if (!summary && percent && remaining !== undefined) task.remainingDuration = remaining;
    if (!summary && !manual) {
      const assigned = assignmentsByTask.get(uid ?? '') ?? [];
      // Fixed-duration tasks (Type 1) keep their duration whatever their resources do.
      const driving = text(node, 'Type') === '1' ? undefined : drivingAssignments(assigned, resourceCalendars);
      if (driving) task.assignments = driving;
      else {
        const splits = splitsOf(assigned, calendars, task.calendar ?? projectCalendarId);
        if (splits.length > 0) task.splits = splits;
      }
    }
    tasks.push(task);

    for (const link of children(node, 'PredecessorLink')) {
      const predecessor = text(link, 'PredecessorUID');
      const from = predecessor === undefined ? undefined : idOfUid.get(predecessor);
      if (from === undefined || text(link, 'CrossProject') === '1') continue;
      const type = LINK_TYPES_BY_CODE[num(text(link, 'Type')) ?? 1] ?? 'FS';
      const lagValue = num(text(link, 'LinkLag')) ?? 0;
      const lagUnit: DurationUnit = DURATION_FORMATS[num(text(link, 'LagFormat')) ?? 7] ?? 'd';
      // LinkLag is in tenths of a minute, except percentages, which are whole percent.
      const lag = lagUnit === '%' || lagUnit === 'e%' ? `${lagValue}${lagUnit}` : formatMinutes(lagValue / 10, lagUnit, settings);
      links.push({ from, to: id, type, ...(lagValue === 0 ? {} : { lag }) });
    }
    for (const b of children(node, 'Baseline')) {
      const number = num(text(b, 'Number')) ?? 0;
      const start = localDateTime(text(b, 'Start'));
      const finish = localDateTime(text(b, 'Finish'));
      const duration = parseIsoDuration(text(b, 'Duration') ?? '');
      if (start === undefined || finish === undefined || duration === undefined) continue;
      const saved = baselines.get(number) ?? {};
      saved[id] = { start, finish, duration };
      baselines.set(number, saved);
    }
  }
  const name = text(project, 'Name') ?? text(project, 'Title');
  return {
    ...(name ? { name } : {}),
    start,
    ...(projectCalendarId ? { calendar: projectCalendarId } : {}),
    calendars,
    settings,
    tasks,
    links,
    baselines: [...baselines.entries()].sort(([a], [b]) => a - b).map(([number, tasks]) => ({ number, baseline: { tasks } })),
  };
}

