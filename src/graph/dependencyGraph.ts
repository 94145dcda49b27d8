import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { LinkTypeSchema, type LinkType } from '../model/dependency.js';
import { buildTaskGraph, type TaskGraph } from './taskGraph.js';

/** A link as the graph stores it. */
export interface GraphLink {
  /** Predecessor id. */
  readonly from: string;
  /** Successor id. */
  readonly to: string;
  /** Link type (default `'FS'`). */
  readonly type?: LinkType;
}

/**
 * A task dependency graph that stays acyclic: every change is checked first and a bad one throws
 * without changing anything. Reads in dependency order come from a compressed (CSR) snapshot on
 * flat typed arrays, built once per change.
 */
export interface DependencyGraph {
  /** Task ids in insertion order. */
  tasks(): string[];
  /** Links in insertion order. */
  links(): GraphLink[];
  /** Adds a task; `VALIDATION` if the id exists. */
  addTask(id: string): void;
  /** Removes a task and every link touching it; `NOT_FOUND` if unknown. */
  removeTask(id: string): void;
  /** Adds a link; `VALIDATION` for a self-link, a second link between the same tasks or an unknown task; `CYCLE` if it would close a loop. */
  addLink(link: GraphLink): void;
  /** Removes the link from `from` to `to`; `NOT_FOUND` if there is none. */
  removeLink(from: string, to: string): void;
  /** Whether `to` can be reached from `from` along links. */
  hasPath(from: string, to: string): boolean;
  /** Direct successors of a task. */
  successors(id: string): string[];
  /** Direct predecessors of a task. */
  predecessors(id: string): string[];
  /** Task ids in a dependency (topological) order. */
  topologicalOrder(): string[];
  /** The CSR snapshot with the ids its node numbers stand for. */
  snapshot(): { readonly graph: TaskGraph; readonly ids: readonly string[] };
}

function invalid(message: string, ids: string[], path: (string | number)[] = []): CampaignKitError {
  return new CampaignKitError('VALIDATION', message, { details: { ids, issues: [{ path, message, code: 'custom' }] } });
}

const GraphTaskIdSchema = z.string().min(1, 'a task id must be a non-empty string');
const GraphLinkSchema = z.object({ from: GraphTaskIdSchema, to: GraphTaskIdSchema, type: LinkTypeSchema.optional() });
const GraphInitSchema = z.object({ tasks: z.array(GraphTaskIdSchema).optional(), links: z.array(GraphLinkSchema).optional() });

/** `id` when it is a string; `VALIDATION` naming the argument otherwise. */
function taskId(id: unknown, argument: string): string {
  if (typeof id !== 'string') throw invalid(`${argument} must be a task id (a string)`, [], [argument]);
  return id;
}

/**
 * Creates a dependency graph, optionally from existing tasks and links (checked the same way).
 *
 * @example
 * ```ts
 * const graph = createDependencyGraph({ tasks: ['brief', 'design', 'launch'], links: [{ from: 'brief', to: 'design' }] });
 * graph.addLink({ from: 'design', to: 'launch' });
 * graph.topologicalOrder();                         // ['brief', 'design', 'launch']
 * graph.addLink({ from: 'launch', to: 'brief' });   // throws CYCLE, details.cycle = ['launch', 'brief', 'design', 'launch']
 * ```
 */
