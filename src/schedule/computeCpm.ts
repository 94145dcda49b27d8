import { CampaignKitError } from '../core/errors.js';
import { cycleError, linkError } from './_cpmErrors.js';
import { buildIdIndex, type IdIndex } from './_idIndex.js';
import { FF, FS, SF, SS, linkTypeCode } from './linkTypes.js';

/** A task for {@link computeCpm}: an id and a duration in abstract time units. */
export interface CpmTask {
  /** Unique id. */
  readonly id: string;
  /** Duration: a whole number of abstract units, >= 0. */
  readonly duration: number;
}

/** A link for {@link computeCpm}. */
export interface CpmLink {
  /** Predecessor id. */
  readonly from: string;
  /** Successor id. */
  readonly to: string;
  /** Link type (default `'FS'`). */
  readonly type?: 'FS' | 'SS' | 'FF' | 'SF';
  /** Lag: a whole number of the same units (negative = lead; default 0). */
  readonly lag?: number;
}

/** Input of {@link computeCpm}. */
export interface CpmInput {
  /** Tasks; results come back in this order. */
  readonly tasks: readonly CpmTask[];
  /** Dependencies. */
  readonly links: readonly CpmLink[];
}

/** Options of {@link computeCpm}. */
export interface CpmOptions {
  /** A task is critical when its total float is at most this (default 0). */
  readonly criticalSlack?: number;
}

/** Result of {@link computeCpm}: per-task columns in input order. */
export interface CpmResult {
  /** Project finish: the latest early finish (0 for an empty network). */
  readonly finish: number;
  /** Ids of the critical tasks in dependency (topological) order. */
  readonly criticalPath: string[];
  /** Earliest start of each task. */
  readonly earlyStart: Float64Array;
  /** Earliest finish. */
  readonly earlyFinish: Float64Array;
  /** Latest start that does not delay the project finish. */
  readonly lateStart: Float64Array;
  /** Latest finish that does not delay the project finish. */
  readonly lateFinish: Float64Array;
  /** Late start minus early start. */
  readonly totalFloat: Float64Array;
  /** How far the task can slip without delaying any successor's early date. */
  readonly freeFloat: Float64Array;
  /** 1 when total float <= `criticalSlack`, else 0. */
  readonly critical: Uint8Array;
}

function invalid(path: (string | number)[], message: string): CampaignKitError {
  return new CampaignKitError('VALIDATION', `Invalid CPM input: ${path.join('.')}: ${message}`, {
    details: { issues: [{ path, message, code: 'custom' }] },
  });
}

/** A value named in an error message, without calling anything on it. */
function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' || typeof value === 'boolean' || value == null ? String(value) : `a${typeof value === 'object' ? 'n' : ''} ${typeof value}`;
}

/**
 * The critical path method on abstract integer time units, with no calendar: the project starts at
 * 0, early starts are never before 0 and late finishes never after the project finish. Links may be
 * FS, SS, FF or SF with lags (negative lags are leads).
 *
 * Durations and lags must be whole numbers, and all durations plus the sizes of all lags must not
 * pass `Number.MAX_SAFE_INTEGER`: then every date and float is an exact integer (a fraction such
 * as 0.1 has no exact binary form, so a float that should be 0 would come out 1e-17 and drop the
 * task off the critical path). Anything else is refused with `VALIDATION` naming the task or link.
 *
 * Built for large networks: ids are mapped to indexes once and both passes run over flat typed
 * arrays in topological order.
 *
 * @example
 * ```ts
 * const r = computeCpm({
 *   tasks: [{ id: 'a', duration: 3 }, { id: 'b', duration: 2 }, { id: 'c', duration: 4 }],
 *   links: [{ from: 'a', to: 'b' }, { from: 'a', to: 'c', type: 'SS', lag: 1 }],
 * });
 * r.finish;            // 5
 * r.criticalPath;      // ['a', 'b', 'c']  (b ends at 5, and so does c: 1 + 4)
 * [...r.earlyStart];   // [0, 3, 1]
 * [...r.totalFloat];   // [0, 0, 0]
 * ```
 */
