import type { WorkingTime } from '../calendar/workingTime.js';
import { C_MSO, C_SNET, C_SNLT, type LeafNetwork } from './_network.js';

/**
 * Time arithmetic on a task's own terms: its calendar (or its resources' calendars), or the clock
 * for an elapsed duration; lags on the successor's calendar; the start and finish forms Microsoft
 * Project shows on working-period boundaries.
 */
export class TaskTime {
  constructor(private readonly net: LeafNetwork) {}

  /** Adds a duration (negative subtracts) on task v's terms: its calendar, or the clock when elapsed. */
  addDuration(v: number, t: number, minutes: number): number {
    return this.net.elapsed[v] ? t + minutes : this.calendarOf(v).add(t, minutes);
  }

  /**
   * `t` plus (`sign` 1) or minus (-1) task v's whole (or remaining) length: its duration and split
   * gaps on its calendar, or, when resource assignments drive it, the time the last (first) of them
   * needs on its own calendar.
   */
  advance(v: number, t: number, sign: 1 | -1, remaining = false): number {
    const net = this.net;
    const first = net.assignmentStart[v] as number;
    const last = net.assignmentStart[v + 1] as number;
    if (first === last) {
      const length = (remaining ? (net.remaining[v] as number) : (net.duration[v] as number)) + (net.gaps[v] as number);
      return this.addDuration(v, t, sign * length);
    }
    let best = sign > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    for (let a = first; a < last; a++) {
      const calendar = net.assignmentCalendar[a] as WorkingTime;
      const need = (remaining ? net.assignmentRemaining[a] : net.assignmentTime[a]) as number;
      const at = sign > 0 ? calendar.add(calendar.nextStart(t), need) : calendar.add(t, -need);
      best = sign > 0 ? Math.max(best, at) : Math.min(best, at);
    }
    return best;
  }

  /** Time between two instants on task v's terms, in minutes. */
  span(v: number, a: number, b: number): number {
    return this.net.elapsed[v] ? b - a : this.calendarOf(v).between(a, b);
  }

  /** Moves `t` by link l's lag (`sign` -1 removes it), on the successor's calendar. */
  shift(l: number, t: number, sign: 1 | -1): number {
    const net = this.net;
    const percent = net.linkPercent[l] as number;
    const from = net.linkFrom[l] as number;
    const minutes = Number.isNaN(percent) ? (net.linkLag[l] as number) : Math.round(((net.duration[from] as number) * percent) / 100);
    if (minutes === 0) return t;
    const elapsed = Number.isNaN(percent) ? net.linkElapsed[l] === 1 : net.elapsed[from] === 1;
    if (elapsed) return t + sign * minutes;
    return this.calendarOf(net.linkTo[l] as number).add(t, sign * minutes);
  }

  /** Task v's calendar. */
  calendarOf(v: number): WorkingTime {
    return this.net.calendar[v] as WorkingTime;
  }

  /** The start form of `t` for task v; a milestone may stay at the end of a working period. */
  startAt(v: number, t: number): number {
    const net = this.net;
    if (net.elapsed[v]) return t;
    const first = net.assignmentStart[v] as number;
    const last = net.assignmentStart[v + 1] as number;
    if (first < last) {
      // The task starts when its first assignment can.
      let start = Number.POSITIVE_INFINITY;
      for (let a = first; a < last; a++) start = Math.min(start, (net.assignmentCalendar[a] as WorkingTime).nextStart(t));
      return start;
    }
    const calendar = this.calendarOf(v);
    const next = calendar.nextStart(t);
    if (next > t && net.milestone[v] && calendar.previousEnd(t) === t) return t;
    return next;
  }

  /**
   * Task v's constraint date on working time: a start constraint's date moves to the next working
   * time, a finish constraint's back to the end of the previous one (the same point in working time).
   */
  constraintTime(v: number): number {
    const net = this.net;
    const date = net.constraintDate[v] as number;
    if (Number.isNaN(date) || net.elapsed[v]) return date;
    const type = net.constraint[v];
    return type === C_SNET || type === C_SNLT || type === C_MSO ? this.startAt(v, date) : this.finishAt(v, date);
  }

  /** The finish form of `t` for task v: the end of the previous working period when no work lies between. */
  finishAt(v: number, t: number): number {
    const net = this.net;
    const first = net.assignmentStart[v] as number;
    const last = net.assignmentStart[v + 1] as number;
    if (first === last) return this.calendarOf(v).previousEnd(t);
    let finish = Number.NEGATIVE_INFINITY;
    for (let a = first; a < last; a++) finish = Math.max(finish, (net.assignmentCalendar[a] as WorkingTime).previousEnd(t));
    return finish;
  }
}
