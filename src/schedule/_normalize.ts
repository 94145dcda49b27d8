import { compileCalendars } from '../calendar/compileCalendars.js';
import { DEFAULT_DURATION_SETTINGS, readDuration, type DurationSettings, type ResolvedDuration } from '../calendar/duration.js';
import { parseLocal } from '../calendar/localTime.js';
import { STANDARD_CALENDAR } from '../calendar/standardCalendars.js';
import { WorkingTime } from '../calendar/workingTime.js';
import { CampaignKitError } from '../core/errors.js';
import { invalidField } from '../core/validate.js';
import type { CalendarInput } from '../model/calendar.js';
import type * as z from 'zod';
import { CONSTRAINT_CODES, type LeafNetwork } from './_network.js';
import { linkTypeCode } from './linkTypes.js';
import type { ScheduleProjectSchema } from './scheduleInput.js';

type Parsed = z.output<typeof ScheduleProjectSchema>;

/** A link between two tasks (either may be a summary), by task index, with its lag resolved. */
export interface TaskLink {
  readonly from: number;
  readonly to: number;
  readonly type: number;
  /** Lag minutes (0 for a percent lag). */
  readonly lag: number;
  readonly elapsed: boolean;
  /** Percent of the predecessor's duration, or NaN. */
  readonly percent: number;
}

/** A validated project: its task tree, its leaf network inputs and its links by task index. */
export interface ProjectStructure {
  readonly ids: string[];
  /** Task id → task index. */
  readonly index: ReadonlyMap<string, number>;
  readonly parent: Int32Array;
  readonly children: number[][];
  /** Task index → leaf index, or -1 for a summary. */
  readonly leafOf: Int32Array;
  /** Leaf index → task index. */
  readonly leafTask: Int32Array;
  /** Summaries whose constraint cannot be applied to their subtasks (anything but ASAP and SNET). */
  readonly ignoredConstraints: number[];
  /** Summaries ordered so children come before their parents. */
  readonly summariesBottomUp: number[];
  readonly projectCalendar: WorkingTime;
  readonly settings: DurationSettings;
  /** Links between tasks (possibly summaries), by task index. */
  readonly links: TaskLink[];
  /** The leaf network without links; links are added by the caller after summary expansion. */
  readonly leaves: Omit<LeafNetwork, 'linkFrom' | 'linkTo' | 'linkType' | 'linkLag' | 'linkElapsed' | 'linkPercent'>;
}

function time(text: string | undefined, path: (string | number)[]): number {
  if (text === undefined) return Number.NaN;
  const t = parseLocal(text);
  if (Number.isNaN(t)) throw invalidField('schedule', path, `expected YYYY-MM-DDTHH:mm, got ${JSON.stringify(text)}`);
  return t;
}

/** The project's duration settings, field by field: a setting given as undefined keeps its default. */
export function durationSettingsOf(input: Pick<Parsed, 'settings'>): DurationSettings {
  return {
    minutesPerDay: input.settings.minutesPerDay ?? DEFAULT_DURATION_SETTINGS.minutesPerDay,
    minutesPerWeek: input.settings.minutesPerWeek ?? DEFAULT_DURATION_SETTINGS.minutesPerWeek,
    daysPerMonth: input.settings.daysPerMonth ?? DEFAULT_DURATION_SETTINGS.daysPerMonth,
  };
}

/** The project calendar's definition: the one named, the one given, or Standard (a `standard` in `calendars` wins). */
export function projectCalendarOf(input: Pick<Parsed, 'calendar' | 'calendars'>): CalendarInput {
  return input.calendar === undefined
    ? (input.calendars.find((c) => c.id === STANDARD_CALENDAR.id) ?? STANDARD_CALENDAR)
    : typeof input.calendar === 'string'
      ? (input.calendars.find((c) => c.id === input.calendar) ?? notFoundCalendar(input.calendar, ['calendar']))
      : input.calendar;
}

