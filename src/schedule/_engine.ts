import { buildTaskGraph, type TaskGraph } from '../graph/taskGraph.js';
import { C_ALAP, C_FNET, C_FNLT, C_MFO, C_MSO, C_SNET, C_SNLT, type LeafNetwork } from './_network.js';
import { TaskTime } from './_taskTime.js';
import { FF, FS, SS } from './linkTypes.js';

/**
 * Critical-path scheduling on working calendars, following Microsoft Project's rules (the ones its
 * files show): starts move to the next working time, finishes derived from a start end at the end of
 * working time, late finishes move back to the end of the previous working period, lags count on the
 * successor's calendar, floats count on the task's own calendar.
 *
 * Per-task rules live in `forward`, `backward` and `floats`, so a full pass and an incremental
 * reschedule run exactly the same code.
 */
export class ScheduleEngine {
  readonly graph: TaskGraph;
  readonly es: Float64Array;
  readonly ef: Float64Array;
  readonly ls: Float64Array;
  readonly lf: Float64Array;
  /** Late start before an actual start overrides it; predecessors' FS late finishes use it. */
  readonly calcLs: Float64Array;
  readonly tf: Float64Array;
  readonly ff: Float64Array;
  readonly critical: Uint8Array;
  /** Start the links required when a constraint pulled a task earlier; NaN when none did. */
  readonly conflictStart: Float64Array;
  /** Project finish: the latest early finish. */
  finish = Number.NaN;
  /** True while successors of as-late-as-possible tasks are placed from those tasks' late dates. */
  private alapPass = false;

  /** Working-time arithmetic on each task's own terms. */
  readonly time: TaskTime;

  constructor(readonly net: LeafNetwork) {
    this.time = new TaskTime(net);
    // Links were checked for self-links and duplicates as the user wrote them; expanding summary
    // links can legitimately give two links between the same two tasks.
    this.graph = buildTaskGraph(net.size, net.linkFrom, net.linkTo, (i) => net.ids[i] as string, { allowParallelLinks: true });
    const n = net.size;
    this.es = new Float64Array(n);
    this.ef = new Float64Array(n);
    this.ls = new Float64Array(n);
    this.lf = new Float64Array(n);
    this.calcLs = new Float64Array(n);
    this.tf = new Float64Array(n);
    this.ff = new Float64Array(n);
    this.critical = new Uint8Array(n);
    this.conflictStart = new Float64Array(n).fill(Number.NaN);
  }

  /** Takes over another engine's computed dates (same tasks, other links) before an incremental update. */
  adopt(other: ScheduleEngine): void {
    this.es.set(other.es);
    this.ef.set(other.ef);
    this.ls.set(other.ls);
    this.lf.set(other.lf);
    this.calcLs.set(other.calcLs);
    this.tf.set(other.tf);
    this.ff.set(other.ff);
    this.critical.set(other.critical);
    this.conflictStart.set(other.conflictStart);
    this.finish = other.finish;
  }

  /** Runs the whole schedule: forward pass, backward pass, the as-late-as-possible pass, floats. */
  run(): void {
    const order = this.graph.order;
    const n = order.length;
    this.alapPass = false;
    for (let p = 0; p < n; p++) this.forward(order[p] as number);
    this.finish = this.projectFinish();
    for (let p = n - 1; p >= 0; p--) this.backward(order[p] as number);
    if (this.net.constraint.includes(C_ALAP)) {
      this.alapPass = true;
      for (let p = 0; p < n; p++) this.forward(order[p] as number);
    }
    for (let v = 0; v < n; v++) this.floats(v);
  }

  /** The latest early finish; the project start for an empty network. */
  projectFinish(): number {
    let finish = Number.NEGATIVE_INFINITY;
    for (let v = 0; v < this.net.size; v++) if ((this.ef[v] as number) > finish) finish = this.ef[v] as number;
    return finish === Number.NEGATIVE_INFINITY ? this.net.projectStart : finish;
  }

  // ---- time arithmetic ----------------------------------------------------------------------

  private startOf(u: number): number {
    return this.alapPass && this.net.constraint[u] === C_ALAP ? (this.ls[u] as number) : (this.es[u] as number);
  }

