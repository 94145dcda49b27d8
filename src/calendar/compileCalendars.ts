import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { CalendarSchema, WEEKDAYS, type Calendar, type CalendarInput, type WorkWeek, type WorkingTime } from '../model/calendar.js';
import { parseDay, parseTimeOfDay, weekdayOf } from './localTime.js';
import { expandRecurrence } from './recurrence.js';

/** Working periods of one day as minutes after midnight: `[from0, to0, from1, to1, …]`. */
export type DayPeriods = readonly number[];

const NON_WORKING: DayPeriods = Object.freeze([]);

/** A calendar resolved against its base chain: answers "which hours work on this day?". */
export interface CompiledCalendar {
  /** The calendar's id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Working periods on a day number (days since 1970-01-01). */
  periods(day: number): DayPeriods;
}

function toPeriods(times: readonly WorkingTime[]): DayPeriods {
  return Object.freeze(times.flatMap((t) => [parseTimeOfDay(t.from), parseTimeOfDay(t.to)]));
}

function weekTable(week: WorkWeek): (DayPeriods | undefined)[] {
  return WEEKDAYS.map((d) => {
    const times = week[d];
    return times === undefined ? undefined : toPeriods(times);
  });
}

interface WorkWeekRange {
  readonly from: number;
  readonly to: number;
  readonly days: (DayPeriods | undefined)[];
}

/** Exceptions of one calendar expanded to a day → periods map (a later exception wins a day). */
function exceptionTable(calendar: Calendar): Map<number, DayPeriods> {
  const table = new Map<number, DayPeriods>();
  for (const ex of calendar.exceptions) {
    const periods = toPeriods(ex.times ?? []);
    const from = parseDay(ex.from);
    const to = ex.to === undefined ? (ex.recurrence ? Number.POSITIVE_INFINITY : from) : parseDay(ex.to);
    if (ex.recurrence) {
      for (const day of expandRecurrence(ex.recurrence, from, to, ex.occurrences)) table.set(day, periods);
    } else {
      const last = ex.occurrences === undefined ? to : Math.min(to, from + ex.occurrences - 1);
      for (let day = from; day <= last; day++) table.set(day, periods);
    }
  }
  return table;
}

class ResolvedCalendar implements CompiledCalendar {
  readonly id: string;
  readonly name: string;
  private readonly exceptions: Map<number, DayPeriods>;
  private readonly week: (DayPeriods | undefined)[];
  private readonly workWeeks: WorkWeekRange[];

  constructor(calendar: Calendar, private readonly base: ResolvedCalendar | undefined) {
    this.id = calendar.id;
    this.name = calendar.name;
    this.exceptions = exceptionTable(calendar);
    this.week = weekTable(calendar.week);
    this.workWeeks = calendar.workWeeks.map((w) => ({ from: parseDay(w.from), to: parseDay(w.to), days: weekTable(w.week) }));
  }

  periods(day: number): DayPeriods {
    // Exceptions of this calendar, then of its bases, take precedence over any working week.
    for (let c: ResolvedCalendar | undefined = this; c; c = c.base) {
      const exception = c.exceptions.get(day);
      if (exception) return exception;
    }
    return this.weekPeriods(day);
  }

  /** The working week's periods on `day`: a work-week range, this week, then the base's. */
  private weekPeriods(day: number): DayPeriods {
    const weekday = weekdayOf(day);
    for (let i = this.workWeeks.length - 1; i >= 0; i--) {
      const range = this.workWeeks[i] as WorkWeekRange;
      const periods = day >= range.from && day <= range.to ? range.days[weekday] : undefined;
      if (periods) return periods;
    }
    const own = this.week[weekday];
    if (own) return own;
    return this.base ? this.base.weekPeriods(day) : NON_WORKING;
  }
}

/**
 * Validates calendars and resolves their base chains. Unknown bases are `NOT_FOUND`; a base chain
 * that loops is a `CYCLE` listing the ids in order.
 */
export function compileCalendars(inputs: readonly CalendarInput[]): Map<string, CompiledCalendar> {
  const specs = new Map<string, Calendar>();
  inputs.forEach((input, i) => {
    const calendar = parseInput(CalendarSchema, input, `calendar #${i}`);
    if (specs.has(calendar.id)) {
      throw new CampaignKitError('VALIDATION', `Two calendars have the id "${calendar.id}"; calendar ids must be unique`, {
        details: { issues: [{ path: [i, 'id'], message: 'duplicate calendar id', code: 'custom' }] },
      });
    }
    specs.set(calendar.id, calendar);
  });
  const compiled = new Map<string, ResolvedCalendar>();
  const resolve = (id: string, chain: string[]): ResolvedCalendar => {
    const done = compiled.get(id);
    if (done) return done;
    const spec = specs.get(id);
    if (!spec) throw new CampaignKitError('NOT_FOUND', `Calendar "${chain.at(-1)}" derives from unknown calendar "${id}"`, { details: { ids: [id] } });
    if (chain.includes(id)) {
      const cycle = [...chain.slice(chain.indexOf(id)), id];
      throw new CampaignKitError('CYCLE', `Calendars derive from each other in a loop: ${cycle.join(' -> ')}`, { details: { cycle } });
    }
    const base = spec.base === undefined ? undefined : resolve(spec.base, [...chain, id]);
    const result = new ResolvedCalendar(spec, base);
    compiled.set(id, result);
    return result;
  };
  for (const id of specs.keys()) resolve(id, []);
  return compiled;
}
