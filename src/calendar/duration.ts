import type * as z from 'zod';
import { parseInput, invalidField } from '../core/validate.js';
import { DURATION_UNITS, DurationSettingsSchema, SUPPORTED_MINUTES, type DurationInput, type DurationUnit } from '../model/primitives.js';

/** How long a day, a week and a month are in working time (Microsoft Project's options). */
export type DurationSettings = Readonly<z.output<typeof DurationSettingsSchema>>;

/** Microsoft Project's defaults: 8 h days, 40 h weeks, 20-day months. */
export const DEFAULT_DURATION_SETTINGS: DurationSettings = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };

/**
 * The longest duration or lag, in minutes: the whole span of the supported dates (1900–9999).
 * Nothing longer can be scheduled, and the bound keeps every minute count a safe integer.
 */
export const MAX_DURATION_MINUTES = SUPPORTED_MINUTES.last - SUPPORTED_MINUTES.first;

/** A duration resolved to minutes. */
export interface ResolvedDuration {
  /** Minutes: working minutes, or wall-clock minutes when `elapsed`. Negative for a lead. */
  readonly minutes: number;
  /** Elapsed durations run around the clock, ignoring the calendar. */
  readonly elapsed: boolean;
  /** For a percent lag, the percentage (of the predecessor's duration); `minutes` is then 0. */
  readonly percent?: number;
  /** The unit it was written in (the unit floats and variances are reported in). */
  readonly unit: DurationUnit;
}

const ALIASES: Readonly<Record<string, DurationUnit>> = {
  m: 'm', min: 'm', mins: 'm',
  h: 'h', hr: 'h', hrs: 'h',
  d: 'd', day: 'd', days: 'd',
  w: 'w', wk: 'w', wks: 'w',
  mo: 'mo', mon: 'mo',
  em: 'em', eh: 'eh', ed: 'ed', ew: 'ew', emo: 'emo',
  '%': '%', 'e%': 'e%',
};

const PATTERN = /^\s*([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*([a-z%]+)\s*$/i;

function unitMinutes(unit: DurationUnit, s: DurationSettings): number {
  switch (unit) {
    case 'm': case 'em': return 1;
    case 'h': case 'eh': return 60;
    case 'd': return s.minutesPerDay;
    case 'w': return s.minutesPerWeek;
    case 'mo': return s.minutesPerDay * s.daysPerMonth;
    case 'ed': return 1440;
    case 'ew': return 10080;
    // Project counts an elapsed month as 30 elapsed days.
    case 'emo': return 43200;
    case '%': case 'e%': return 0;
  }
}

/**
 * Resolves `'2d'`, `'-1d'`, `'4h'`, `'2ed'`, `'50%'` or `{ value, unit }` to minutes using the
 * project's day/week/month lengths. Fractions of a minute are rounded to the nearest minute, the
 * precision Microsoft Project schedules to. Throws `VALIDATION` for anything that is not a
 * duration, for settings outside their ranges, and for a duration longer than the span of the
 * supported dates (1900–9999).
 *
 * @param path - where the value sits in the caller's input, for the error message.
 * @example
 * ```ts
 * resolveDuration('2d');                        // { minutes: 960, elapsed: false, unit: 'd' }
 * resolveDuration('-1d');                       // { minutes: -480, elapsed: false, unit: 'd' }
 * resolveDuration('50%');                       // { minutes: 0, elapsed: false, percent: 50, unit: '%' }
 * resolveDuration('1d', { minutesPerDay: 450, minutesPerWeek: 2250, daysPerMonth: 21 }).minutes; // 450
 * ```
 */
export function resolveDuration(
  input: DurationInput,
  settings: DurationSettings = DEFAULT_DURATION_SETTINGS,
  path: readonly (string | number)[] = [],
): ResolvedDuration {
  if (!Array.isArray(path) || !path.every((key) => typeof key === 'string' || typeof key === 'number')) {
    throw invalidField('duration', ['path'], 'expected the path as an array of strings and numbers');
  }
  if (typeof input !== 'string') {
    const object = typeof input === 'object' && input !== null ? (input as { value?: unknown; unit?: unknown }) : undefined;
    if (object === undefined || typeof object.value !== 'number' || !(DURATION_UNITS as readonly unknown[]).includes(object.unit)) {
      throw invalidField('duration', path, "expected a duration such as '2d' or { value: 2, unit: 'd' }");
    }
  }
  const checked = settings === DEFAULT_DURATION_SETTINGS ? settings : parseInput(DurationSettingsSchema, settings, 'duration settings');
  return readDuration(input, checked, path);
}

/**
 * {@link resolveDuration} for input a schema has already checked (a `DurationInputSchema` value and
 * settings within their ranges), as the scheduler reads every task's duration.
 */
export function readDuration(input: DurationInput, settings: DurationSettings, path: readonly (string | number)[]): ResolvedDuration {
  let value: number;
  let unit: DurationUnit | undefined;
  if (typeof input === 'string') {
    const m = PATTERN.exec(input);
    unit = m ? ALIASES[(m[2] ?? '').toLowerCase()] : undefined;
    if (!m || unit === undefined) {
      throw invalidField('duration', path, `cannot read duration ${JSON.stringify(input)}; write e.g. '30m', '4h', '2d', '1w', '1mo', '2ed' or '50%'`);
    }
    value = Number(m[1]);
  } else {
    value = input.value;
    unit = input.unit;
  }
  if (!Number.isFinite(value)) throw invalidField('duration', path, 'a duration must be a finite number');
  const elapsed = unit.startsWith('e');
  if (unit === '%' || unit === 'e%') return { minutes: 0, elapsed, percent: value, unit };
  const minutes = Math.round(value * unitMinutes(unit, settings));
  if (!(Math.abs(minutes) <= MAX_DURATION_MINUTES)) {
    throw invalidField('duration', path, `a duration or lag cannot be longer than ${MAX_DURATION_MINUTES} minutes, the span of the supported dates (1900–9999)`);
  }
  return { minutes: minutes === 0 ? 0 : minutes, elapsed, unit };
}

/** Minutes of one `unit`, for reporting a minute count back in the unit it was entered in. */
export function minutesPerUnit(unit: DurationUnit, settings: DurationSettings = DEFAULT_DURATION_SETTINGS): number {
  return unitMinutes(unit, settings);
}
