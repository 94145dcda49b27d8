import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';
import { createDependencyGraph } from '../../src/graph/dependencyGraph.js';

function errorOf(run: () => unknown): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e)) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('createDependencyGraph', () => {
  const make = () => createDependencyGraph({ tasks: ['brief', 'design', 'copy', 'launch'], links: [{ from: 'brief', to: 'design' }, { from: 'design', to: 'launch' }] });

  it('keeps tasks and links and answers questions about them', () => {
    const graph = make();
    graph.addLink({ from: 'brief', to: 'copy', type: 'SS' });
    expect(graph.links()).toEqual([
      { from: 'brief', to: 'design', type: 'FS' },
      { from: 'brief', to: 'copy', type: 'SS' },
      { from: 'design', to: 'launch', type: 'FS' },
    ]);
    expect(graph.successors('brief')).toEqual(['design', 'copy']);
    expect(graph.predecessors('launch')).toEqual(['design']);
    expect(graph.hasPath('brief', 'launch')).toBe(true);
    expect(graph.hasPath('copy', 'launch')).toBe(false);
    expect(graph.topologicalOrder()).toEqual(['brief', 'design', 'copy', 'launch']);
  });

  it('rejects a link that would close a cycle, names the cycle in order, and changes nothing', () => {
    const graph = make();
    const error = errorOf(() => graph.addLink({ from: 'launch', to: 'brief' }));
    expect(error.code).toBe('CYCLE');
    expect(error.details.cycle).toEqual(['launch', 'brief', 'design', 'launch']);
    expect(graph.links()).toHaveLength(2);
  });

  it('rejects self-links, duplicate links and links to unknown tasks', () => {
    const graph = make();
    expect(errorOf(() => graph.addLink({ from: 'copy', to: 'copy' })).code).toBe('VALIDATION');
    expect(errorOf(() => graph.addLink({ from: 'brief', to: 'design', type: 'SS' })).message).toMatch(/already a link/);
    expect(errorOf(() => graph.addLink({ from: 'brief', to: 'ghost' })).details.ids).toEqual(['ghost']);
    expect(errorOf(() => graph.addTask('brief')).code).toBe('VALIDATION');
    expect(errorOf(() => graph.removeLink('copy', 'launch')).code).toBe('NOT_FOUND');
  });

  it('removes a task with its links', () => {
    const graph = make();
    graph.removeTask('design');
    expect(graph.tasks()).toEqual(['brief', 'copy', 'launch']);
    expect(graph.links()).toEqual([]);
    graph.addLink({ from: 'launch', to: 'brief' });
    expect(graph.topologicalOrder()).toEqual(['copy', 'launch', 'brief']);
  });

  it('accepts exactly the links that keep it acyclic (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })), { maxLength: 30 }), (pairs) => {
        const graph = createDependencyGraph({ tasks: ['0', '1', '2', '3', '4', '5', '6', '7'] });
        for (const [a, b] of pairs) {
          const from = String(a);
          const to = String(b);
          const closes = a === b || graph.hasPath(to, from);
          const duplicate = graph.successors(from).includes(to);
          let accepted = true;
          try {
            graph.addLink({ from, to });
          } catch {
            accepted = false;
          }
          expect(accepted).toBe(!closes && !duplicate);
        }
        const position = new Map(graph.topologicalOrder().map((id, i) => [id, i]));
        for (const link of graph.links()) expect(position.get(link.from) as number).toBeLessThan(position.get(link.to) as number);
      }),
    );
  });
});