export function createDependencyGraph(init: { tasks?: readonly string[]; links?: readonly GraphLink[] } = {}): DependencyGraph {
  const initial = parseInput(GraphInitSchema, init, 'dependency graph');
  const succ = new Map<string, Map<string, GraphLink>>();
  const pred = new Map<string, Set<string>>();
  let cached: { graph: TaskGraph; ids: string[] } | undefined;

  const known = (id: string, argument = 'id'): void => {
    taskId(id, argument);
    if (!succ.has(id)) throw new CampaignKitError('NOT_FOUND', `Unknown task "${id}"`, { details: { ids: [id] } });
  };
  /** A path from `from` to `to` (inclusive), or undefined. */
  const pathBetween = (from: string, to: string): string[] | undefined => {
    const cameFrom = new Map<string, string | null>([[from, null]]);
    const stack = [from];
    while (stack.length > 0) {
      const u = stack.pop() as string;
      if (u === to) {
        const path: string[] = [];
        for (let x: string | null | undefined = u; x != null; x = cameFrom.get(x)) path.unshift(x);
        return path;
      }
      for (const v of succ.get(u)?.keys() ?? []) {
        if (!cameFrom.has(v)) {
          cameFrom.set(v, u);
          stack.push(v);
        }
      }
    }
    return undefined;
  };

  const api: DependencyGraph = {
    tasks: () => [...succ.keys()],
    links: () => [...succ.values()].flatMap((m) => [...m.values()]),
    addTask(id) {
      if (typeof id !== 'string' || id === '') throw invalid('A task id must be a non-empty string', [], ['id']);
      if (succ.has(id)) throw invalid(`Task "${id}" is already in the graph`, [id]);
      succ.set(id, new Map());
      pred.set(id, new Set());
      cached = undefined;
    },
    removeTask(id) {
      known(id);
      for (const p of pred.get(id) ?? []) succ.get(p)?.delete(id);
      for (const s of succ.get(id)?.keys() ?? []) pred.get(s)?.delete(id);
      succ.delete(id);
      pred.delete(id);
      cached = undefined;
    },
    addLink(link) {
      const { from, to, type } = parseInput(GraphLinkSchema, link, 'link');
      if (!succ.has(from) || !succ.has(to)) {
        const missing = succ.has(from) ? to : from;
        throw invalid(`Link ${from} -> ${to} names unknown task "${missing}"; add the task first`, [missing]);
      }
      if (from === to) throw invalid(`Task "${from}" cannot depend on itself`, [from]);
      if (succ.get(from)?.has(to)) throw invalid(`There is already a link from "${from}" to "${to}"; keep one link per pair of tasks`, [from, to]);
      const back = pathBetween(to, from);
      if (back) {
        const cycle = [from, ...back];
        throw new CampaignKitError('CYCLE', `A link from "${from}" to "${to}" would close a cycle: ${cycle.join(' -> ')}`, { details: { cycle } });
      }
      succ.get(from)?.set(to, { from, to, type: type ?? 'FS' });
      pred.get(to)?.add(from);
      cached = undefined;
    },
    removeLink(from, to) {
      taskId(from, 'from');
      taskId(to, 'to');
      if (!succ.get(from)?.delete(to)) throw new CampaignKitError('NOT_FOUND', `There is no link from "${from}" to "${to}"`, { details: { ids: [from, to] } });
      pred.get(to)?.delete(from);
      cached = undefined;
    },
    hasPath(from, to) {
      known(from, 'from');
      known(to, 'to');
      return pathBetween(from, to) !== undefined;
    },
    successors(id) {
      known(id);
      return [...(succ.get(id)?.keys() ?? [])];
    },
    predecessors(id) {
      known(id);
      return [...(pred.get(id) ?? [])];
    },
    topologicalOrder() {
      const { graph, ids } = api.snapshot();
      return Array.from(graph.order, (node) => ids[node] as string);
    },
    snapshot() {
      if (!cached) {
        const ids = [...succ.keys()];
        const index = new Map(ids.map((id, i) => [id, i]));
        const links = api.links();
        const from = Int32Array.from(links, (l) => index.get(l.from) as number);
        const to = Int32Array.from(links, (l) => index.get(l.to) as number);
        cached = { graph: buildTaskGraph(ids.length, from, to, (i) => ids[i] as string), ids };
      }
      return cached;
    },
  };
  for (const id of initial.tasks ?? []) api.addTask(id);
  for (const link of initial.links ?? []) api.addLink(link);
  return api;
}