export function computeCpm(input: CpmInput, options: CpmOptions = {}): CpmResult {
  if (typeof input !== 'object' || input === null) throw invalid([], 'expected { tasks, links }');
  if (typeof options !== 'object' || options === null) throw invalid(['options'], 'expected an object of options');
  const tasks = input.tasks;
  const links = input.links;
  if (!Array.isArray(tasks)) throw invalid(['tasks'], 'expected an array of tasks');
  if (!Array.isArray(links)) throw invalid(['links'], 'expected an array of links');
  const threshold = options.criticalSlack ?? 0;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) throw invalid(['criticalSlack'], 'expected a finite number');

  const n = tasks.length;
  const ids: string[] = new Array<string>(n);
  const dur = new Float64Array(n);
  // Every date and float is a sum of durations and lags, each taken at most once with a sign, so
  // this total bounds them all: below 2^53 every sum on the way is exact.
  let total = 0;
  for (let i = 0; i < n; i++) {
    const task = tasks[i] as CpmTask;
    const id = task?.id;
    if (typeof id !== 'string' || id === '') throw invalid(['tasks', i, 'id'], 'expected a non-empty string id');
    const d = task.duration;
    if (!Number.isInteger(d) || d < 0) throw invalid(['tasks', i, 'duration'], `expected a whole number >= 0, got ${shown(d)}`);
    ids[i] = id;
    dur[i] = d;
    total += d;
  }
  if (total > Number.MAX_SAFE_INTEGER) throw tooLarge(tasks, []);
  const index = buildIdIndex(ids, (i) => {
    throw invalid(['tasks', i, 'id'], `duplicate task id "${ids[i]}"`);
  });

  // Successor lists in CSR form, filled straight from the input; indegrees for Kahn's algorithm.
  const m = links.length;
  const from = new Int32Array(m);
  const succStart = new Int32Array(n + 1);
  const indegree = new Int32Array(n);
  let lastFrom: unknown;
  let lastIndex = -1;
  for (let l = 0; l < m; l++) {
    const link = links[l] as CpmLink;
    const key = link?.from;
    // Links usually arrive grouped by predecessor; skip the map for a repeated one.
    const f = key === lastFrom ? lastIndex : index.get(key);
    if (f < 0) throw invalid(['links', l, 'from'], `unknown task ${shown(key)}`);
    lastFrom = key;
    lastIndex = f;
    from[l] = f;
    succStart[f + 1]++;
  }
  for (let i = 0; i < n; i++) succStart[i + 1] = (succStart[i + 1] as number) + (succStart[i] as number);
  const fill = succStart.slice(0, n);
  const outNode = new Int32Array(m);
  const outType = new Uint8Array(m);
  const outLag = new Float64Array(m);
  for (let l = 0; l < m; l++) {
    const link = links[l] as CpmLink;
    const t = index.get(link.to);
    if (t < 0) throw invalid(['links', l, 'to'], `unknown task ${shown(link.to)}`);
    if (t === from[l]) throw linkError(ids, t, t, l);
    const code = linkTypeCode(link.type);
    if (code < 0) throw invalid(['links', l, 'type'], `expected 'FS', 'SS', 'FF' or 'SF', got ${shown(link.type)}`);
    const g = link.lag ?? 0;
    if (!Number.isInteger(g)) throw invalid(['links', l, 'lag'], `expected a whole number, got ${shown(g)}`);
    const k = fill[from[l] as number]++;
    outNode[k] = t;
    outType[k] = code;
    outLag[k] = g;
    indegree[t]++;
    total += g < 0 ? -g : g;
  }
  if (total > Number.MAX_SAFE_INTEGER) throw tooLarge(tasks, links);

  // Kahn's algorithm with the forward pass fused in: when u leaves the queue its early dates are
  // final, so it pushes them along its links. The order array doubles as the queue.
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const order = new Int32Array(n);
  const seen = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
  let finish = 0;
  for (let head = 0; head < tail; head++) {
    const u = order[head] as number;
    const s = es[u] as number;
    const f = s + (dur[u] as number);
    ef[u] = f;
    if (f > finish) finish = f;
    for (let k = succStart[u] as number, end = succStart[u + 1] as number; k < end; k++) {
      const v = outNode[k] as number;
      if (seen[v] === u + 1) throw linkError(ids, u, v, secondLink(links, index, from, u, v));
      seen[v] = u + 1;
      const t = outType[k];
      const c = (t === FS || t === FF ? f : s) + (outLag[k] as number) - (t === FF || t === SF ? (dur[v] as number) : 0);
      if (c > (es[v] as number)) es[v] = c;
      if (--indegree[v] === 0) order[tail++] = v;
    }
  }
  if (tail < n) {
    throw cycleError(ids, (u, visit) => {
      for (let k = succStart[u] as number, end = succStart[u + 1] as number; k < end; k++) visit(outNode[k] as number);
    }, (u) => (indegree[u] as number) > 0);
  }

  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  const tf = new Float64Array(n);
  const ff = new Float64Array(n);
  const critical = new Uint8Array(n);
  for (let p = n - 1; p >= 0; p--) {
    const v = order[p] as number;
    const d = dur[v] as number;
    const s = es[v] as number;
    const f = ef[v] as number;
    let late = finish;
    let free = finish - f;
    for (let k = succStart[v] as number, end = succStart[v + 1] as number; k < end; k++) {
      const w = outNode[k] as number;
      const t = outType[k];
      const g = outLag[k] as number;
      let bound: number;
      let slack: number;
      if (t === FS) {
        bound = (ls[w] as number) - g;
        slack = (es[w] as number) - f - g;
      } else if (t === SS) {
        bound = (ls[w] as number) - g + d;
        slack = (es[w] as number) - s - g;
      } else if (t === FF) {
        bound = (lf[w] as number) - g;
        slack = (ef[w] as number) - f - g;
      } else {
        bound = (lf[w] as number) - g + d;
        slack = (ef[w] as number) - s - g;
      }
      if (bound < late) late = bound;
      if (slack < free) free = slack;
    }
    lf[v] = late;
    const start = late - d;
    ls[v] = start;
    const total = start - s;
    tf[v] = total;
    ff[v] = free;
    critical[v] = total <= threshold ? 1 : 0;
  }

  const criticalPath: string[] = [];
  for (let p = 0; p < n; p++) {
    const v = order[p] as number;
    if (critical[v] === 1) criticalPath.push(ids[v] as string);
  }
  return { finish, criticalPath, earlyStart: es, earlyFinish: ef, lateStart: ls, lateFinish: lf, totalFloat: tf, freeFloat: ff, critical };
}

