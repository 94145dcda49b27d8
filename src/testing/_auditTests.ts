import type { AuditInput, StorageAdapter } from '../store/storageAdapter.js';
import { codeOf, readAll, rejection, START, type Harness } from './_harness.js';

/** The audit trail: append, read back exactly, filter (the records each entry touched too), page both ways, unique ids. */
export function registerAuditTests({ api, test }: Harness): void {
  const { expect } = api;

  test('appends entries with increasing seq and reads them back exactly', async (storage) => {
    const first = await storage.appendAudit(entry('a1', { version: 1 }));
    const second = await storage.appendAudit({ ...entry('a2', { version: 2 }), commandId: 'cmd-9' });
    expect(second.seq > first.seq).toBe(true);
    expect(first).toEqual({
      seq: first.seq,
      id: 'a1',
      commandId: 'a1',
      at: START,
      actor: 'm-li',
      command: 'task.rename',
      aggregate: { type: 'task', id: 't1', campaignId: 'launch' },
      version: 1,
      patches: [{ op: 'replace', path: ['name'], value: { text: '新名字', tags: ['a', 1] } }],
      inversePatches: [{ op: 'remove', path: ['checklist', 0] }],
    });
    expect(second.commandId).toBe('cmd-9');
    expect((await storage.readAudit()).items).toEqual([first, second]);
  });

  test('stores a campaign-less aggregate with a null campaign', async (storage) => {
    const saved = await storage.appendAudit(entry('a1', { campaignId: null, type: 'member', id: 'm-wang' }));
    expect(saved.aggregate).toEqual({ type: 'member', id: 'm-wang', campaignId: null });
  });

  test('filters the trail by campaign, aggregate, actor and command', async (storage) => {
    await storage.appendAudit(entry('a1', { actor: 'm-li' }));
    await storage.appendAudit(entry('a2', { actor: 'm-wang', id: 't2' }));
    await storage.appendAudit(entry('a3', { actor: 'm-li', campaignId: 'other', id: 't3' }));
    await storage.appendAudit({ ...entry('a4', { actor: 'm-wang' }), commandId: 'cmd-x' });
    await storage.appendAudit({ ...entry('a5', { actor: 'm-wang', id: 't2' }), commandId: 'cmd-x' });
    const ids = async (query: Parameters<StorageAdapter['readAudit']>[0]) =>
      (await storage.readAudit(query)).items.map((found) => found.id);

    expect(await ids({ campaignId: 'launch' })).toEqual(['a1', 'a2', 'a4', 'a5']);
    expect(await ids({ aggregate: { type: 'task', id: 't1' } })).toEqual(['a1', 'a4']);
    expect(await ids({ aggregate: { type: 'budget.line', id: 't1' } })).toEqual([]);
    expect(await ids({ actor: 'm-li' })).toEqual(['a1', 'a3']);
    expect(await ids({ commandId: 'cmd-x' })).toEqual(['a4', 'a5']);
    expect(await ids({ actor: 'm-wang', campaignId: 'launch', order: 'desc', limit: 1 })).toEqual(['a5']);
  });

  test('finds the entries that changed a record through its patches, as aggregate or on the way', async (storage) => {
    const touching = (id: string, paths: (string | number)[][]): AuditInput => ({
      ...entry(id, {}),
      patches: paths.map((path) => ({ op: 'replace' as const, path, value: 1 })),
      inversePatches: [],
    });
    await storage.appendAudit(touching('a1', [['task', 'brief', 'duration'], ['task', 'design', 'start'], ['task', 'design', 'finish']]));
    await storage.appendAudit(touching('a2', [['task', 'brief', 'name']]));
    await storage.appendAudit(touching('a3', [['task', 'design']]));
    await storage.appendAudit(touching('a4', [['name'], [0, 'x']]));
    await storage.appendAudit(touching('a5', [['expense', 'design', 'amount']]));
    const ids = async (query: Parameters<StorageAdapter['readAudit']>[0]) => (await storage.readAudit(query)).items.map((found) => found.id);
    expect(await ids({ touches: { type: 'task', id: 'design' } })).toEqual(['a1', 'a3']);
    expect(await ids({ touches: { type: 'task', id: 'brief' }, order: 'desc' })).toEqual(['a2', 'a1']);
    expect(await ids({ touches: { type: 'expense', id: 'design' }, campaignId: 'launch' })).toEqual(['a5']);
    expect(await ids({ touches: { type: 'task', id: 'nothing' } })).toEqual([]);
    const paged = await readAll((cursor) => storage.readAudit({ touches: { type: 'task', id: 'design' }, limit: 1, ...(cursor === undefined ? {} : { cursor }) }));
    expect(paged.map((found) => found.id)).toEqual(['a1', 'a3']);
  });

  test('pages through the trail oldest first and newest first', async (storage) => {
    for (const id of ['a1', 'a2', 'a3', 'a4', 'a5']) await storage.appendAudit(entry(id, {}));
    const page = await storage.readAudit({ limit: 2 });
    expect(page.items.map((found) => found.id)).toEqual(['a1', 'a2']);
    const asc = await readAll((cursor) => storage.readAudit({ limit: 2, ...(cursor === undefined ? {} : { cursor }) }));
    expect(asc.map((found) => found.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    const desc = await readAll((cursor) => storage.readAudit({ order: 'desc', limit: 2, ...(cursor === undefined ? {} : { cursor }) }));
    expect(desc.map((found) => found.id)).toEqual(['a5', 'a4', 'a3', 'a2', 'a1']);
    const exact = await storage.readAudit({ limit: 5 });
    expect(exact.nextCursor).toBe(null);
  });

  test('refuses a second entry with the same id', async (storage) => {
    await storage.appendAudit(entry('a1', {}));
    expect(codeOf(await rejection(storage.appendAudit(entry('a1', { version: 2 }))))).toBe('CONFLICT');
    expect((await storage.readAudit()).items.map((found) => found.version)).toEqual([1]);
  });

  test('rejects a malformed entry or query with VALIDATION', async (storage) => {
    const attempts: Promise<unknown>[] = [
      storage.appendAudit({ ...entry('a1', {}), at: '2026-03-02 09:00' }),
      storage.appendAudit({ ...entry('a1', {}), version: -1 }),
      storage.appendAudit({ ...entry('a1', {}), actor: '' }),
      storage.appendAudit({ ...entry('a1', {}), patches: [{ op: 'replace', path: ['x'], value: Number.POSITIVE_INFINITY }] }),
      storage.readAudit({ cursor: 'not-a-cursor' }),
      storage.readAudit({ limit: 0 }),
    ];
    for (const attempt of attempts) expect(codeOf(await rejection(attempt))).toBe('VALIDATION');
    expect((await storage.readAudit()).items).toEqual([]);
  });
}

function entry(
  id: string,
  { version = 1, actor = 'm-li', campaignId = 'launch', type = 'task', id: aggregateId = 't1' }: {
    version?: number;
    actor?: string;
    campaignId?: string | null;
    type?: string;
    id?: string;
  },
): AuditInput {
  return {
    id,
    at: START,
    actor,
    command: 'task.rename',
    aggregate: { type, id: aggregateId, campaignId },
    version,
    patches: [{ op: 'replace', path: ['name'], value: { text: '新名字', tags: ['a', 1] } }],
    inversePatches: [{ op: 'remove', path: ['checklist', 0] }],
  };
}