  private finishOf(u: number): number {
    return this.alapPass && this.net.constraint[u] === C_ALAP ? (this.lf[u] as number) : (this.ef[u] as number);
  }

  // ---- per-task rules -------------------------------------------------------------------------

  /** Early dates of task v from its predecessors' early dates, its constraint and its actuals. */
  forward(v: number): void {
    const net = this.net;
    this.conflictStart[v] = Number.NaN;
    if (net.manual[v]) {
      const start = net.manualStart[v] as number;
      const finish = net.manualFinish[v] as number;
      this.es[v] = start;
      this.ef[v] = Number.isNaN(finish) ? this.time.advance(v, start, 1) : finish;
      return;
    }
    const actualStart = net.actualStart[v] as number;
    if (!Number.isNaN(actualStart)) {
      const actualFinish = net.actualFinish[v] as number;
      this.es[v] = actualStart;
      this.ef[v] = Number.isNaN(actualFinish) ? this.time.advance(v, actualStart, 1) : actualFinish;
      return;
    }

    // The binding link: the latest start it implies. FF and SF links bind the finish instead, which
    // keeps the form the link gives it (an SF successor can finish at Monday 08:00).
    let start = Number.NEGATIVE_INFINITY;
    let finish = Number.NaN;
    const { predStart, predLinks } = this.graph;
    const linked = (predStart[v + 1] as number) > (predStart[v] as number);
    for (let k = predStart[v] as number, end = predStart[v + 1] as number; k < end; k++) {
      const l = predLinks[k] as number;
      const u = net.linkFrom[l] as number;
      const type = net.linkType[l];
      let candidate: number;
      let candidateFinish = Number.NaN;
      if (type === FS) candidate = this.time.shift(l, this.finishOf(u), 1);
      else if (type === SS) candidate = this.time.shift(l, this.startOf(u), 1);
      else {
        candidateFinish = this.time.shift(l, type === FF ? this.finishOf(u) : this.startOf(u), 1);
        candidate = this.time.advance(v, candidateFinish, -1);
        // An FF successor is never pulled before the project start.
        if (type === FF && candidate < net.projectStart) {
          candidate = net.projectStart;
          candidateFinish = Number.NaN;
        }
      }
      if (candidate > start || (candidate === start && Number.isNaN(candidateFinish))) {
        start = candidate;
        finish = candidateFinish;
      }
    }
    const type = net.constraint[v];
    const date = this.time.constraintTime(v);
    if (!linked) {
      if (type === C_SNET) start = date;
      else if (type === C_FNET) {
        finish = date;
        start = this.time.advance(v, date, -1);
      } else start = net.projectStart;
    }
    const floor = net.startFloor[v] as number;
    if (floor > start) [start, finish] = [floor, Number.NaN];
    if (Number.isNaN(finish)) start = this.time.startAt(v, start);
    const required = start;

    switch (type) {
      case C_SNET:
        if (start < date) [start, finish] = [this.time.startAt(v, date), Number.NaN];
        break;
      case C_FNET: {
        const earliest = this.time.advance(v, date, -1);
        if (start < earliest) [start, finish] = [earliest, Number.NaN];
        break;
      }
      case C_SNLT:
        if (start > date) [start, finish] = [date, Number.NaN];
        break;
      case C_FNLT: {
        const latest = this.time.advance(v, date, -1);
        if (start > latest) [start, finish] = [latest, Number.NaN];
        break;
      }
      case C_MSO:
        [start, finish] = [date, Number.NaN];
        break;
      case C_MFO:
        [start, finish] = [this.time.advance(v, date, -1), date];
        break;
    }
    if (linked && start < required) this.conflictStart[v] = required;
    this.es[v] = start;
    this.ef[v] = Number.isNaN(finish) ? this.time.advance(v, start, 1) : finish;
  }