/**
 * The error for durations and lags whose total passes `Number.MAX_SAFE_INTEGER`, naming the value
 * at which the running total (durations first, then lags) does. Only runs once the total is known
 * to be too large.
 */
function tooLarge(tasks: readonly CpmTask[], links: readonly CpmLink[]): CampaignKitError {
  const message = 'durations and lags add up to more than Number.MAX_SAFE_INTEGER (2^53 - 1), past which sums are not exact';
  let total = 0;
  for (let i = 0; i < tasks.length; i++) {
    total += (tasks[i] as CpmTask).duration;
    if (total > Number.MAX_SAFE_INTEGER) return invalid(['tasks', i, 'duration'], message);
  }
  for (let l = 0; l < links.length; l++) {
    total += Math.abs((links[l] as CpmLink).lag ?? 0);
    if (total > Number.MAX_SAFE_INTEGER) return invalid(['links', l, 'lag'], message);
  }
  return invalid([], message);
}

/** Input position of the link u -> v that repeats an earlier one (or the self-link). */
function secondLink(links: readonly CpmLink[], index: IdIndex, from: Int32Array, u: number, v: number): number {
  let count = 0;
  for (let l = 0; l < links.length; l++) {
    if (from[l] === u && index.get((links[l] as CpmLink).to) === v && (u === v || ++count === 2)) return l;
  }
  return -1;
}

