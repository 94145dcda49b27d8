import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { isCampaignKitError } from '../../src/core/errors.js';
import { createMemoryStorage } from '../../src/store/memoryStorage.js';
import type { StorageTransaction } from '../../src/store/storageAdapter.js';

// Random sequences of writes, some at stale versions and some inside transactions that fail,
// checked step by step against a plain Map: the storage must accept exactly the writes whose
// expected version matches, and a failed transaction must leave no trace.
type Write = { kind: 'put'; id: string; value: number; versionOffset: number } | { kind: 'delete'; id: string; versionOffset: number };
type Op = Write | { kind: 'transaction'; ops: Write[]; fails: boolean };

const ids = fc.constantFrom('a', 'b', 'c');
// Mostly the right version (offset 0), sometimes one behind or ahead.
const offset = fc.constantFrom(0, 0, 0, -1, 1);
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), id: ids, value: fc.integer({ min: 0, max: 99 }), versionOffset: offset }),
  fc.record({ kind: fc.constant('delete' as const), id: ids, versionOffset: offset }),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: write },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('transaction' as const), ops: fc.array(write, { maxLength: 4 }), fails: fc.boolean() }),
  },
);

// A deleted id keeps its last version (the delete's), so a later create continues from it.
type Model = Map<string, { version: number; value: number; deleted: boolean }>;

/** The version a reader sees: the live document's, 0 when missing or deleted. */
function liveVersion(model: Model, id: string): number {
  const entry = model.get(id);
  return entry === undefined || entry.deleted ? 0 : entry.version;
}

/** The version the writer claims to have read: the current one, or one off. */
function expectedVersionOf(model: Model, step: Write): number {
  return Math.max(0, liveVersion(model, step.id) + step.versionOffset);
}

/** Applies a write to the model; returns false when the storage must refuse it. */
function applyToModel(model: Model, step: Write, expectedVersion: number): boolean {
  const current = liveVersion(model, step.id);
  if (expectedVersion !== current) return false;
  const last = model.get(step.id)?.version ?? 0;
  if (step.kind === 'put') model.set(step.id, { version: last + 1, value: step.value, deleted: false });
  else if (current === 0) return false;
  else model.set(step.id, { version: last + 1, value: 0, deleted: true });
  return true;
}

/** Applies a write to the storage; returns false when it was refused. */
async function applyToStorage(tx: StorageTransaction, step: Write, expectedVersion: number): Promise<boolean> {
  try {
    if (step.kind === 'put') await tx.put({ type: 'item', id: step.id, data: { value: step.value } }, { expectedVersion });
    else await tx.delete('item', step.id, { expectedVersion });
    return true;
  } catch (error) {
    // A delete at version 0 is invalid input rather than a conflict; both leave the data alone.
    if (isCampaignKitError(error, 'CONFLICT') || isCampaignKitError(error, 'VALIDATION')) return false;
    throw error;
  }
}

async function writeBoth(tx: StorageTransaction, model: Model, step: Write): Promise<void> {
  const expectedVersion = expectedVersionOf(model, step);
  const accepted = await applyToStorage(tx, step, expectedVersion);
  expect(accepted).toBe(applyToModel(model, step, expectedVersion));
}

describe('memory storage against a reference model', () => {
  it('accepts exactly the writes at the current version, never restarts a version, and forgets failed transactions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), async (ops) => {
        const storage = createMemoryStorage({ clock: fixedClock('2026-03-02T09:00:00Z') });
        const model: Model = new Map();
        for (const step of ops) {
          if (step.kind !== 'transaction') {
            await storage.transaction((tx) => writeBoth(tx, model, step));
            continue;
          }
          const staged: Model = new Map(model);
          const outcome = await storage
            .transaction(async (tx) => {
              for (const inner of step.ops) await writeBoth(tx, staged, inner);
              if (step.fails) throw new Error('rolled back');
            })
            .then(
              () => 'committed',
              (error: unknown) => (error instanceof Error && error.message === 'rolled back' ? 'rolled back' : error),
            );
          expect(outcome).toBe(step.fails ? 'rolled back' : 'committed');
          if (!step.fails) {
            model.clear();
            for (const [id, entry] of staged) model.set(id, entry);
          }
        }
        const stored = (await storage.list({ type: 'item' })).items.map((record) => [record.id, record.version, record.data]);
        const expected = [...model.entries()]
          .filter(([, entry]) => !entry.deleted)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([id, entry]) => [id, entry.version, { value: entry.value }]);
        expect(stored).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
