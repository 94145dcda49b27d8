import * as z from 'zod';
import { parseInput } from '../../../core/validate.js';
import type { LinkType } from '../../../model/dependency.js';
import type { ConstraintType } from '../../../model/task.js';
import type { GanttView } from '../ganttView.js';
import { readGanttView, type GanttRowInput } from '../readGanttView.js';
import { linkTypeFromCode } from './_linkCodes.js';
import { localParts, pad2 } from './_localDate.js';

/**
 * DHTMLX Gantt's dependency-type codes (`gantt.config.links`): finish_to_start `"0"`,
 * start_to_start `"1"`, finish_to_finish `"2"`, start_to_finish `"3"`.
 */
export const DHTMLX_LINK_TYPES = { FS: '0', SS: '1', FF: '2', SF: '3' } as const satisfies Record<LinkType, string>;

/** One of the codes of {@link DHTMLX_LINK_TYPES}. */
export type DhtmlxLinkType = (typeof DHTMLX_LINK_TYPES)[LinkType];

/** The date format the adapter writes dates in: DHTMLX's default `gantt.config.date_format`. */
export const DHTMLX_DATE_FORMAT = '%d-%m-%Y %H:%i';

/** The units of `gantt.config.duration_unit` the adapter can give lags in. */
export type DhtmlxDurationUnit = 'minute' | 'hour' | 'day';

/** Options of {@link toDhtmlxGantt}. */
export interface DhtmlxGanttOptions {
  /** The `gantt.config.duration_unit` lags are given in (default `'day'`, DHTMLX's default); a day is the view's `minutesPerDay`. */
  readonly durationUnit?: DhtmlxDurationUnit;
  /** Whether summary rows start expanded (default true). */
  readonly open?: boolean;
}

/** A baseline bar of a DHTMLX task (`task.baselines`; drawn by DHTMLX PRO with `gantt.config.baselines`). */
export interface DhtmlxBaseline {
  /** Baseline id: the task id with `:baseline`. */
  readonly id: string;
  /** The task it belongs to. */
  readonly task_id: string;
  /** Baseline start, in {@link DHTMLX_DATE_FORMAT}. */
  readonly start_date: string;
  /** Baseline finish, in {@link DHTMLX_DATE_FORMAT}. */
  readonly end_date: string;
}

/** A DHTMLX task, as `gantt.parse` reads it. */
export interface DhtmlxTask {
  /** campaignkit's task id. */
  readonly id: string;
  /** Task name. */
  readonly text: string;
  /** Start, in {@link DHTMLX_DATE_FORMAT}. */
  readonly start_date: string;
  /** Finish, in {@link DHTMLX_DATE_FORMAT}. DHTMLX works the task's `duration` out from the two dates on its own calendar. */
  readonly end_date: string;
  /** Progress 0–1. */
  readonly progress: number;
  /** The summary it belongs to; absent at the top level (DHTMLX's root). */
  readonly parent?: string;
  /** `'project'` for a summary, `'milestone'`, or `'task'`. */
  readonly type: 'task' | 'project' | 'milestone';
  /** Whether a summary starts expanded (on summaries only). */
  readonly open?: boolean;
  /** Outline number (`1.2`), for a grid column. */
  readonly wbs: string;
  /** On campaignkit's critical path, for a template or a class. */
  readonly critical: boolean;
  /** `false` for a manually scheduled task, so DHTMLX's auto scheduling (PRO) leaves it in place. */
  readonly auto_scheduling?: false;
  /** DHTMLX's constraint code (`'snet'`, `'mfo'`, …). */
  readonly constraint_type?: Lowercase<ConstraintType>;
  /** Constraint date, in {@link DHTMLX_DATE_FORMAT}. */
  readonly constraint_date?: string;
  /** Deadline, in {@link DHTMLX_DATE_FORMAT}. */
  readonly deadline?: string;
  /** The baseline bar, when the view has one for the task. */
  readonly baselines?: readonly DhtmlxBaseline[];
}

/** A DHTMLX link, as `gantt.parse` reads it. */
export interface DhtmlxLink {
  /** campaignkit's link id (`from->to`). */
  readonly id: string;
  /** Predecessor id. */
  readonly source: string;
  /** Successor id. */
  readonly target: string;
  /** Dependency-type code, see {@link DHTMLX_LINK_TYPES}. */
  readonly type: DhtmlxLinkType;
  /** Lag (negative: lead) in the chosen `durationUnit`. */
  readonly lag: number;
}

/** What `gantt.parse` takes. */
export interface DhtmlxGanttData {
  /** Tasks in outline order. */
  readonly data: readonly DhtmlxTask[];
  /** Links. */
  readonly links: readonly DhtmlxLink[];
}