  /** Late dates of task v from its successors' late dates, its constraint and its deadline. */
  backward(v: number): void {
    const net = this.net;
    const actualStart = net.actualStart[v] as number;
    if (net.done[v]) {
      // A finished task stays where it happened (its early dates hold its actuals).
      this.lf[v] = this.ef[v] as number;
      this.calcLs[v] = this.es[v] as number;
      this.ls[v] = this.es[v] as number;
      return;
    }
    const finish = this.finish;
    const manual = net.manual[v] === 1;
    const { succStart, succLinks } = this.graph;
    let late = Number.POSITIVE_INFINITY;
    for (let k = succStart[v] as number, end = succStart[v + 1] as number; k < end; k++) {
      const l = succLinks[k] as number;
      const w = net.linkTo[l] as number;
      if (net.done[w]) continue;
      const type = net.linkType[l];
      let bound: number;
      if (type === FS) bound = this.time.shift(l, this.calcLs[w] as number, -1);
      else if (type === FF) bound = this.time.shift(l, this.lf[w] as number, -1);
      else if (manual) {
        // A manually scheduled predecessor is held by a start-driven link only when the successor
        // ends a chain; otherwise Project leaves it to the project finish.
        bound = succStart[w + 1] === succStart[w] ? (this.lf[w] as number) : finish;
      } else if (type === SS) {
        bound = net.started[v]
          ? finish
          : this.time.advance(v, this.time.shift(l, this.time.calendarOf(v).nextStart(this.ls[w] as number), -1), 1);
      } else bound = this.time.shift(l, this.time.advance(v, this.lf[w] as number, 1), -1);
      if (bound > finish) bound = finish;
      if (bound < late) late = bound;
    }
    if (late === Number.POSITIVE_INFINITY) late = finish;
    const date = this.time.constraintTime(v);
    switch (net.constraint[v]) {
      case C_MSO:
        late = this.time.advance(v, date, 1);
        break;
      case C_MFO:
        late = date;
        break;
      case C_SNLT:
        late = Math.min(late, this.time.advance(v, date, 1));
        break;
      case C_FNLT:
        late = Math.min(late, date);
        break;
    }
    const deadline = net.deadline[v] as number;
    if (deadline < late) late = deadline;
    if (!manual && !net.milestone[v] && !net.elapsed[v]) late = this.time.finishAt(v, late);
    this.lf[v] = late;
    const lateStart = this.time.advance(v, late, -1, !manual);
    this.calcLs[v] = lateStart;
    this.ls[v] = net.started[v] ? (Number.isNaN(actualStart) ? (this.es[v] as number) : actualStart) : lateStart;
  }

  /** Total float, free float and the critical flag of task v. */
  floats(v: number): void {
    const net = this.net;
    const done = net.done[v] === 1;
    const alap = net.constraint[v] === C_ALAP;
    const startSlack = this.time.span(v, this.es[v] as number, this.ls[v] as number);
    const finishSlack = this.time.span(v, this.ef[v] as number, this.lf[v] as number);
    const total = alap ? 0 : net.started[v] ? finishSlack : Math.min(startSlack, finishSlack);
    let free = Number.POSITIVE_INFINITY;
    if (done) free = 0;
    else {
      const { succStart, succLinks } = this.graph;
      for (let k = succStart[v] as number, end = succStart[v + 1] as number; k < end; k++) {
        const l = succLinks[k] as number;
        const w = net.linkTo[l] as number;
        if (net.done[w]) continue;
        const type = net.linkType[l];
        const own = type === FS || type === FF ? this.shownFinish(v) : this.shownStart(v);
        const theirs = type === FS || type === SS ? this.shownStart(w) : this.shownFinish(w);
        const slack = this.time.span(v, this.time.shift(l, own, 1), theirs);
        if (slack < free) free = slack;
      }
      // A task cannot slip further without moving a successor than without moving the project.
      if (free > total) free = total;
      if (free < 0) free = 0;
    }
    this.tf[v] = total;
    this.ff[v] = free;
    // A placeholder (dates not decided) is never on the critical path, whatever its float.
    this.critical[v] = !done && !net.placeholder[v] && total <= net.criticalSlack ? 1 : 0;
  }

  /** Start shown for task v: late for as-late-as-possible tasks, else early. */
  shownStart(v: number): number {
    return this.net.constraint[v] === C_ALAP ? (this.ls[v] as number) : (this.es[v] as number);
  }

  /** Finish shown for task v. */
  shownFinish(v: number): number {
    return this.net.constraint[v] === C_ALAP ? (this.lf[v] as number) : (this.ef[v] as number);
  }
}
