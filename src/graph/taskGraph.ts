import { CampaignKitError } from '../core/errors.js';
import { findCycle } from './findCycle.js';

/**
 * A dependency graph in compressed sparse row (CSR) form: node i's outgoing links are
 * `succLinks[succStart[i] .. succStart[i+1])` and its incoming links `predLinks[predStart[i] ..
 * predStart[i+1])`, both holding link indexes into the caller's link arrays. Nodes are dense
 * integers; ids are mapped to them once, at the edge of the API.
 */
export interface TaskGraph {
  /** Number of nodes. */
  readonly size: number;
  /** Predecessor node of each link. */
  readonly from: Int32Array;
  /** Successor node of each link. */
  readonly to: Int32Array;
  /** Offsets into `succLinks`, length `size + 1`. */
  readonly succStart: Int32Array;
  /** Outgoing link indexes grouped by node. */
  readonly succLinks: Int32Array;
  /** Offsets into `predLinks`, length `size + 1`. */
  readonly predStart: Int32Array;
  /** Incoming link indexes grouped by node. */
  readonly predLinks: Int32Array;
  /** Nodes in a topological order (every link goes forward in it). */
  readonly order: Int32Array;
  /** `position[node]` = index of the node in `order`. */
  readonly position: Int32Array;
}

function groupBy(size: number, keys: Int32Array): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(size + 1);
  for (let l = 0; l < keys.length; l++) start[(keys[l] as number) + 1]++;
  for (let i = 0; i < size; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, size);
  const items = new Int32Array(keys.length);
  for (let l = 0; l < keys.length; l++) {
    const k = keys[l] as number;
    items[fill[k]++] = l;
  }
  return { start, items };
}

/**
 * Builds the CSR graph and a topological order. Throws `CYCLE` (with `details.cycle`, the ids of one
 * cycle in link order, first id repeated at the end) when the links are not acyclic, and `VALIDATION`
 * for a self-link or a second link between the same two nodes (unless `allowParallelLinks`, for
 * links derived from summary tasks, whose inputs were checked before expansion).
 *
 * @param ids - node ids, used only to name nodes in errors.
 */
export function buildTaskGraph(
  size: number,
  from: Int32Array,
  to: Int32Array,
  ids: (node: number) => string,
  options: { allowParallelLinks?: boolean } = {},
): TaskGraph {
  const succ = groupBy(size, from);
  const pred = groupBy(size, to);
  if (!options.allowParallelLinks) checkLinks(size, to, succ, ids);

  // Kahn's algorithm; the order array doubles as the queue.
  const indegree = new Int32Array(size);
  for (let i = 0; i < size; i++) indegree[i] = (pred.start[i + 1] as number) - (pred.start[i] as number);
  const order = new Int32Array(size);
  let tail = 0;
  for (let i = 0; i < size; i++) if (indegree[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const u = order[head] as number;
    for (let k = succ.start[u] as number, end = succ.start[u + 1] as number; k < end; k++) {
      const v = to[succ.items[k] as number] as number;
      if (--indegree[v] === 0) order[tail++] = v;
    }
  }
  if (tail < size) {
    const cycle = findCycle(size, (u, visit) => {
      for (let k = succ.start[u] as number, end = succ.start[u + 1] as number; k < end; k++) visit(to[succ.items[k] as number] as number);
    }, (u) => (indegree[u] as number) > 0).map(ids);
    throw new CampaignKitError('CYCLE', `The dependencies form a cycle: ${cycle.join(' -> ')}; remove one of these links`, { details: { cycle } });
  }
  const position = new Int32Array(size);
  for (let p = 0; p < size; p++) position[order[p] as number] = p;
  return { size, from, to, succStart: succ.start, succLinks: succ.items, predStart: pred.start, predLinks: pred.items, order, position };
}

function checkLinks(size: number, to: Int32Array, succ: { start: Int32Array; items: Int32Array }, ids: (node: number) => string): void {
  // seen[v] === u + 1 while scanning u's links marks a second link u -> v in O(links).
  const seen = new Int32Array(size);
  for (let u = 0; u < size; u++) {
    for (let k = succ.start[u] as number, end = succ.start[u + 1] as number; k < end; k++) {
      const link = succ.items[k] as number;
      const v = to[link] as number;
      if (v === u) {
        throw new CampaignKitError('VALIDATION', `Task "${ids(u)}" is linked to itself; remove the link`, {
          details: { issues: [{ path: ['links', link], message: 'a task cannot depend on itself', code: 'custom' }], ids: [ids(u)] },
        });
      }
      if (seen[v] === u + 1) {
        throw new CampaignKitError('VALIDATION', `There is more than one link from "${ids(u)}" to "${ids(v)}"; keep one link per pair of tasks`, {
          details: { issues: [{ path: ['links', link], message: 'duplicate link', code: 'custom' }], ids: [ids(u), ids(v)] },
        });
      }
      seen[v] = u + 1;
    }
  }
}