const OptionsSchema = z.object({
  durationUnit: z.enum(['minute', 'hour', 'day']).default('day'),
  open: z.boolean().default(true),
});

/**
 * A Gantt view as DHTMLX Gantt's `gantt.parse({ data, links })` takes it. Dates are written in
 * DHTMLX's default `date_format` `'%d-%m-%Y %H:%i'` ({@link DHTMLX_DATE_FORMAT}), so no config is
 * needed unless you changed it. Bars run from `start_date` to `end_date`, and DHTMLX works out each
 * `duration` from them on its own calendar (every hour is working time in the Community edition),
 * so no duration is sent. Lags are in `duration_unit` (default day, a day being the view's
 * `minutesPerDay`). Constraints, deadlines, baselines and `auto_scheduling` are given in DHTMLX's
 * field names; the Community edition ignores them and PRO draws or uses them.
 *
 * @param view - what `buildGanttView` returns.
 * @throws `VALIDATION` for an invalid view or options.
 * @example
 * ```ts
 * gantt.init('gantt_here');
 * gantt.parse(toDhtmlxGantt(buildGanttView(plan)));
 * toDhtmlxGantt(view).data[1];
 * // { id: 'brief', text: 'Brief', start_date: '02-03-2026 08:00', end_date: '03-03-2026 17:00',
 * //   progress: 0.5, parent: 'launch', type: 'task', wbs: '1.1', critical: true, baselines: [ … ] }
 * toDhtmlxGantt(view).links[0];
 * // { id: 'brief->design', source: 'brief', target: 'design', type: '0', lag: 1 }
 * ```
 */
export function toDhtmlxGantt(view: GanttView, options: DhtmlxGanttOptions = {}): DhtmlxGanttData {
  const input = readGanttView(view);
  const opts = parseInput(OptionsSchema, options, 'DHTMLX Gantt options');
  const unitMinutes = opts.durationUnit === 'day' ? input.minutesPerDay : opts.durationUnit === 'hour' ? 60 : 1;
  return {
    data: input.rows.map((row) => dhtmlxTask(row, opts.open)),
    links: input.links.map((link) => ({ id: link.id, source: link.from, target: link.to, type: DHTMLX_LINK_TYPES[link.type], lag: link.lag / unitMinutes })),
  };
}

function dhtmlxTask(row: GanttRowInput, open: boolean): DhtmlxTask {
  return {
    id: row.id,
    text: row.name,
    start_date: dhtmlxDate(row.start),
    end_date: dhtmlxDate(row.finish),
    progress: row.percentComplete / 100,
    ...(row.parentId === null ? {} : { parent: row.parentId }),
    type: row.summary ? 'project' : row.milestone ? 'milestone' : 'task',
    ...(row.summary ? { open } : {}),
    wbs: row.wbs,
    critical: row.critical,
    ...(row.manual ? { auto_scheduling: false as const } : {}),
    ...(row.constraint === null ? {} : { constraint_type: DHTMLX_CONSTRAINT_TYPES[row.constraint.type] }),
    ...(row.constraint?.date == null ? {} : { constraint_date: dhtmlxDate(row.constraint.date) }),
    ...(row.deadline === null ? {} : { deadline: dhtmlxDate(row.deadline.date) }),
    ...(row.baseline === null ? {} : { baselines: [{ id: `${row.id}:baseline`, task_id: row.id, start_date: dhtmlxDate(row.baseline.start), end_date: dhtmlxDate(row.baseline.finish) }] }),
  };
}

// DHTMLX names the constraint types as Microsoft Project does, in lower case.
const DHTMLX_CONSTRAINT_TYPES = {
  ASAP: 'asap',
  ALAP: 'alap',
  SNET: 'snet',
  SNLT: 'snlt',
  FNET: 'fnet',
  FNLT: 'fnlt',
  MSO: 'mso',
  MFO: 'mfo',
} as const satisfies { [T in ConstraintType]: Lowercase<T> };

/** `%d-%m-%Y %H:%i`. */
function dhtmlxDate(text: string): string {
  const p = localParts(text);
  return `${pad2(p.day)}-${pad2(p.month)}-${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/**
 * The campaignkit link type of a DHTMLX dependency-type code (`"0"`–`"3"`, or the same as a number,
 * as some data sets write them).
 *
 * @throws `VALIDATION` for any other value.
 * @example
 * ```ts
 * linkTypeFromDhtmlx('1'); // 'SS'
 * linkTypeFromDhtmlx(3); // 'SF'
 * linkTypeFromDhtmlx('4'); // throws CampaignKitError VALIDATION
 * ```
 */
export function linkTypeFromDhtmlx(code: unknown): LinkType {
  return linkTypeFromCode(DHTMLX_LINK_TYPES, typeof code === 'number' && Number.isInteger(code) ? String(code) : code, 'DHTMLX Gantt');
}
