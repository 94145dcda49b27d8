import { C_ALAP } from './_network.js';
import type { ScheduleEngine } from './_engine.js';
import type { ProjectStructure } from './_normalize.js';
import { SF, SS } from './linkTypes.js';

/** Leaf links in typed arrays. */
export interface LeafLinks {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly type: Uint8Array;
  readonly lag: Float64Array;
  readonly elapsed: Uint8Array;
  readonly percent: Float64Array;
}

/** The leaves under a task (itself when it is a leaf). */
export function leavesUnder(s: ProjectStructure, task: number, cache: Map<number, number[]> = new Map()): number[] {
  const leaf = s.leafOf[task] as number;
  if (leaf !== -1) return [leaf];
  let out = cache.get(task);
  if (!out) {
    out = (s.children[task] as number[]).flatMap((c) => leavesUnder(s, c, cache));
    cache.set(task, out);
  }
  return out;
}

/**
 * Expands links on summary tasks to their leaves, as Microsoft Project applies them: a summary
 * successor's links hold every task under it; a summary predecessor's finish is its last finishing
 * task's (so every task under it precedes), and its start its earliest task's, found by `earliest`.
 * Without `earliest`, links touching a summary are left out (the first pass that finds them).
 */
export function expandLinks(s: ProjectStructure, earliest?: (summary: number) => number): LeafLinks {
  const cache = new Map<number, number[]>();
  const out = { from: [] as number[], to: [] as number[], type: [] as number[], lag: [] as number[], elapsed: [] as number[], percent: [] as number[] };
  for (const link of s.links) {
    const summaryFrom = s.leafOf[link.from] === -1;
    const summaryTo = s.leafOf[link.to] === -1;
    if (!earliest && (summaryFrom || summaryTo)) continue;
    const preds = summaryFrom && earliest && (link.type === SS || link.type === SF) ? [earliest(link.from)] : leavesUnder(s, link.from, cache);
    const succs = leavesUnder(s, link.to, cache);
    for (const p of preds) {
      for (const q of succs) {
        out.from.push(p);
        out.to.push(q);
        out.type.push(link.type);
        out.lag.push(link.lag);
        out.elapsed.push(link.elapsed ? 1 : 0);
        out.percent.push(link.percent);
      }
    }
  }
  return {
    from: Int32Array.from(out.from),
    to: Int32Array.from(out.to),
    type: Uint8Array.from(out.type),
    lag: Float64Array.from(out.lag),
    elapsed: Uint8Array.from(out.elapsed),
    percent: Float64Array.from(out.percent),
  };
}

/** Whether any link starts or ends on a summary task. */
export function hasSummaryLinks(s: ProjectStructure): boolean {
  return s.links.some((l) => s.leafOf[l.from] === -1 || s.leafOf[l.to] === -1);
}

/** Rolled-up dates of every task (leaves copied from the engine), indexed by task. */
export interface TaskDates {
  readonly es: Float64Array;
  readonly ef: Float64Array;
  readonly ls: Float64Array;
  readonly lf: Float64Array;
  readonly start: Float64Array;
  readonly finish: Float64Array;
  readonly critical: Uint8Array;
}

/** Dates of all tasks: leaves from the engine, summaries rolled up from their children. */
export function rollUp(s: ProjectStructure, engine: ScheduleEngine): TaskDates {
  const count = s.ids.length;
  const d = {
    es: new Float64Array(count),
    ef: new Float64Array(count),
    ls: new Float64Array(count),
    lf: new Float64Array(count),
    start: new Float64Array(count),
    finish: new Float64Array(count),
    critical: new Uint8Array(count),
  };
  const net = engine.net;
  for (let i = 0; i < count; i++) {
    const v = s.leafOf[i] as number;
    if (v === -1) continue;
    const alap = net.constraint[v] === C_ALAP;
    d.es[i] = alap ? (engine.ls[v] as number) : (engine.es[v] as number);
    d.ef[i] = alap ? (engine.lf[v] as number) : (engine.ef[v] as number);
    d.ls[i] = engine.ls[v] as number;
    d.lf[i] = engine.lf[v] as number;
    d.start[i] = engine.shownStart(v);
    d.finish[i] = engine.shownFinish(v);
    d.critical[i] = engine.critical[v] as number;
  }
  for (const sum of s.summariesBottomUp) {
    let es = Infinity, ef = -Infinity, ls = Infinity, lf = -Infinity, start = Infinity, finish = -Infinity, critical = 0;
    for (const c of s.children[sum] as number[]) {
      // A manually scheduled subtask holds its summary's late dates to its own (early) dates.
      const v = s.leafOf[c] as number;
      const manual = v !== -1 && net.manual[v] === 1;
      es = Math.min(es, d.es[c] as number);
      ef = Math.max(ef, d.ef[c] as number);
      ls = Math.min(ls, manual ? (d.es[c] as number) : (d.ls[c] as number));
      lf = Math.max(lf, manual ? (d.ef[c] as number) : (d.lf[c] as number));
      start = Math.min(start, d.start[c] as number);
      finish = Math.max(finish, d.finish[c] as number);
      critical |= d.critical[c] as number;
    }
    d.es[sum] = es;
    d.ef[sum] = ef;
    d.ls[sum] = ls;
    d.lf[sum] = lf;
    d.start[sum] = start;
    d.finish[sum] = finish;
    d.critical[sum] = critical;
  }
  return d;
}
