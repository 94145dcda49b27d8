import type { WorkingCalendar } from '../../calendar/workingCalendar.js';
import { CampaignKitError } from '../../core/errors.js';
import type { DurationUnit } from '../../model/primitives.js';
import type { Baseline, BaselineTask } from '../../schedule/baseline.js';
import type { ScheduleLinkInput, ScheduleTaskInput } from '../../schedule/scheduleInput.js';
import { CONSTRAINTS_BY_CODE, DURATION_FORMATS, ID_ATTRIBUTE_ALIAS } from './_codes.js';
import { formatMinutes, parseIsoDuration } from './_duration.js';
import { Outline } from './_outline.js';
import { linksOf } from './_readLinks.js';
import { drivingAssignments, splitsOf } from './_readResources.js';
import { child, children, text, type XmlNode } from './_xml.js';
import type { MspdiWarning } from './mspdiWarning.js';

type Lengths = { readonly minutesPerDay: number; readonly minutesPerWeek: number; readonly daysPerMonth: number };

/** What the tasks of a file are read against. */
export interface TaskContext {
  /** Day, week and month lengths. */
  readonly lengths: Lengths;
  /** UIDs of the calendars in the file. */
  readonly calendarIds: ReadonlySet<string>;
  /** Work resources' calendars by resource UID. */
  readonly resourceCalendars: ReadonlyMap<string, string | undefined>;
  /** Assignments by TaskUID. */
  readonly assignments: ReadonlyMap<string, readonly XmlNode[]>;
  /** The working calendar of a task's calendar id (undefined: the project calendar). */
  readonly workingCalendar: (id: string | undefined) => WorkingCalendar;
  /** Receives each warning. */
  readonly warn: (warning: MspdiWarning) => void;
}

/** Tasks, links and baselines read from a file's Tasks element. */
export interface ReadTasks {
  readonly tasks: (ScheduleTaskInput & { name?: string })[];
  readonly links: ScheduleLinkInput[];
  readonly baselines: { readonly number: number; readonly baseline: Baseline }[];
}

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

/** The project summary task (UID 0, level 0) and null, inactive and external tasks are not read. */
function isRead(node: XmlNode, uid: string): boolean {
  const summaryOfProject = uid === '0' && num(text(node, 'OutlineLevel')) === 0;
  return !summaryOfProject && text(node, 'IsNull') !== '1' && text(node, 'Active') !== '0' && text(node, 'ExternalTask') !== '1';
}

/** Task ids by UID, for the tasks read: the ids {@link toMspdi} kept in an extended attribute, else the UIDs. */
function idsByUid(project: XmlNode, nodes: readonly XmlNode[]): Map<string, string> {
  const idField = children(child(project, 'ExtendedAttributes'), 'ExtendedAttribute').find((a) => text(a, 'Alias') === ID_ATTRIBUTE_ALIAS);
  const idFieldId = idField ? text(idField, 'FieldID') : undefined;
  const ids = new Map<string, string>();
  for (const node of nodes) {
    const uid = text(node, 'UID');
    if (uid === undefined || !isRead(node, uid)) continue;
    const own = idFieldId === undefined ? undefined : children(node, 'ExtendedAttribute').find((a) => text(a, 'FieldID') === idFieldId);
    ids.set(uid, (own && text(own, 'Value')) ?? uid);
  }
  return ids;
}

