import * as z from 'zod';
import { formatLocal, parseLocal } from '../../../calendar/localTime.js';
import { parseInput } from '../../../core/validate.js';
import type { LinkType } from '../../../model/dependency.js';
import type { GanttView } from '../ganttView.js';
import { bryntumCalendars, STANDARD_WORKING_HOURS } from './_bryntumCalendar.js';
import { readGanttView, type GanttRowInput, type GanttViewInput } from '../readGanttView.js';
import { linkTypeFromCode } from './_linkCodes.js';

/**
 * Bryntum's dependency-type codes (`DependencyModel.Type`): StartToStart `0`, StartToEnd `1`,
 * EndToStart `2`, EndToEnd `3`.
 */
export const BRYNTUM_LINK_TYPES = { SS: 0, SF: 1, FS: 2, FF: 3 } as const satisfies Record<LinkType, number>;

/** One of the codes of {@link BRYNTUM_LINK_TYPES}. */
export type BryntumLinkType = (typeof BRYNTUM_LINK_TYPES)[LinkType];

/** Bryntum's `constraintType` values, for campaignkit's constraints that have a date. */
export type BryntumConstraintType = 'startnoearlierthan' | 'startnolaterthan' | 'finishnoearlierthan' | 'finishnolaterthan' | 'muststarton' | 'mustfinishon';

const BRYNTUM_CONSTRAINTS = {
  SNET: 'startnoearlierthan',
  SNLT: 'startnolaterthan',
  FNET: 'finishnoearlierthan',
  FNLT: 'finishnolaterthan',
  MSO: 'muststarton',
  MFO: 'mustfinishon',
} as const satisfies Record<string, BryntumConstraintType>;

/** Options of {@link toBryntumProject}. */
export interface BryntumProjectOptions {
  /**
   * `'pinned'` (default): every task that is not a summary is manually scheduled at campaignkit's
   * start and finish, so Bryntum shows campaignkit's dates whatever its own rules; summaries roll up.
   * `'engine'`: tasks are auto scheduled from their durations, links and constraints by Bryntum's
   * engine on the calendar below, so edits in the chart reschedule; its dates then follow Bryntum's
   * rules and match campaignkit's where those agree (manual tasks stay pinned).
   */
  readonly scheduling?: 'pinned' | 'engine';
  /** The working periods of a working day, `HH:mm` (default Standard: 08:00–12:00 and 13:00–17:00). */
  readonly workingHours?: readonly { readonly from: string; readonly to: string }[];
  /** Whether summary rows start expanded (default true). */
  readonly open?: boolean;
}

/** A Bryntum calendar interval (`CalendarIntervalModel` data). */
export interface BryntumCalendarInterval {
  /** A recurring start in Bryntum's (later.js) text form, e.g. `'on Mon-Fri at 08:00'`. */
  readonly recurrentStartDate?: string;
  /** A recurring end in the same form. */
  readonly recurrentEndDate?: string;
  /** A one-off start, local `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`. */
  readonly startDate?: string;
  /** A one-off end (exclusive). */
  readonly endDate?: string;
  /** Whether the interval is working time. */
  readonly isWorking: boolean;
}

/** A Bryntum calendar (`CalendarModel` data). */
export interface BryntumCalendar {
  /** Calendar id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Whether time no interval covers is working. */
  readonly unspecifiedTimeIsWorking: boolean;
  /** Its intervals. */
  readonly intervals: readonly BryntumCalendarInterval[];
}

