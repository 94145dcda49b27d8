import { invalidField } from '../core/validate.js';
import type { DurationInput, DurationUnit } from '../model/primitives.js';

/** How long a day, a week and a month are in working time (Microsoft Project's options). */
export interface DurationSettings {
  /** Working minutes in a day (default 480 = 8 h). */
  readonly minutesPerDay: number;
  /** Working minutes in a week (default 2400 = 40 h). */
  readonly minutesPerWeek: number;
  /** Working days in a month (default 20). */
  readonly daysPerMonth: number;
}

/** Microsoft Project's defaults: 8 h days, 40 h weeks, 20-day months. */
export const DEFAULT_DURATION_SETTINGS: DurationSettings = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };

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
 * precision Microsoft Project schedules to.
 *
 * @param path - where the value sits in the caller's input, for the error message.
 */
export function resolveDuration(
  input: DurationInput,
  settings: DurationSettings = DEFAULT_DURATION_SETTINGS,
  path: readonly (string | number)[] = [],
): ResolvedDuration {
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
  return { minutes: minutes === 0 ? 0 : minutes, elapsed, unit };
}

/** Minutes of one `unit`, for reporting a minute count back in the unit it was entered in. */
export function minutesPerUnit(unit: DurationUnit, settings: DurationSettings = DEFAULT_DURATION_SETTINGS): number {
  return unitMinutes(unit, settings);
}
