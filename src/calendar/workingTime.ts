import { CampaignKitError } from '../core/errors.js';
import type { CompiledCalendar, DayPeriods } from './compileCalendars.js';
import { FIRST_MINUTE, LAST_MINUTE, MINUTES_PER_DAY, formatLocal } from './localTime.js';

// How far a search for working time may run through time without any before the calendar is
// declared to have none.
const HORIZON_DAYS = 366 * 200;
const CHUNK_DAYS = 366;
// The index covers the supported dates and, beyond them, as far as a search for the next working
// time may look (a milestone on 9999-12-31 asks where the next working period starts). Past that,
// times are ±Infinity: results that far out are refused by the caller, and the index stays bounded.
const FIRST_DAY = Math.floor(FIRST_MINUTE / MINUTES_PER_DAY) - HORIZON_DAYS - CHUNK_DAYS;
const END_DAY = Math.floor(LAST_MINUTE / MINUTES_PER_DAY) + 1 + HORIZON_DAYS + CHUNK_DAYS;

/**
 * Working-time arithmetic on one calendar, in integer local minutes.
 *
 * The calendar is turned into a running total of working minutes at each day boundary (grown lazily
 * in both directions), so every operation is a binary search plus a scan of one day's periods:
 * O(log days), independent of how long a duration or lag is.
 *
 * Every instant `t` has a working position `workAt(t)`. One position maps back to an interval of
 * instants when non-working time lies between (Friday 17:00 and Monday 08:00 are the same position).
 * `instantAt(w, 'earliest')` picks the earliest such instant, the form a finish takes (17:00);
 * `'latest'` picks the latest, the form a start takes (08:00).
 */
export class WorkingTime {
  private lo = 0;
  private hi = 0;
  // cum[k] = working minutes from the anchor day's start to the start of day lo + k.
  private cum = new Float64Array(1);
  private days: DayPeriods[] = [];
  private anchored = false;

  constructor(readonly calendar: CompiledCalendar) {}

  /**
   * Working minutes from the anchor to `t` (monotonic in `t`); -Infinity / Infinity for times
   * before / after the span the index may cover.
   */
  workAt(t: number): number {
    const day = Math.floor(t / MINUTES_PER_DAY);
    if (!(day >= FIRST_DAY && day < END_DAY)) return Number.isNaN(t) ? t : t < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    this.cover(day, day + 1);
    const k = day - this.lo;
    const m = t - day * MINUTES_PER_DAY;
    const periods = this.days[k] as DayPeriods;
    let w = this.cum[k] as number;
    for (let i = 0; i < periods.length; i += 2) {
      const a = periods[i] as number;
      const b = periods[i + 1] as number;
      if (m >= b) w += b - a;
      else {
        if (m > a) w += m - a;
        break;
      }
    }
    return w;
  }

