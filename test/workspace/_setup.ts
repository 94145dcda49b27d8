import { fixedClock, sequentialIds, type Clock, type IdGenerator } from '../../src/core/clock.js';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';
import type { WorkspaceEvent } from '../../src/events/workspaceEvents.js';
import { createMemoryStorage, type MemoryStorage } from '../../src/store/memoryStorage.js';
import type { StorageAdapter } from '../../src/store/storageAdapter.js';
import { createWorkspace, type Workspace, type WorkspaceOptions } from '../../src/workspace/createWorkspace.js';

/** The instant every test's clock reads: Monday 2 March 2026, 09:00 UTC. */
export const NOW = '2026-03-02T09:00:00.000Z';

/** Actors of the launch campaign. */
export const actors = {
  admin: { id: 'm-root', roles: [{ role: 'admin' as const }] },
  manager: { id: 'm-li', department: 'market', roles: [{ role: 'manager' as const, campaignId: 'launch' }] },
  member: { id: 'm-wang', department: 'market', roles: [{ role: 'member' as const, campaignId: 'launch' }] },
  viewer: { id: 'm-wu', roles: [{ role: 'viewer' as const, campaignId: 'launch' }] },
  agency: { id: 'm-ad', department: 'agency', roles: [{ role: 'external' as const, campaignId: 'launch' }] },
};

/** The member directory every test workspace starts with (tasks and approvals may only name members). */
export const DIRECTORY: readonly { readonly id: string; readonly name: string; readonly department?: string }[] = [
  { id: 'm-root', name: 'Root' },
  { id: 'm-li', name: 'Li Na', department: 'market' },
  { id: 'm-wang', name: 'Wang Fang', department: 'market' },
  { id: 'm-wu', name: 'Wu Lei' },
  { id: 'm-ad', name: 'Agency account', department: 'agency' },
  { id: 'm-sun', name: 'Sun Yi', department: 'design' },
  { id: 'm-zhou', name: 'Zhou Min', department: 'legal' },
  { id: 'm-zhao', name: 'Zhao Qiang', department: 'sales' },
  { id: 'm-qian', name: 'Qian Hui', department: 'finance' },
  { id: 'm-xu', name: 'Xu Jing', department: 'product' },
  { id: 'm-chen', name: 'Chen Tao', department: 'market' },
  { id: 'm-alice', name: 'Alice' },
  { id: 'm-bob', name: 'Bob' },
];

/** The {@link DIRECTORY} as stored member records, for a storage to start from. */
export function directoryRecords(): { type: 'member'; id: string; campaignId: null; data: object }[] {
  return DIRECTORY.map((member) => ({ type: 'member', id: member.id, campaignId: null, data: { ...member, roles: [] } }));
}

/** Stores the {@link DIRECTORY} in `storage`, leaving members already there as they are. */
export async function seedDirectory(storage: StorageAdapter): Promise<void> {
  const stored = await storage.getMany('member', DIRECTORY.map((m) => m.id));
  for (const [index, record] of directoryRecords().entries()) {
    if (stored[index] === null) await storage.put(record, { expectedVersion: 0 });
  }
}

/** A workspace on fresh memory storage with a fixed clock and sequential ids, acting as the manager. */
export function setup(options: Partial<WorkspaceOptions> = {}): { workspace: Workspace; storage: MemoryStorage; events: WorkspaceEvent[] } {
  const storage = createMemoryStorage({
    clock: fixedClock(NOW),
    snapshot: {
      format: 'campaignkit.memory',
      version: 2,
      nextAuditSeq: 1,
      nextOutboxSeq: 1,
      records: directoryRecords().map((record) => ({ ...record, version: 1, updatedAt: NOW })),
      audit: [],
      outbox: [],
    },
  });
  const workspace = createWorkspace({ storage, clock: fixedClock(NOW), ids: sequentialIds(), actor: actors.admin, ...options });
  const events: WorkspaceEvent[] = [];
  workspace.on('*', (event) => {
    events.push(event);
  });
  return { workspace, storage, events };
}

/** The launch campaign starting Monday 2 March 2026 on the Standard calendar. */
export const LAUNCH = { id: 'launch', name: 'Spring launch', ownerId: 'm-li', plannedStart: '2026-03-02', currency: 'CNY' };

/** The CampaignKitError `promise` rejects with. */
export async function failure(promise: Promise<unknown>): Promise<CampaignKitError> {
  try {
    await promise;
  } catch (error) {
    if (isCampaignKitError(error)) return error;
    throw error;
  }
  throw new Error('expected the command to fail');
}

/** Sequential ids with a prefix, so two app servers on one storage never hand out the same id. */
export function prefixedIds(prefix: string): IdGenerator {
  const ids = sequentialIds();
  return { next: (kind) => `${prefix}-${ids.next(kind)}` };
}

/** A clock a test moves with `at(instant)`; it starts on Monday 2 March 2026, 08:00 UTC. */
export function movingClock(): Clock & { at(instant: string): void } {
  let now = Date.parse('2026-03-02T08:00:00.000Z');
  return { now: () => now, at: (instant) => void (now = Date.parse(instant)) };
}