/** Checks ids, parents, calendars and links of a parsed input and lays the leaves out in typed arrays. */
export function normalizeProject(input: Parsed): ProjectStructure {
  const settings = durationSettingsOf(input);
  const projectCalendarSpec = projectCalendarOf(input);
  const specs = [projectCalendarSpec, ...input.calendars.filter((c) => c.id !== projectCalendarSpec.id)];
  const compiled = compileCalendars(specs);
  const workingTimes = new Map<string, WorkingTime>();
  const workingTime = (id: string, path: (string | number)[]): WorkingTime => {
    let wt = workingTimes.get(id);
    if (!wt) {
      const calendar = compiled.get(id) ?? notFoundCalendar(id, path);
      wt = new WorkingTime(calendar);
      workingTimes.set(id, wt);
    }
    return wt;
  };
  const projectCalendar = workingTime(projectCalendarSpec.id, ['calendar']);

  const tasks = input.tasks;
  const count = tasks.length;
  const index = new Map<string, number>();
  tasks.forEach((task, i) => {
    if (index.has(task.id)) throw invalidField('schedule', ['tasks', i, 'id'], `duplicate task id "${task.id}"`);
    index.set(task.id, i);
  });
  const parent = new Int32Array(count).fill(-1);
  const children: number[][] = tasks.map(() => []);
  tasks.forEach((task, i) => {
    if (task.parent === undefined) return;
    const p = index.get(task.parent);
    if (p === undefined) throw invalidField('schedule', ['tasks', i, 'parent'], `unknown parent task "${task.parent}"`);
    parent[i] = p;
    (children[p] as number[]).push(i);
  });
  const summariesBottomUp = orderSummaries(tasks.map((t) => t.id), parent, children);

  const leafTask: number[] = [];
  const leafOf = new Int32Array(count).fill(-1);
  tasks.forEach((_, i) => {
    if ((children[i] as number[]).length === 0) {
      leafOf[i] = leafTask.length;
      leafTask.push(i);
    }
  });
  const n = leafTask.length;
  const assignmentCalendar: WorkingTime[] = [];
  const assignmentTime: number[] = [];
  const assignmentRemaining: number[] = [];
  const leaves = {
    size: n,
    ids: leafTask.map((i) => (tasks[i] as Parsed['tasks'][number]).id),
    projectStart: time(input.start, ['start']),
    calendar: new Array<WorkingTime>(n),
    duration: new Float64Array(n),
    remaining: new Float64Array(n),
    gaps: new Float64Array(n),
    assignmentStart: new Int32Array(n + 1),
    elapsed: new Uint8Array(n),
    milestone: new Uint8Array(n),
    manual: new Uint8Array(n),
    placeholder: new Uint8Array(n),
    manualStart: new Float64Array(n),
    manualFinish: new Float64Array(n),
    constraint: new Uint8Array(n),
    constraintDate: new Float64Array(n),
    deadline: new Float64Array(n),
    actualStart: new Float64Array(n),
    actualFinish: new Float64Array(n),
    started: new Uint8Array(n),
    done: new Uint8Array(n),
    startFloor: new Float64Array(n).fill(Number.NaN),
    criticalSlack: input.settings.criticalSlack ?? 0,
  };
  leafTask.forEach((i, v) => {
    const task = tasks[i] as Parsed['tasks'][number];
    const path = ['tasks', i];
    leaves.calendar[v] = task.calendar === undefined ? projectCalendar : workingTime(task.calendar, [...path, 'calendar']);
    const duration = readDuration(task.duration ?? (task.milestone ? '0d' : '1d'), settings, [...path, 'duration']);
    refuseNegative(duration, [...path, 'duration'], 'a duration must be a non-negative time, not a percentage');
    leaves.duration[v] = duration.minutes;
    leaves.elapsed[v] = duration.elapsed ? 1 : 0;
    leaves.milestone[v] = (task.milestone ?? duration.minutes === 0) ? 1 : 0;
    const percent = task.percentComplete ?? 0;
    leaves.remaining[v] =
      task.remainingDuration === undefined
        ? Math.round(duration.minutes * (1 - percent / 100))
        : refuseNegative(readDuration(task.remainingDuration, settings, [...path, 'remainingDuration']), [...path, 'remainingDuration'], 'a remaining duration must be a non-negative time');
    const manual = task.manual === true || task.placeholder === true;
    leaves.manual[v] = manual ? 1 : 0;
    leaves.placeholder[v] = task.placeholder ? 1 : 0;
    leaves.manualStart[v] = time(manual ? task.start : undefined, [...path, 'start']);
    // Project draws a placeholder without dates from the project start.
    if (task.placeholder && task.start === undefined) leaves.manualStart[v] = (leaves.calendar[v] as WorkingTime).nextStart(leaves.projectStart);
    leaves.manualFinish[v] = time(manual ? task.finish : undefined, [...path, 'finish']);
    leaves.constraint[v] = CONSTRAINT_CODES.indexOf(task.constraint?.type ?? 'ASAP');
    leaves.constraintDate[v] = time(task.constraint && 'date' in task.constraint ? task.constraint.date : undefined, [...path, 'constraint', 'date']);
    leaves.deadline[v] = time(task.deadline, [...path, 'deadline']);
    leaves.actualStart[v] = time(task.actualStart, [...path, 'actualStart']);
    leaves.actualFinish[v] = time(task.actualFinish, [...path, 'actualFinish']);
    leaves.started[v] = task.actualStart !== undefined || percent > 0 ? 1 : 0;
    // Project records 100 % complete as finished, with the scheduled finish as the actual one.
    leaves.done[v] = task.actualFinish !== undefined || percent >= 100 ? 1 : 0;
    // A summary's start-no-earlier-than holds every task under it; its deadline is theirs too.
    for (let p = parent[i] as number; p !== -1; p = parent[p] as number) {
      const above = tasks[p] as Parsed['tasks'][number];
      if (above.constraint?.type === 'SNET') {
        const floor = time(above.constraint.date, ['tasks', p, 'constraint', 'date']);
        if (!(floor <= (leaves.startFloor[v] as number))) leaves.startFloor[v] = floor;
      }
      const deadline = time(above.deadline, ['tasks', p, 'deadline']);
      if (deadline < (leaves.deadline[v] as number) || Number.isNaN(leaves.deadline[v] as number)) leaves.deadline[v] = deadline;
    }
    leaves.gaps[v] = (task.splits ?? []).reduce((sum, split, k) => {
      const gap = readDuration(split.gap, settings, [...path, 'splits', k, 'gap']);
      return sum + refuseNegative(gap, [...path, 'splits', k, 'gap'], 'a split gap must be a non-negative time');
    }, 0);
    (task.assignments ?? []).forEach((a, k) => {
      const work = readDuration(a.work, settings, [...path, 'assignments', k, 'work']);
      const need = Math.round(refuseNegative(work, [...path, 'assignments', k, 'work'], 'work must be a non-negative time') / (a.units ?? 1));
      assignmentCalendar.push(a.calendar === undefined ? (leaves.calendar[v] as WorkingTime) : workingTime(a.calendar, [...path, 'assignments', k, 'calendar']));
      assignmentTime.push(need);
      assignmentRemaining.push(Math.round(need * (1 - percent / 100)));
    });
    leaves.assignmentStart[v + 1] = assignmentCalendar.length;
  });

  const links = normalizeLinks(input.links, index, parent, settings);

  return {
    ids: tasks.map((t) => t.id),
    index,
    parent,
    children,
    leafOf,
    leafTask: Int32Array.from(leafTask),
    summariesBottomUp,
    ignoredConstraints: summariesBottomUp.filter((p) => {
      const type = (tasks[p] as Parsed['tasks'][number]).constraint?.type;
      return type !== undefined && type !== 'ASAP' && type !== 'SNET';
    }),
    projectCalendar,
    settings,
    links,
    leaves: { ...leaves, assignmentCalendar, assignmentTime: Float64Array.from(assignmentTime), assignmentRemaining: Float64Array.from(assignmentRemaining) },
  };
}

