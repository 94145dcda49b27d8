import { CampaignKitError } from '../core/errors.js';
import { findCycle } from '../graph/findCycle.js';

/**
 * The error for a self-link or a second link between the same two tasks. `at` is the input
 * position of the offending link.
 */
export function linkError(ids: readonly string[], u: number, v: number, at: number): CampaignKitError {
  const a = ids[u] as string;
  const b = ids[v] as string;
  const details = (message: string) => ({ issues: [{ path: ['links', at], message, code: 'custom' }], ids: u === v ? [a] : [a, b] });
  if (u === v) return new CampaignKitError('VALIDATION', `Task "${a}" is linked to itself; remove the link`, { details: details('a task cannot depend on itself') });
  return new CampaignKitError('VALIDATION', `There is more than one link from "${a}" to "${b}"; keep one link per pair of tasks`, {
    details: details('duplicate link'),
  });
}

/** The `CYCLE` error naming one cycle, in link order, first id repeated at the end. */
export function cycleError(ids: readonly string[], forEachSuccessor: (node: number, visit: (s: number) => void) => void, include?: (node: number) => boolean): CampaignKitError {
  const cycle = findCycle(ids.length, forEachSuccessor, include).map((node) => ids[node] as string);
  return new CampaignKitError('CYCLE', `The dependencies form a cycle: ${cycle.join(' -> ')}; remove one of these links`, { details: { cycle } });
}
