import * as z from 'zod';
import { formatDay, parseDay } from '../../../calendar/localTime.js';
import { parseInput } from '../../../core/validate.js';
import type { LinkType } from '../../../model/dependency.js';
import type { GanttView } from '../ganttView.js';
import { readGanttView, type GanttRowInput } from '../readGanttView.js';
import { linkTypeFromCode } from './_linkCodes.js';
import { toLocalDate } from './_localDate.js';

/** SVAR Gantt's link types: end-to-start `'e2s'`, start-to-start `'s2s'`, end-to-end `'e2e'`, start-to-end `'s2e'`. */
export const SVAR_LINK_TYPES = { FS: 'e2s', SS: 's2s', FF: 'e2e', SF: 's2e' } as const satisfies Record<LinkType, string>;

/** One of the codes of {@link SVAR_LINK_TYPES}. */
export type SvarLinkType = (typeof SVAR_LINK_TYPES)[LinkType];

/** Options of {@link toSvarGantt}. */
export interface SvarGanttOptions {
  /** Whether summary rows start expanded (default true). */
  readonly open?: boolean;
}

/** A SVAR Gantt task, as the `tasks` prop takes it. */
export interface SvarTask {
  /** campaignkit's task id. */
  readonly id: string;
  /** Task name. */
  readonly text: string;
  /** Start, at its local wall-clock time. */
  readonly start: Date;
  /** Finish, at its local wall-clock time (a milestone's equals its start). SVAR works the `duration` out from the two. */
  readonly end: Date;
  /** Percent complete 0–100. */
  readonly progress: number;
  /** The summary it belongs to; absent at the top level. */
  readonly parent?: string;
  /** `'summary'`, `'milestone'` or `'task'`. */
  readonly type: 'task' | 'summary' | 'milestone';
  /** Whether a summary starts expanded (SVAR shows a branch's subtasks only when it is). */
  readonly open?: boolean;
  /** Baseline start (drawn by SVAR PRO with `baselines`). */
  readonly base_start?: Date;
  /** Baseline finish. */
  readonly base_end?: Date;
  /** Outline number (`1.2`), for a grid column. */
  readonly wbs: string;
  /** On campaignkit's critical path, for a template. */
  readonly critical: boolean;
}

/** A SVAR Gantt link, as the `links` prop takes it. */
export interface SvarLink {
  /** campaignkit's link id (`from->to`). */
  readonly id: string;
  /** Predecessor id. */
  readonly source: string;
  /** Successor id. */
  readonly target: string;
  /** Link type, see {@link SVAR_LINK_TYPES}. */
  readonly type: SvarLinkType;
}

/** One row of the time scale, as the `scales` prop takes it. */
export interface SvarScale {
  /** Column unit. */
  readonly unit: 'year' | 'month' | 'week' | 'day';
  /** Units per column. */
  readonly step: 1;
  /** Label, in SVAR's `%` date format (`%F` month name, `%Y` year, `%W` ISO week, `%j` day, `%M` short month). */
  readonly format: string;
}

/** Props of SVAR's `<Gantt>`: `<Gantt {...toSvarGantt(view)} />`. */
export interface SvarGanttData {
  /** Tasks in outline order. */
  readonly tasks: readonly SvarTask[];
  /** Links. */
  readonly links: readonly SvarLink[];
  /** Two scale rows: the view's column unit under the next larger one. */
  readonly scales: readonly SvarScale[];
  /** First day shown, at midnight. */
  readonly start: Date;
  /** The midnight after the last day shown. */
  readonly end: Date;
}

const SCALES: Readonly<Record<'day' | 'week' | 'month', readonly SvarScale[]>> = {
  day: [
    { unit: 'month', step: 1, format: '%F %Y' },
    { unit: 'day', step: 1, format: '%j' },
  ],
  week: [
    { unit: 'month', step: 1, format: '%F %Y' },
    { unit: 'week', step: 1, format: 'W%W' },
  ],
  month: [
    { unit: 'year', step: 1, format: '%Y' },
    { unit: 'month', step: 1, format: '%M' },
  ],
};

const OptionsSchema = z.object({ open: z.boolean().default(true) });

/**
 * A Gantt view as the props of SVAR's React (or Svelte) Gantt: tasks with `Date`s at campaignkit's
 * local wall-clock times (built with the local `Date` constructor, so they show the same times in
 * any browser zone), links with SVAR's type names, and a two-row scale over the view's range.
 * Baselines are given as `base_start`/`base_end`, drawn by SVAR PRO; SVAR does not show lags.
 *
 * @param view - what `buildGanttView` returns.
 * @throws `VALIDATION` for an invalid view or options.
 * @example
 * ```tsx
 * <Gantt {...toSvarGantt(buildGanttView(plan))} />
 * toSvarGantt(view).tasks[1];
 * // { id: 'brief', text: 'Brief', start: new Date(2026, 2, 2, 8, 0), end: new Date(2026, 2, 3, 17, 0),
 * //   progress: 50, parent: 'launch', type: 'task', base_start: …, base_end: …, wbs: '1.1', critical: true }
 * toSvarGantt(view).links[0]; // { id: 'brief->design', source: 'brief', target: 'design', type: 'e2s' }
 * ```
 */
export function toSvarGantt(view: GanttView, options: SvarGanttOptions = {}): SvarGanttData {
  const input = readGanttView(view);
  const opts = parseInput(OptionsSchema, options, 'SVAR Gantt options');
  return {
    tasks: input.rows.map((row) => svarTask(row, opts.open)),
    links: input.links.map((link) => ({ id: link.id, source: link.from, target: link.to, type: SVAR_LINK_TYPES[link.type] })),
    scales: SCALES[input.scale.unit],
    start: toLocalDate(input.from),
    end: toLocalDate(formatDay(parseDay(input.to) + 1)),
  };
}

function svarTask(row: GanttRowInput, open: boolean): SvarTask {
  return {
    id: row.id,
    text: row.name,
    start: toLocalDate(row.start),
    end: toLocalDate(row.finish),
    progress: row.percentComplete,
    ...(row.parentId === null ? {} : { parent: row.parentId }),
    type: row.summary ? 'summary' : row.milestone ? 'milestone' : 'task',
    ...(row.summary ? { open } : {}),
    ...(row.baseline === null ? {} : { base_start: toLocalDate(row.baseline.start), base_end: toLocalDate(row.baseline.finish) }),
    wbs: row.wbs,
    critical: row.critical,
  };
}

/**
 * The campaignkit link type of a SVAR Gantt link type (`'e2s'`, `'s2s'`, `'e2e'`, `'s2e'`).
 *
 * @throws `VALIDATION` for any other value.
 * @example
 * ```ts
 * linkTypeFromSvar('e2s'); // 'FS'
 * linkTypeFromSvar('s2e'); // 'SF'
 * linkTypeFromSvar('fs'); // throws CampaignKitError VALIDATION
 * ```
 */
export function linkTypeFromSvar(code: unknown): LinkType {
  return linkTypeFromCode(SVAR_LINK_TYPES, code, 'SVAR Gantt');
}
