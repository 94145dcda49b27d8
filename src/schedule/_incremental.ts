import { PositionHeap } from '../graph/positionHeap.js';
import type { ScheduleEngine } from './_engine.js';

/**
 * Reschedules only what a change can reach: early dates from `early` seeds forward to their
 * successors, late dates from `late` seeds backward to their predecessors, each stopping where a
 * task's dates come out unchanged. Runs the same per-task rules as a full pass, in dependency
 * order, so the result equals a full recompute. Returns the leaves whose dates or floats changed.
 */
export function propagate(engine: ScheduleEngine, early: readonly number[], late: readonly number[]): Set<number> {
  const { es, ef, ls, lf, calcLs, tf, ff, critical, graph, net } = engine;
  const touched = new Set<number>();
  const earlyMoved: number[] = [];

  const forward = new PositionHeap(graph.position);
  for (const v of early) forward.push(v);
  const seeds = new Set(early);
  while (!forward.empty) {
    const u = forward.pop();
    const s = es[u];
    const f = ef[u];
    engine.forward(u);
    if (es[u] === s && ef[u] === f && !seeds.has(u)) continue;
    touched.add(u);
    earlyMoved.push(u);
    for (let k = graph.succStart[u] as number, end = graph.succStart[u + 1] as number; k < end; k++) forward.push(net.linkTo[graph.succLinks[k] as number] as number);
  }

  const finish = engine.projectFinish();
  const floatsToRedo = new Set<number>();
  if (finish !== engine.finish) {
    // Every late date hangs off the project finish: redo them all, and every float.
    engine.finish = finish;
    const before = { ls: ls.slice(), lf: lf.slice() };
    const order = graph.order;
    for (let p = order.length - 1; p >= 0; p--) engine.backward(order[p] as number);
    for (let v = 0; v < net.size; v++) {
      if (ls[v] !== before.ls[v] || lf[v] !== before.lf[v]) touched.add(v);
      floatsToRedo.add(v);
    }
  } else {
    const backward = new PositionHeap(graph.position, true);
    const lateSeeds = new Set(late);
    // A started task's late start follows its early start.
    for (const v of earlyMoved) if (net.started[v]) lateSeeds.add(v);
    for (const v of lateSeeds) backward.push(v);
    while (!backward.empty) {
      const u = backward.pop();
      const a = ls[u];
      const b = lf[u];
      const c = calcLs[u];
      engine.backward(u);
      if (ls[u] === a && lf[u] === b && calcLs[u] === c && !lateSeeds.has(u)) continue;
      touched.add(u);
      for (let k = graph.predStart[u] as number, end = graph.predStart[u + 1] as number; k < end; k++) backward.push(net.linkFrom[graph.predLinks[k] as number] as number);
    }
  }

  // Floats read a task's own dates and its successors' early dates.
  for (const v of touched) floatsToRedo.add(v);
  for (const v of earlyMoved) {
    for (let k = graph.predStart[v] as number, end = graph.predStart[v + 1] as number; k < end; k++) floatsToRedo.add(net.linkFrom[graph.predLinks[k] as number] as number);
  }
  for (const v of floatsToRedo) {
    const t = tf[v];
    const f = ff[v];
    const c = critical[v];
    engine.floats(v);
    if (tf[v] !== t || ff[v] !== f || critical[v] !== c) touched.add(v);
  }
  return touched;
}
