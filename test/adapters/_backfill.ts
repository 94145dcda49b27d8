import { expect } from 'vitest';
import type { SqlStorage } from '../../src/adapters/_sql/createSqlStorage.js';

/**
 * Migration 2 indexes the records each audit entry touched, for entries written before it too:
 * entries appended, the index and its migration record removed as if the database were at version
 * 1, then `migrate()` applies version 2 and the old entries are found by `touches`.
 */
export async function checkTouchesBackfill(storage: SqlStorage, prefix: string, run: (sql: string) => Promise<unknown>): Promise<void> {
  await storage.migrate();
  const entry = (id: string, paths: string[][]) => ({
    id,
    at: '2026-03-02T09:00:00.000Z',
    actor: 'm-li',
    command: 'task.update',
    aggregate: { type: 'task', id: 'brief', campaignId: 'launch' },
    version: 1,
    patches: paths.map((path) => ({ op: 'replace' as const, path, value: 1 })),
    inversePatches: [],
  });
  await storage.appendAudit(entry('old-1', [['task', 'brief', 'duration'], ['task', 'design', 'start']]));
  await storage.appendAudit(entry('old-2', [['task', 'design', 'finish'], ['task', 'design', 'start']]));
  await run(`DELETE FROM ${prefix}audit_touches`);
  await run(`DELETE FROM ${prefix}migrations WHERE version = 2`);
  expect((await storage.readAudit({ touches: { type: 'task', id: 'design' } })).items).toEqual([]);
  expect(await storage.migrate()).toEqual({ applied: [2], version: 2 });
  expect((await storage.readAudit({ touches: { type: 'task', id: 'design' } })).items.map((e) => e.id)).toEqual(['old-1', 'old-2']);
  expect((await storage.readAudit({ touches: { type: 'task', id: 'brief' } })).items.map((e) => e.id)).toEqual(['old-1']);
}
