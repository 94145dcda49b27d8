import * as z from 'zod';
import { formatLocal, parseLocal } from '../../../calendar/localTime.js';
import { parseInput } from '../../../core/validate.js';
import { LINK_TYPES, LinkTypeSchema, type LinkType } from '../../../model/dependency.js';
import type { GanttView } from '../ganttView.js';
import { readGanttView, type GanttRowInput } from '../readGanttView.js';
import { localParts, spaceSeparated } from './_localDate.js';

/** Options of {@link toFrappeGantt}. */
export interface FrappeGanttOptions {
  /**
   * The link types that become `dependencies` (default all four). frappe-gantt draws every
   * dependency as a finish-to-start arrow; pass `['FS']` to leave out the links it cannot draw as
   * they are.
   */
  readonly linkTypes?: readonly LinkType[];
}

/** A frappe-gantt task, as `new Gantt(element, tasks)` reads it. */
export interface FrappeTask {
  /** campaignkit's task id, spaces written as `_` as frappe-gantt does itself. */
  readonly id: string;
  /** Task name. */
  readonly name: string;
  /** Start, local `YYYY-MM-DD HH:mm` (the form frappe-gantt's parser reads with a time). */
  readonly start: string;
  /** Finish, local `YYYY-MM-DD HH:mm`; a finish at midnight is written as 23:59 the day before, since frappe-gantt reads a midnight end as a whole day more. */
  readonly end: string;
  /** Percent complete 0–100. */
  readonly progress: number;
  /** Ids of its predecessors. */
  readonly dependencies: readonly string[];
  /** One class for the bar: `ck-task`, `ck-summary` or `ck-milestone`, with `-critical` on the critical path. */
  readonly custom_class: string;
}

const OptionsSchema = z.object({ linkTypes: z.array(LinkTypeSchema).default([...LINK_TYPES]) });

/**
 * A Gantt view as frappe-gantt's task list. frappe-gantt has no outline, no milestones and one kind
 * of arrow: rows come flat in outline order, summaries and milestones are told apart by
 * `custom_class` (a milestone is a bar of no length, for your CSS to draw as a marker), and each
 * link becomes a dependency of its successor, drawn from the end of the predecessor to the start of
 * the successor whatever its type (see {@link FrappeGanttOptions.linkTypes}). Lags are not shown.
 * frappe-gantt draws bars in whole days.
 *
 * @param view - what `buildGanttView` returns.
 * @throws `VALIDATION` for an invalid view or options.
 * @example
 * ```ts
 * new Gantt('#chart', toFrappeGantt(buildGanttView(plan)));
 * toFrappeGantt(view)[2];
 * // { id: 'design', name: 'Design', start: '2026-03-05 08:00', end: '2026-03-09 17:00', progress: 0,
 * //   dependencies: ['brief'], custom_class: 'ck-task-critical' }
 * ```
 */
export function toFrappeGantt(view: GanttView, options: FrappeGanttOptions = {}): FrappeTask[] {
  const input = readGanttView(view);
  const opts = parseInput(OptionsSchema, options, 'frappe-gantt options');
  const shown = new Set(opts.linkTypes);
  const predecessors = new Map<string, Set<string>>();
  for (const link of input.links) {
    if (!shown.has(link.type)) continue;
    predecessors.set(link.to, (predecessors.get(link.to) ?? new Set()).add(frappeId(link.from)));
  }
  return input.rows.map((row) => ({
    id: frappeId(row.id),
    name: row.name,
    start: spaceSeparated(localParts(row.start)),
    end: frappeEnd(row),
    progress: row.percentComplete,
    dependencies: [...(predecessors.get(row.id) ?? [])],
    custom_class: `ck-${row.summary ? 'summary' : row.milestone ? 'milestone' : 'task'}${row.critical ? '-critical' : ''}`,
  }));
}

// frappe-gantt replaces spaces in string ids (not in a dependency array), so both are written its way.
function frappeId(id: string): string {
  return id.replaceAll(' ', '_');
}

function frappeEnd(row: GanttRowInput): string {
  const finish = parseLocal(row.finish);
  const atMidnight = finish % 1440 === 0;
  // A milestone keeps its instant: moving it a minute earlier would put its end before its start.
  return spaceSeparated(localParts(atMidnight && finish > parseLocal(row.start) ? formatLocal(finish - 1) : row.finish));
}