/** A Bryntum task (`TaskModel` data), with its subtasks as `children`. */
export interface BryntumTask {
  /** campaignkit's task id. */
  readonly id: string;
  /** Task name. */
  readonly name: string;
  /** Start, local `YYYY-MM-DDTHH:mm`. */
  readonly startDate: string;
  /** Finish, local `YYYY-MM-DDTHH:mm`; absent on engine-scheduled tasks, which Bryntum ends after their duration. */
  readonly endDate?: string;
  /** Working duration in days of the view's `minutesPerDay`; absent on pinned tasks, whose duration Bryntum measures on the calendar. */
  readonly duration?: number;
  /** Always `'day'`. */
  readonly durationUnit: 'day';
  /** Percent complete 0–100. */
  readonly percentDone: number;
  /** Pinned at its dates (see {@link BryntumProjectOptions.scheduling}). */
  readonly manuallyScheduled: boolean;
  /** `'Backward'` for an as-late-as-possible task. */
  readonly direction?: 'Backward';
  /** Bryntum's name of the task's constraint. */
  readonly constraintType?: BryntumConstraintType;
  /** Constraint date, local `YYYY-MM-DDTHH:mm`. */
  readonly constraintDate?: string;
  /** Deadline, local `YYYY-MM-DDTHH:mm`. */
  readonly deadlineDate?: string;
  /** The baseline bar (drawn by Bryntum's `baselines` feature). */
  readonly baselines?: readonly { readonly startDate: string; readonly endDate: string }[];
  /** Whether a summary starts expanded. */
  readonly expanded?: boolean;
  /** Subtasks of a summary. */
  readonly children?: readonly BryntumTask[];
}

/** A Bryntum dependency (`DependencyModel` data). */
export interface BryntumDependency {
  /** campaignkit's link id (`from->to`). */
  readonly id: string;
  /** Predecessor id. */
  readonly from: string;
  /** Successor id. */
  readonly to: string;
  /** Dependency-type code, see {@link BRYNTUM_LINK_TYPES}. */
  readonly type: BryntumLinkType;
  /** Lag (negative: lead), in `lagUnit`. */
  readonly lag: number;
  /** `'day'` for working lags; `'hour'` for elapsed ones, counted on the around-the-clock calendar. */
  readonly lagUnit: 'day' | 'hour';
  /** For an elapsed lag, the around-the-clock calendar it runs on. */
  readonly calendar?: string;
}

/** `ProjectModel` configuration: `new ProjectModel(toBryntumProject(view))`, or the `project` of a `Gantt`. */
export interface BryntumProjectData {
  /** Project start, local `YYYY-MM-DDTHH:mm`. */
  readonly startDate: string;
  /** Working hours in a day (the view's `minutesPerDay`), for converting days. */
  readonly hoursPerDay: number;
  /** Always true: a pinned task's duration counts only working time, as campaignkit counts it. */
  readonly skipNonWorkingTimeInDurationWhenSchedulingManually: true;
  /** The project calendar's id. */
  readonly calendar: string;
  /** The project calendar (and, when a lag is elapsed, an around-the-clock one). */
  readonly calendars: readonly BryntumCalendar[];
  /** Tasks as a tree, in outline order. */
  readonly tasks: readonly BryntumTask[];
  /** Dependencies. */
  readonly dependencies: readonly BryntumDependency[];
}

const TimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day as HH:mm (00:00–23:59)');
const OptionsSchema = z.object({
  scheduling: z.enum(['pinned', 'engine']).default('pinned'),
  workingHours: z
    .array(z.object({ from: TimeSchema, to: TimeSchema }).refine((p) => p.from < p.to, { message: 'a working period must end after it starts', path: ['to'] }))
    .min(1)
    .max(24)
    .default(() => STANDARD_WORKING_HOURS.map((period) => ({ ...period }))),
  open: z.boolean().default(true),
});

/**
 * A Gantt view as Bryntum Gantt's `ProjectModel` configuration: a task tree, dependencies with
 * Bryntum's type codes and lags in days, and a project calendar built from the view (the working
 * hours on each day the view's scale does not shade as non-working). Bryntum schedules on load; by
 * default the tasks are pinned to campaignkit's dates (see {@link BryntumProjectOptions.scheduling}).
 *
 * @param view - what `buildGanttView` returns.
 * @throws `VALIDATION` for an invalid view or options.
 * @example
 * ```ts
 * const project = new ProjectModel(toBryntumProject(buildGanttView(plan)));
 * new Gantt({ appendTo: 'app', project, features: { baselines: true } });
 * toBryntumProject(view).tasks[0].children[0];
 * // { id: 'brief', name: 'Brief', startDate: '2026-03-02T08:00', endDate: '2026-03-03T17:00',
 * //   durationUnit: 'day', percentDone: 50, manuallyScheduled: true, baselines: [ … ] }
 * toBryntumProject(view).dependencies[0];
 * // { id: 'brief->design', from: 'brief', to: 'design', type: 2, lag: 1, lagUnit: 'day' }
 * ```
 */
