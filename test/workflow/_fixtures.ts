import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';
import { parseInput } from '../../src/core/validate.js';
import { DependencySchema, type Dependency, type DependencyInput } from '../../src/model/dependency.js';
import { TaskSchema, type Task, type TaskInput } from '../../src/model/task.js';

/** Actors of the launch campaign used across the workflow tests. */
export const actors = {
  manager: { id: 'm-li', department: 'market', roles: [{ role: 'manager' as const, campaignId: 'launch' }] },
  marketer: { id: 'm-wang', department: 'market', roles: [{ role: 'member' as const, campaignId: 'launch' }] },
  designer: { id: 'm-sun', department: 'design', roles: [{ role: 'member' as const, campaignId: 'launch' }] },
  legal: { id: 'm-zhou', department: 'legal', roles: [{ role: 'member' as const, campaignId: 'launch' }] },
  sales: { id: 'm-zhao', department: 'sales', roles: [{ role: 'member' as const, campaignId: 'launch' }] },
  viewer: { id: 'm-wu', roles: [{ role: 'viewer' as const, campaignId: 'launch' }] },
  agency: { id: 'm-ad', department: 'agency', roles: [{ role: 'external' as const, campaignId: 'launch' }] },
  executive: { id: 'm-ceo', roles: [{ role: 'executive' as const }] },
};

/** A parsed task of the launch campaign. */
export function task(input: Omit<TaskInput, 'campaignId'>): Task {
  return parseInput(TaskSchema, { campaignId: 'launch', ...input }, 'task');
}

/** A parsed dependency of the launch campaign, id `from->to`. */
export function link(from: string, to: string, extra: Partial<DependencyInput> = {}): Dependency {
  return parseInput(DependencySchema, { id: `${from}->${to}`, campaignId: 'launch', from, to, ...extra }, 'dependency');
}

/** The CampaignKitError `run` throws. */
export function thrown(run: () => unknown): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e)) return e;
    throw e;
  }
  throw new Error('expected a CampaignKitError');
}
