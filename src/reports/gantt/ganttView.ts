import type { PeriodUnit } from '../../calendar/periods.js';
import type { LinkType } from '../../model/dependency.js';
import type { DurationUnit } from '../../model/primitives.js';

/**
 * The data of a Gantt chart: rows in outline order, the links between them, the time scale and
 * the today line. Plain data a UI renders as it likes, and the one input of every Gantt adapter and
 * of the Gantt picture. Dates are local `YYYY-MM-DDTHH:mm`, days `YYYY-MM-DD`, durations and floats
 * working minutes.
 */
export interface GanttView {
  /** First day shown (the first day of the scale's first period). */
  readonly from: string;
  /** Last day shown (the last day of the scale's last period). */
  readonly to: string;
  /** Project start. */
  readonly start: string;
  /** Project finish. */
  readonly finish: string;
  /** The today line, when a date was given. */
  readonly today: string | null;
  /** Working minutes in a day (the schedule's setting), for showing durations and lags in days. */
  readonly minutesPerDay: number;
  /** Rows in outline order: each summary before its subtasks, siblings in input order. */
  readonly rows: readonly GanttRow[];
  /** Dependencies, in input order. */
  readonly links: readonly GanttLink[];
  /** Ids of the critical tasks in dependency order. */
  readonly criticalPath: readonly string[];
  /** The time scale. */
  readonly scale: GanttScale;
}

/** One bar (or milestone diamond, or summary bracket) of a Gantt chart. */
export interface GanttRow {
  /** Task id. */
  readonly id: string;
  /** Display name (the id when the task has none). */
  readonly name: string;
  /** Outline number (work breakdown structure): `1`, `1.2`, `1.2.3`. */
  readonly wbs: string;
  /** Outline level: 1 for a top-level task. */
  readonly level: number;
  /** The summary it belongs to, or null at the top level. */
  readonly parentId: string | null;
  /** A summary task: its bar spans its subtasks. */
  readonly summary: boolean;
  /** A milestone: drawn as a diamond at `start`. */
  readonly milestone: boolean;
  /** Manually scheduled: links do not move it. */
  readonly manual: boolean;
  /** Scheduled start. */
  readonly start: string;
  /** Scheduled finish. */
  readonly finish: string;
  /** Duration in working minutes (for a summary, working time on the project calendar between its start and finish). */
  readonly duration: number;
  /** Percent complete 0–100; for a summary, rolled up from its subtasks weighted by duration as Microsoft Project does. */
  readonly percentComplete: number;
  /** On the critical path. */
  readonly critical: boolean;
  /** Total float in working minutes (negative when a constraint or deadline cannot be met). */
  readonly totalFloat: number;
  /** Free float in working minutes. */
  readonly freeFloat: number;
  /** The baseline bar, when a baseline holds the task. */
  readonly baseline: { readonly start: string; readonly finish: string } | null;
  /** The deadline marker and whether the finish misses it. */
  readonly deadline: { readonly date: string; readonly missed: boolean } | null;
  /** A constraint other than as soon as possible, for its marker. */
  readonly constraint: { readonly type: string; readonly date: string | null } | null;
}

/** A dependency arrow. */
export interface GanttLink {
  /** Stable id: `from->to`. */
  readonly id: string;
  /** Predecessor id. */
  readonly from: string;
  /** Successor id. */
  readonly to: string;
  /** Link type. */
  readonly type: LinkType;
  /** Lag (negative: lead) in minutes; working minutes unless `lagElapsed`. A percent lag is resolved against the predecessor's duration. */
  readonly lag: number;
  /** The lag runs around the clock (`'2ed'`). */
  readonly lagElapsed: boolean;
  /** The unit the lag was written in, for showing it back as entered. */
  readonly lagUnit: DurationUnit;
}

/** The time scale under the bars. */
export interface GanttScale {
  /** Size of one column. */
  readonly unit: PeriodUnit;
  /** The columns, in order: key (`2026-03-02`, `2026-W10`, `2026-03`) and first and last day. */
  readonly ticks: readonly { readonly key: string; readonly start: string; readonly end: string }[];
  /** Runs of whole non-working days on the project calendar inside the shown range, to shade. */
  readonly nonWorking: readonly { readonly start: string; readonly end: string }[];
}