  /**
   * The earliest or latest instant whose working position is `w`; Infinity (-Infinity) when that
   * lies after (before) the span the index may cover.
   */
  instantAt(w: number, form: 'earliest' | 'latest'): number {
    if (!Number.isFinite(w)) return w;
    const latest = form === 'latest';
    // Grow until the window holds a day boundary past w (and before it, for 'earliest'). Time
    // without any work counts towards the horizon; a working day found resets it.
    let idle = 0;
    while (latest ? (this.cum[this.hi - this.lo] as number) <= w : (this.cum[this.hi - this.lo] as number) < w) {
      // Not even round-the-clock work up to the end of the span would reach w: do not build the index out.
      if (this.hi >= END_DAY || (this.cum[this.hi - this.lo] as number) + (END_DAY - this.hi) * MINUTES_PER_DAY < w) return Number.POSITIVE_INFINITY;
      const [from, before] = [this.hi, this.cum[this.hi - this.lo] as number];
      this.cover(this.lo, this.hi + CHUNK_DAYS);
      idle = this.cum[this.hi - this.lo] === before ? idle + this.hi - from : 0;
      if (idle > HORIZON_DAYS) this.noWorkingTime(from);
    }
    idle = 0;
    while (latest ? (this.cum[0] as number) > w : (this.cum[0] as number) >= w) {
      if (this.lo <= FIRST_DAY || (this.cum[0] as number) - (this.lo - FIRST_DAY) * MINUTES_PER_DAY > w) return Number.NEGATIVE_INFINITY;
      const [from, before] = [this.lo, this.cum[0] as number];
      this.cover(this.lo - CHUNK_DAYS, this.hi);
      idle = this.cum[0] === before ? idle + from - this.lo : 0;
      if (idle > HORIZON_DAYS) this.noWorkingTime(from);
    }
    // First day k whose end total is past w ('latest') or reaches w ('earliest').
    let lo = 0;
    let hi = this.hi - this.lo - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const end = this.cum[mid + 1] as number;
      if (latest ? end > w : end >= w) hi = mid;
      else lo = mid + 1;
    }
    const periods = this.days[lo] as DayPeriods;
    let acc = this.cum[lo] as number;
    for (let i = 0; i < periods.length; i += 2) {
      const a = periods[i] as number;
      const len = (periods[i + 1] as number) - a;
      if (latest ? w < acc + len : w <= acc + len) return (this.lo + lo) * MINUTES_PER_DAY + a + (w - acc);
      acc += len;
    }
    // Unreachable: the chosen day's total spans w.
    throw new CampaignKitError('INVALID_STATE', 'working-time index is inconsistent');
  }

  /** Adds (or, when negative, subtracts) working minutes; a finish takes the earliest form, a start the latest. */
  add(t: number, minutes: number): number {
    if (minutes === 0) return t;
    return this.instantAt(this.workAt(t) + minutes, minutes > 0 ? 'earliest' : 'latest');
  }

  /** `t` itself when working time follows it, else the start of the next working period. */
  nextStart(t: number): number {
    return this.instantAt(this.workAt(t), 'latest');
  }

  /** `t` itself when working time precedes it, else the end of the previous working period. */
  previousEnd(t: number): number {
    return this.instantAt(this.workAt(t), 'earliest');
  }

  /** Working minutes from `a` to `b` (negative when `b` is before `a`). */
  between(a: number, b: number): number {
    return this.workAt(b) - this.workAt(a);
  }

  /** Working periods on a day number. */
  periodsOn(day: number): DayPeriods {
    if (!(day >= FIRST_DAY && day < END_DAY)) return this.calendar.periods(day);
    this.cover(day, day + 1);
    return this.days[day - this.lo] as DayPeriods;
  }

  /** Makes the index cover days [from, to). */
  private cover(from: number, to: number): void {
    if (!this.anchored) {
      this.anchored = true;
      this.lo = from;
      this.hi = from;
    }
    if (from >= this.lo && to <= this.hi) return;
    // Grow by at least a year, and by at least the size already covered, so neither a walk day by
    // day nor a duration of centuries copies the index more than a few dozen times.
    const step = Math.max(CHUNK_DAYS, this.hi - this.lo);
    const lo = from < this.lo ? Math.max(FIRST_DAY, Math.min(from, this.lo - step)) : this.lo;
    const hi = to > this.hi ? Math.min(END_DAY, Math.max(to, this.hi + step)) : this.hi;
    const cum = new Float64Array(hi - lo + 1);
    const days: DayPeriods[] = new Array<DayPeriods>(hi - lo);
    const shift = this.lo - lo;
    cum.set(this.cum.subarray(0, this.hi - this.lo + 1), shift);
    for (let k = 0; k < this.hi - this.lo; k++) days[k + shift] = this.days[k] as DayPeriods;
    // Extend backwards from the old low boundary, then forwards from the old high boundary.
    for (let k = shift - 1; k >= 0; k--) {
      const periods = this.calendar.periods(lo + k);
      days[k] = periods;
      cum[k] = (cum[k + 1] as number) - total(periods);
    }
    for (let k = this.hi - lo; k < hi - lo; k++) {
      const periods = this.calendar.periods(lo + k);
      days[k] = periods;
      cum[k + 1] = (cum[k] as number) + total(periods);
    }
    this.lo = lo;
    this.hi = hi;
    this.cum = cum;
    this.days = days;
  }

  private noWorkingTime(day: number): never {
    throw new CampaignKitError(
      'VALIDATION',
      `Calendar "${this.calendar.id}" has no working time within ${HORIZON_DAYS / 366} years of ${formatLocal(day * MINUTES_PER_DAY).slice(0, 10)}; give it working days`,
      { details: { ids: [this.calendar.id] } },
    );
  }
}

function total(periods: DayPeriods): number {
  let sum = 0;
  for (let i = 0; i < periods.length; i += 2) sum += (periods[i + 1] as number) - (periods[i] as number);
  return sum;
}
