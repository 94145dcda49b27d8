import * as z from 'zod';
import { STANDARD_CALENDAR } from '../calendar/standardCalendars.js';
import { createWorkingCalendar } from '../calendar/workingCalendar.js';
import { parseInput } from '../core/validate.js';
import { BaselineTaskSchema } from '../model/baseline.js';
import type { CalendarInput } from '../model/calendar.js';
import { InstantSchema } from '../model/primitives.js';
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

// What the baseline functions read of their arguments, checked before anything is read.
const SavedTaskSchema = BaselineTaskSchema;
const ResultTasksSchema = z.object({ tasks: z.array(SavedTaskSchema.extend({ id: z.string() })) });
const BaselineSchema = z.object({ savedAt: z.string().optional(), tasks: z.record(z.string(), SavedTaskSchema) });
const SaveOptionsSchema = z.object({ savedAt: InstantSchema.optional() });
const CompareOptionsSchema = z.object({ calendar: z.unknown().optional(), calendars: z.array(z.unknown()).optional() });

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
  parseInput(ResultTasksSchema, result, 'schedule result');
  const { savedAt } = parseInput(SaveOptionsSchema, options, 'baseline options');
  const tasks: Record<string, BaselineTask> = {};
  // Defined rather than assigned, so a task with the id "__proto__" is kept like any other.
  for (const t of result.tasks) Object.defineProperty(tasks, t.id, { value: { start: t.start, finish: t.finish, duration: t.duration }, enumerable: true, writable: true, configurable: true });
  return { ...(savedAt ? { savedAt } : {}), tasks };
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
  parseInput(ResultTasksSchema, result, 'schedule result');
  parseInput(BaselineSchema, baseline, 'baseline');
  parseInput(CompareOptionsSchema, options, 'baseline options');
  const calendar = createWorkingCalendar(options.calendar ?? STANDARD_CALENDAR, { calendars: options.calendars ?? [] });
  const current = new Set(result.tasks.map((t) => t.id));
  const rows: BaselineVariance[] = result.tasks.map((t) => {
    // Own tasks only: a task called "constructor" is not in every baseline.
    const saved = Object.hasOwn(baseline.tasks, t.id) ? baseline.tasks[t.id] : undefined;
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