/** Checks links against the task tree and resolves their lags. */
export function normalizeLinks(
  input: readonly Parsed['links'][number][],
  index: ReadonlyMap<string, number>,
  parent: Int32Array,
  settings: DurationSettings,
): TaskLink[] {
  const seenPairs = new Set<string>();
  return input.map((link, l) => {
    const from = index.get(link.from);
    const to = index.get(link.to);
    if (from === undefined) throw invalidField('schedule', ['links', l, 'from'], `unknown task "${link.from}"`);
    if (to === undefined) throw invalidField('schedule', ['links', l, 'to'], `unknown task "${link.to}"`);
    if (from === to) throw invalidField('schedule', ['links', l, 'to'], `task "${link.from}" cannot depend on itself`);
    if (isAncestor(parent, from, to) || isAncestor(parent, to, from)) {
      throw invalidField('schedule', ['links', l], `"${link.from}" and "${link.to}" are a summary and its own subtask; link tasks outside the summary instead`);
    }
    const pair = `${from}\u0000${to}`;
    if (seenPairs.has(pair)) throw invalidField('schedule', ['links', l], `more than one link from "${link.from}" to "${link.to}"; keep one link per pair of tasks`);
    seenPairs.add(pair);
    const lag = readDuration(link.lag ?? '0d', settings, ['links', l, 'lag']);
    return { from, to, type: linkTypeCode(link.type), lag: lag.minutes, elapsed: lag.elapsed, percent: lag.percent ?? Number.NaN };
  });
}