export function toBryntumProject(view: GanttView, options: BryntumProjectOptions = {}): BryntumProjectData {
  const input = readGanttView(view);
  const opts = parseInput(OptionsSchema, options, 'Bryntum project options');
  const elapsedLags = input.links.some((link) => link.lagElapsed && link.lag !== 0);
  const calendars = bryntumCalendars(input, opts.workingHours, elapsedLags);
  return {
    startDate: bryntumDate(input.start),
    hoursPerDay: input.minutesPerDay / 60,
    skipNonWorkingTimeInDurationWhenSchedulingManually: true,
    calendar: calendars.project,
    calendars: calendars.all,
    tasks: taskTree(input, opts.scheduling === 'pinned', opts.open),
    dependencies: input.links.map((link): BryntumDependency => {
      const base = { id: link.id, from: link.from, to: link.to, type: BRYNTUM_LINK_TYPES[link.type] };
      if (link.lagElapsed && link.lag !== 0 && calendars.elapsed !== undefined) return { ...base, lag: link.lag / 60, lagUnit: 'hour', calendar: calendars.elapsed };
      return { ...base, lag: link.lag / input.minutesPerDay, lagUnit: 'day' };
    }),
  };
}

function taskTree(input: GanttViewInput, pinned: boolean, open: boolean): BryntumTask[] {
  const children = new Map<string | null, GanttRowInput[]>();
  for (const row of input.rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const build = (row: GanttRowInput): BryntumTask => {
    const kids = children.get(row.id) ?? [];
    const pin = !row.summary && (pinned || row.manual);
    return {
      id: row.id,
      name: row.name,
      startDate: bryntumDate(row.start),
      ...(pin || row.summary ? { endDate: bryntumDate(row.finish) } : { duration: row.duration / input.minutesPerDay }),
      durationUnit: 'day',
      percentDone: row.percentComplete,
      manuallyScheduled: pin,
      ...(row.constraint?.type === 'ALAP' ? { direction: 'Backward' as const } : {}),
      ...constraintOf(row),
      ...(row.deadline === null ? {} : { deadlineDate: bryntumDate(row.deadline.date) }),
      ...(row.baseline === null ? {} : { baselines: [{ startDate: bryntumDate(row.baseline.start), endDate: bryntumDate(row.baseline.finish) }] }),
      ...(kids.length > 0 ? { expanded: open, children: kids.map(build) } : {}),
    };
  };
  return (children.get(null) ?? []).map(build);
}

function constraintOf(row: GanttRowInput): { constraintType?: BryntumConstraintType; constraintDate?: string } {
  const constraint = row.constraint;
  if (constraint === null || constraint.date === null || constraint.type === 'ASAP' || constraint.type === 'ALAP') return {};
  return { constraintType: BRYNTUM_CONSTRAINTS[constraint.type], constraintDate: bryntumDate(constraint.date) };
}

/** `YYYY-MM-DDTHH:mm`, which Bryntum reads as local time. */
function bryntumDate(text: string): string {
  return formatLocal(parseLocal(text));
}

/**
 * The campaignkit link type of a Bryntum dependency-type code (`0`–`3`).
 *
 * @throws `VALIDATION` for any other value.
 * @example
 * ```ts
 * linkTypeFromBryntum(2); // 'FS'
 * linkTypeFromBryntum(1); // 'SF'
 * linkTypeFromBryntum('2'); // throws CampaignKitError VALIDATION
 * ```
 */
export function linkTypeFromBryntum(code: unknown): LinkType {
  return linkTypeFromCode(BRYNTUM_LINK_TYPES, code, 'Bryntum');
}
