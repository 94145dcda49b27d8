/**
 * Finds one cycle in a directed graph by depth-first search, visiting `ids` in the given order so
 * the answer is deterministic. Returns the cycle in edge order with its first id repeated at the
 * end (`['a', 'b', 'a']`), or `null` when the graph has none. Edges to ids outside `ids` are
 * ignored.
 */
export function findCycle(ids: readonly string[], edgesOf: (id: string) => readonly string[]): string[] | null {
  const known = new Set(ids);
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];

  const visit = (id: string): string[] | null => {
    state.set(id, 'open');
    path.push(id);
    for (const next of edgesOf(id)) {
      if (!known.has(next)) continue;
      const seen = state.get(next);
      if (seen === 'open') return [...path.slice(path.indexOf(next)), next];
      if (seen === undefined) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };

  for (const id of ids) {
    if (state.has(id)) continue;
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return null;
}
