import { isSupportedTime, outsideSupportedDates } from '../calendar/localTime.js';
import type { ScheduleEngine } from './_engine.js';
import type { ProjectStructure } from './_normalize.js';

/**
 * Throws `VALIDATION` when a date of one of `leaves` falls outside the supported dates (1900–9999),
 * naming the task (`details.issues[0].path` = `['tasks', i]`). Dates that far out cannot be written
 * as `YYYY-MM-DDTHH:mm`, so a schedule holding one is refused rather than returned. Early dates are
 * checked in dependency order and late dates against it, so the task named is the first one a
 * too-long chain pushes out.
 *
 * @param leaves - the leaves to check, in any order; all of them when left out.
 */
export function refuseUnsupportedDates(structure: ProjectStructure, engine: ScheduleEngine, leaves?: Iterable<number>): void {
  const { es, ef, ls, lf, conflictStart, graph } = engine;
  const { position } = graph;
  const order = leaves === undefined ? graph.order : Int32Array.from(leaves).sort((a, b) => (position[a] as number) - (position[b] as number));
  const refuse = (v: number, what: string, t: number): never => {
    const id = engine.net.ids[v] as string;
    throw outsideSupportedDates(`The ${what} of task "${id}"`, t, ['tasks', structure.leafTask[v] as number], [id]);
  };
  for (let p = 0; p < order.length; p++) {
    const v = order[p] as number;
    if (!isSupportedTime(es[v] as number)) refuse(v, 'early start', es[v] as number);
    if (!isSupportedTime(ef[v] as number)) refuse(v, 'early finish', ef[v] as number);
    const required = conflictStart[v] as number;
    if (!Number.isNaN(required) && !isSupportedTime(required)) refuse(v, 'start its links require', required);
  }
  for (let p = order.length - 1; p >= 0; p--) {
    const v = order[p] as number;
    if (!isSupportedTime(lf[v] as number)) refuse(v, 'late finish', lf[v] as number);
    if (!isSupportedTime(ls[v] as number)) refuse(v, 'late start', ls[v] as number);
  }
}
