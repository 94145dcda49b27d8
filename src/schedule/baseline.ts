import { STANDARD_CALENDAR } from '../calendar/standardCalendars.js';
import { createWorkingCalendar } from '../calendar/workingCalendar.js';
import type { CalendarInput } from '../model/calendar.js';
import type { ScheduleResult } from './scheduleProject.js';

/** One task as it stood when a baseline was saved. */
export interface BaselineTask {
  /** Start, `YYYY-MM-DDTHH:mm`. */
  readonly start: string;
  /** Finish. */
  readonly finish: string;
  /** Duration in minutes. */
  readonly duration: number;
}

/** A saved copy of a schedule's dates, to measure slippage against. */
export interface Baseline {
  /** When it was saved (ISO instant), if the caller said. */
  readonly savedAt?: string;
  /** Tasks by id. */
  readonly tasks: Readonly<Record<string, BaselineTask>>;
}

/** How one task has moved against the baseline. */
export interface BaselineVariance {
  /** Task id. */
  readonly id: string;
  /** `added`: not in the baseline; `removed`: in the baseline only; else compared. */
  readonly status: 'compared' | 'added' | 'removed';
  /** Working minutes from baseline start to current start (positive = later); null unless compared. */
  readonly startVariance: number | null;
  /** Working minutes from baseline finish to current finish (positive = later). */
  readonly finishVariance: number | null;
  /** Current duration minus baseline duration, in minutes. */
  readonly durationVariance: number | null;
}

/**
 * Saves the current start, finish and duration of every task as a baseline.
 *
 * @example
 * ```ts
 * const baseline = saveBaseline(scheduleProject(plan), { savedAt: '2026-03-02T09:00:00Z' });
 * baseline.tasks.brief; // { start: '2026-03-02T08:00', finish: '2026-03-03T17:00', duration: 960 }
 * ```
 */
export function saveBaseline(result: ScheduleResult, options: { savedAt?: string } = {}): Baseline {
  const tasks: Record<string, BaselineTask> = {};
  for (const t of result.tasks) tasks[t.id] = { start: t.start, finish: t.finish, duration: t.duration };
  return { ...(options.savedAt ? { savedAt: options.savedAt } : {}), tasks };
}

/**
 * Compares a schedule with a baseline: start, finish and duration variance per task, with start and
 * finish variance in working minutes on `calendar` (default Standard), positive when the task is
 * later than planned. Tasks added since, or removed since, are listed with their status.
 *
 * @example
 * ```ts
 * compareToBaseline(scheduleProject(slipped), baseline)[0];
 * // { id: 'brief', status: 'compared', startVariance: 0, finishVariance: 480, durationVariance: 480 }
 * ```
 */
export function compareToBaseline(
  result: ScheduleResult,
  baseline: Baseline,
  options: { calendar?: CalendarInput; calendars?: readonly CalendarInput[] } = {},
): BaselineVariance[] {
  const calendar = createWorkingCalendar(options.calendar ?? STANDARD_CALENDAR, { calendars: options.calendars ?? [] });
  const current = new Set(result.tasks.map((t) => t.id));
  const rows: BaselineVariance[] = result.tasks.map((t) => {
    const saved = baseline.tasks[t.id];
    if (!saved) return { id: t.id, status: 'added', startVariance: null, finishVariance: null, durationVariance: null };
    return {
      id: t.id,
      status: 'compared',
      startVariance: calendar.workingMinutesBetween(saved.start, t.start),
      finishVariance: calendar.workingMinutesBetween(saved.finish, t.finish),
      durationVariance: t.duration - saved.duration,
    };
  });
  for (const id of Object.keys(baseline.tasks)) {
    if (!current.has(id)) rows.push({ id, status: 'removed', startVariance: null, finishVariance: null, durationVariance: null });
  }
  return rows;
}