/** Reads a file's tasks in outline order, with their links and saved baselines. */
export function readTasks(project: XmlNode, context: TaskContext): ReadTasks {
  const nodes = children(child(project, 'Tasks'), 'Task');
  const idOfUid = idsByUid(project, nodes);
  const tasks: (ScheduleTaskInput & { name?: string })[] = [];
  const links: ScheduleLinkInput[] = [];
  // Entries, not records, until the end: a task id may be any string, `__proto__` too.
  const baselines = new Map<number, [string, BaselineTask][]>();
  const outline = new Outline();
  const lengths = context.lengths;
  nodes.forEach((node, index) => {
    const uid = text(node, 'UID');
    const id = uid === undefined ? undefined : idOfUid.get(uid);
    if (uid === undefined || id === undefined || !isRead(node, uid)) return;
    const path = `Project/Tasks/Task[${index + 1}]`;
    const written = num(text(node, 'OutlineLevel')) ?? 1;
    const { parent, level, repaired } = outline.place(id, written);
    if (repaired) {
      context.warn({ code: 'OUTLINE_LEVEL', message: `Task UID ${uid} has OutlineLevel ${text(node, 'OutlineLevel') ?? ''}, which is impossible here; it is read at level ${level}`, uid, path: `${path}/OutlineLevel` });
    }
    const summary = text(node, 'Summary') === '1';
    const manual = text(node, 'Manual') === '1';
    // Project writes StartText and FinishText (empty, or the words typed) when a manually scheduled
    // task's start and finish are not dates: a placeholder, whose Start and Finish are defaults.
    const placeholder = manual && child(node, 'StartText') !== undefined && child(node, 'FinishText') !== undefined;
    const constraintType = CONSTRAINTS_BY_CODE[num(text(node, 'ConstraintType')) ?? 0] ?? 'ASAP';
    const constraintDate = localDateTime(text(node, 'ConstraintDate'));
    const calendar = text(node, 'CalendarUID');
    const knownCalendar = calendar !== undefined && context.calendarIds.has(calendar);
    if (calendar !== undefined && calendar !== '-1' && !knownCalendar) {
      context.warn({ code: 'MISSING_CALENDAR', message: `Task UID ${uid} has calendar UID ${calendar}, which is not in the file; it keeps the project calendar`, uid, path: `${path}/CalendarUID` });
    }
    const percent = num(text(node, 'PercentComplete'));
    const format = text(node, 'DurationFormat');
    const task: ScheduleTaskInput & { name?: string } = {
      id,
      ...(text(node, 'Name') ? { name: text(node, 'Name') } : {}),
      ...(parent ? { parent } : {}),
      ...(summary ? {} : { duration: durationOf(text(node, 'Duration'), format, `task ${id} Duration`, lengths) ?? '1d' }),
      ...(text(node, 'Milestone') === '1' ? { milestone: true } : {}),
      ...(manual && !summary ? { manual: true, start: localDateTime(text(node, 'Start')), finish: localDateTime(text(node, 'Finish')) } : {}),
      ...(placeholder && !summary ? { placeholder: true } : {}),
      ...(constraintType === 'ASAP' ? {} : constraintType === 'ALAP' ? { constraint: { type: 'ALAP' } } : constraintDate ? { constraint: { type: constraintType, date: constraintDate } } : {}),
      ...(text(node, 'Deadline') ? { deadline: localDateTime(text(node, 'Deadline')) } : {}),
      ...(knownCalendar ? { calendar } : {}),
      ...(text(node, 'ActualStart') ? { actualStart: localDateTime(text(node, 'ActualStart')) } : {}),
      ...(text(node, 'ActualFinish') ? { actualFinish: localDateTime(text(node, 'ActualFinish')) } : {}),
      ...(percent ? { percentComplete: percent } : {}),
    };
    const remaining = durationOf(text(node, 'RemainingDuration'), format, `task ${id} RemainingDuration`, lengths);
    if (!summary && percent && remaining !== undefined) task.remainingDuration = remaining;
    if (!summary && !manual) {
      const assigned = context.assignments.get(uid) ?? [];
      // Fixed-duration tasks (Type 1) keep their duration whatever their resources do.
      const driving = text(node, 'Type') === '1' ? undefined : drivingAssignments(assigned, context.resourceCalendars);
      if (driving) task.assignments = driving;
      else {
        const splits = splitsOf(assigned, () => context.workingCalendar(task.calendar));
        if (splits.length > 0) task.splits = splits;
      }
    }
    tasks.push(task);
    for (const link of linksOf(node, { id, uid, path }, { idOfUid, lengths, warn: context.warn })) links.push(link);
    for (const b of children(node, 'Baseline')) {
      const number = num(text(b, 'Number')) ?? 0;
      const start = localDateTime(text(b, 'Start'));
      const finish = localDateTime(text(b, 'Finish'));
      const duration = parseIsoDuration(text(b, 'Duration') ?? '');
      if (start === undefined || finish === undefined || duration === undefined) continue;
      const saved = baselines.get(number);
      if (saved === undefined) baselines.set(number, [[id, { start, finish, duration }]]);
      else saved.push([id, { start, finish, duration }]);
    }
  });
  return {
    tasks,
    links,
    baselines: [...baselines.entries()].sort(([a], [b]) => a - b).map(([number, saved]) => ({ number, baseline: { tasks: Object.fromEntries(saved) } })),
  };
}