/** The minutes of a duration that must be a time of at least zero (not a lead, not a percentage). */
export function refuseNegative(duration: ResolvedDuration, path: (string | number)[], message: string): number {
  if (duration.minutes < 0 || duration.percent !== undefined) throw invalidField('schedule', path, message);
  return duration.minutes;
}

function notFoundCalendar(id: string, path: (string | number)[]): never {
  throw new CampaignKitError('VALIDATION', `Unknown calendar "${id}"; add it to \`calendars\``, {
    details: { issues: [{ path, message: `unknown calendar "${id}"`, code: 'custom' }], ids: [id] },
  });
}

function isAncestor(parent: Int32Array, ancestor: number, node: number): boolean {
  for (let p = parent[node] as number; p !== -1; p = parent[p] as number) if (p === ancestor) return true;
  return false;
}

/** Summaries, children first; a parent loop is a `CYCLE`. */
function orderSummaries(ids: string[], parent: Int32Array, children: number[][]): number[] {
  const depth = new Int32Array(ids.length).fill(-1);
  const depthOf = (i: number): number => {
    const chain: number[] = [];
    let node = i;
    while (node !== -1 && depth[node] === -1) {
      if (chain.includes(node)) {
        const cycle = [...chain.slice(chain.indexOf(node)), node].reverse().map((k) => ids[k] as string);
        throw new CampaignKitError('CYCLE', `Tasks are each other's parents: ${cycle.join(' -> ')}`, { details: { cycle } });
      }
      chain.push(node);
      node = parent[node] as number;
    }
    let d = node === -1 ? -1 : (depth[node] as number);
    for (let k = chain.length - 1; k >= 0; k--) depth[chain[k] as number] = ++d;
    return depth[i] as number;
  };
  const summaries = ids.map((_, i) => i).filter((i) => (children[i] as number[]).length > 0);
  summaries.forEach(depthOf);
  return summaries.sort((a, b) => (depth[b] as number) - (depth[a] as number));
}
