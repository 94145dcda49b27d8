import type { WorkingTime } from '../calendar/workingTime.js';

/** Constraint codes in the engine's typed arrays. */
export const C_ASAP = 0;
export const C_ALAP = 1;
export const C_SNET = 2;
export const C_SNLT = 3;
export const C_FNET = 4;
export const C_FNLT = 5;
export const C_MSO = 6;
export const C_MFO = 7;
export const CONSTRAINT_CODES = ['ASAP', 'ALAP', 'SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO'] as const;

/**
 * The schedulable network after validation: leaf tasks as parallel typed arrays (local minutes,
 * `NaN` = absent) and links between leaves. Summary tasks are not in it; their links have been
 * expanded to their leaves and their dates are rolled up afterwards.
 */
export interface LeafNetwork {
  /** Number of leaf tasks. */
  readonly size: number;
  /** Leaf ids (for errors and results). */
  readonly ids: string[];
  /** Project start (local minutes). */
  readonly projectStart: number;
  /** Working time of each leaf's calendar. */
  readonly calendar: WorkingTime[];
  /** Duration in minutes (working, or wall-clock when elapsed). */
  readonly duration: Float64Array;
  /** Remaining duration in minutes. */
  readonly remaining: Float64Array;
  /** Minutes of split gaps, added to the duration when placing the task. */
  readonly gaps: Float64Array;
  /** Offsets into the assignment arrays, length size + 1 (a task without assignments has none). */
  readonly assignmentStart: Int32Array;
  /** Calendar of each assignment. */
  readonly assignmentCalendar: WorkingTime[];
  /** Time each assignment needs on its calendar (work / units), in minutes. */
  readonly assignmentTime: Float64Array;
  /** Time each assignment still needs. */
  readonly assignmentRemaining: Float64Array;
  /** 1 when the duration is elapsed (runs around the clock). */
  readonly elapsed: Uint8Array;
  /** 1 for a milestone. */
  readonly milestone: Uint8Array;
  /** 1 for a manually scheduled task. */
  readonly manual: Uint8Array;
  /** 1 for a placeholder: a manually scheduled task without decided dates, never critical. */
  readonly placeholder: Uint8Array;
  /** Start / finish of manually scheduled tasks. */
  readonly manualStart: Float64Array;
  readonly manualFinish: Float64Array;
  /** Constraint code (C_*) and date. */
  readonly constraint: Uint8Array;
  readonly constraintDate: Float64Array;
  /** Deadline. */
  readonly deadline: Float64Array;
  /** Actual start and finish. */
  readonly actualStart: Float64Array;
  readonly actualFinish: Float64Array;
  /** 1 when the task has started (an actual start or progress above 0). */
  readonly started: Uint8Array;
  /** 1 when the task is finished (an actual finish, or 100 % complete). */
  readonly done: Uint8Array;
  /** Earliest start a summary above the task imposes (its start-no-earlier-than), or NaN. */
  readonly startFloor: Float64Array;
  /** Links between leaves: endpoints, type code, lag. */
  readonly linkFrom: Int32Array;
  readonly linkTo: Int32Array;
  readonly linkType: Uint8Array;
  /** Lag in minutes (working on the successor's calendar, or wall-clock when `linkElapsed`). */
  readonly linkLag: Float64Array;
  readonly linkElapsed: Uint8Array;
  /** Percent of the predecessor's duration for a percent lag, else NaN. */
  readonly linkPercent: Float64Array;
  /** Minutes of total float at or below which a task is critical. */
  readonly criticalSlack: number;
}
