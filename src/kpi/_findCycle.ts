import { findCycle as findCycleByIndex } from '../graph/findCycle.js';

/**
 * Finds one cycle in a directed graph of string ids, visiting `ids` in the given order so the
 * answer is deterministic. Returns the cycle in edge order with its first id repeated at the end
 * (`['a', 'b', 'a']`), or `null` when the graph has none. Edges to ids outside `ids` are ignored.
 * The search is the graph layer's iterative one, so a chain of thousands of objectives cannot
 * overflow the stack.
 */
export function findCycle(ids: readonly string[], edgesOf: (id: string) => readonly string[]): string[] | null {
  const index = new Map(ids.map((id, i) => [id, i]));
  const cycle = findCycleByIndex(ids.length, (node, visit) => {
    for (const next of edgesOf(ids[node] ?? '')) {
      const i = index.get(next);
      if (i !== undefined) visit(i);
    }
  });
  return cycle.length === 0 ? null : cycle.map((i) => ids[i] ?? '');
}
