import type { StorageAdapter } from '../store/storageAdapter.js';
import { codeOf, detailsOf, readAll, rejection, START, type Harness } from './_harness.js';

/** Documents: create, read, versioned writes and deletes, getMany, paging and input checks. */
export function registerRecordTests({ api, test }: Harness): void {
  const { expect } = api;
  const brief = { type: 'task', id: 't-brief', campaignId: 'launch', data: { name: 'Brief', hours: 4 } };

  test('creates a document at version 1 and reads it back', async (storage) => {
    const created = await storage.put(brief, { expectedVersion: 0 });
    const expected = { ...brief, version: 1, updatedAt: START };
    expect(created).toEqual(expected);
    expect(await storage.get('task', 't-brief')).toEqual(expected);
  });

  test('returns null for a document that does not exist', async (storage) => {
    expect(await storage.get('task', 'missing')).toBe(null);
  });

  test('raises the version by exactly one on every write', async (storage, clock) => {
    await storage.put(brief, { expectedVersion: 0 });
    for (const version of [1, 2, 3]) {
      clock.advance(60_000);
      const saved = await storage.put({ ...brief, data: { name: `Brief v${version + 1}` } }, { expectedVersion: version });
      expect(saved.version).toBe(version + 1);
    }
    expect(await storage.get('task', 't-brief')).toEqual({
      ...brief,
      data: { name: 'Brief v4' },
      version: 4,
      updatedAt: '2026-03-02T09:03:00.000Z',
    });
  });

  test('moves a document to another campaign or to none', async (storage) => {
    await storage.put(brief, { expectedVersion: 0 });
    expect((await storage.put({ ...brief, campaignId: 'relaunch' }, { expectedVersion: 1 })).campaignId).toBe('relaunch');
    expect((await storage.put({ type: 'task', id: 't-brief', data: {} }, { expectedVersion: 2 })).campaignId).toBe(null);
    expect((await storage.list({ type: 'task', campaignId: 'relaunch' })).items).toEqual([]);
  });

  test('refuses a write with a stale version and keeps the stored document', async (storage) => {
    await storage.put(brief, { expectedVersion: 0 });
    await storage.put({ ...brief, data: { name: 'Theirs' } }, { expectedVersion: 1 });
    const error = await rejection(storage.put({ ...brief, data: { name: 'Mine' } }, { expectedVersion: 1 }));
    expect(codeOf(error)).toBe('CONFLICT');
    expect(detailsOf(error)).toEqual({ ids: ['t-brief'], type: 'task', expectedVersion: 1, actualVersion: 2 });
    expect((await storage.get('task', 't-brief'))?.data).toEqual({ name: 'Theirs' });
  });

  test('refuses to create a document that already exists', async (storage) => {
    await storage.put(brief, { expectedVersion: 0 });
    const error = await rejection(storage.put({ ...brief, data: { name: 'Duplicate' } }, { expectedVersion: 0 }));
    expect(detailsOf(error)).toEqual({ ids: ['t-brief'], type: 'task', expectedVersion: 0, actualVersion: 1 });
    expect((await storage.get('task', 't-brief'))?.data).toEqual(brief.data);
  });

  test('refuses to update a document that does not exist', async (storage) => {
    const error = await rejection(storage.put(brief, { expectedVersion: 3 }));
    expect(detailsOf(error)).toEqual({ ids: ['t-brief'], type: 'task', expectedVersion: 3, actualVersion: null });
    expect(await storage.get('task', 't-brief')).toBe(null);
  });

  test('deletes at the expected version and refuses a stale or repeated delete', async (storage) => {
    await storage.put(brief, { expectedVersion: 0 });
    await storage.put(brief, { expectedVersion: 1 });
    expect(detailsOf(await rejection(storage.delete('task', 't-brief', { expectedVersion: 1 })))).toEqual({
      ids: ['t-brief'],
      type: 'task',
      expectedVersion: 1,
      actualVersion: 2,
    });
    await storage.delete('task', 't-brief', { expectedVersion: 2 });
    expect(await storage.get('task', 't-brief')).toBe(null);
    expect(codeOf(await rejection(storage.delete('task', 't-brief', { expectedVersion: 2 })))).toBe('CONFLICT');
    expect((await storage.list({ type: 'task' })).items).toEqual([]);
  });

  test('continues the version of a deleted document when its id is created again', async (storage) => {
    await storage.put(brief, { expectedVersion: 0 });
    await storage.put(brief, { expectedVersion: 1 });
    await storage.delete('task', 't-brief', { expectedVersion: 2 });
    // The delete was version 3; the new document starts after it, in whatever campaign it is in.
    const again = await storage.put({ ...brief, campaignId: 'relaunch', data: { name: 'Other brief' } }, { expectedVersion: 0 });
    expect(again.version).toBe(4);
    expect(await storage.get('task', 't-brief')).toEqual({ ...again, updatedAt: START });
    expect((await storage.getMany('task', ['t-brief']))[0]?.version).toBe(4);
    expect((await storage.list({ type: 'task', campaignId: 'relaunch' })).items.map((r) => r.version)).toEqual([4]);
    expect((await storage.list({ type: 'task', campaignId: 'launch' })).items).toEqual([]);
  });

  test('refuses a write with a version read before the document was deleted and created again', async (storage) => {
    await storage.put(brief, { expectedVersion: 0 });
    await storage.delete('task', 't-brief', { expectedVersion: 1 });
    await storage.put({ ...brief, data: { name: 'New' } }, { expectedVersion: 0 });
    await storage.put({ ...brief, data: { name: 'New v2' } }, { expectedVersion: 3 });
    for (const stale of [1, 2]) {
      const error = await rejection(storage.put({ ...brief, data: { name: 'Stale' } }, { expectedVersion: stale }));
      expect(detailsOf(error)).toEqual({ ids: ['t-brief'], type: 'task', expectedVersion: stale, actualVersion: 4 });
    }
    expect(detailsOf(await rejection(storage.delete('task', 't-brief', { expectedVersion: 1 })))).toEqual({
      ids: ['t-brief'],
      type: 'task',
      expectedVersion: 1,
      actualVersion: 4,
    });
    expect((await storage.get('task', 't-brief'))?.data).toEqual({ name: 'New v2' });
  });

  test('refuses to update or delete a deleted document at its old version', async (storage) => {
    await storage.put(brief, { expectedVersion: 0 });
    await storage.delete('task', 't-brief', { expectedVersion: 1 });
    for (const version of [1, 2]) {
      expect(detailsOf(await rejection(storage.put(brief, { expectedVersion: version })))).toEqual({
        ids: ['t-brief'],
        type: 'task',
        expectedVersion: version,
        actualVersion: null,
      });
    }
    expect(codeOf(await rejection(storage.delete('task', 't-brief', { expectedVersion: 2 })))).toBe('CONFLICT');
    expect(await storage.get('task', 't-brief')).toBe(null);
  });

  test('keeps type and id as separate, case- and space-sensitive keys', async (storage) => {
    const keys = [
      ['task', 'a'],
      ['task', 'A'],
      ['task', 'a '],
      ['campaign', 'a'],
    ] as const;
    for (const [type, id] of keys) await storage.put({ type, id, data: `${type}/${id}` }, { expectedVersion: 0 });
    for (const [type, id] of keys) expect((await storage.get(type, id))?.data).toBe(`${type}/${id}`);
  });

  test('stores any JSON document exactly and returns a fresh copy on every read', async (storage) => {
    const documents: unknown[] = [
      { name: '营销战役 🚀', nested: { list: [1, 'two', null, true, { deep: [] }] }, empty: {} },
      [0.1, 0.30000000000000004, -2.5e-7, 1e21, 9007199254740991, -0],
      'just a string with "quotes" and \\ backslashes',
      42,
      null,
      false,
    ];
    for (const [index, data] of documents.entries()) {
      await storage.put({ type: 'doc', id: `d${index}`, data }, { expectedVersion: 0 });
      expect((await storage.get('doc', `d${index}`))?.data).toEqual(JSON.parse(JSON.stringify(data)));
    }
    const first = await storage.get('doc', 'd0');
    (first?.data as { name: string }).name = 'changed by the caller';
    expect(((await storage.get('doc', 'd0'))?.data as { name: string }).name).toBe('营销战役 🚀');
  });

  test('rejects invalid input with VALIDATION and stores nothing', async (storage) => {
    const attempts: Promise<unknown>[] = [
      storage.put({ ...brief, type: '' }, { expectedVersion: 0 }),
      storage.put({ ...brief, type: 'no spaces' }, { expectedVersion: 0 }),
      storage.put({ ...brief, id: 'x'.repeat(201) }, { expectedVersion: 0 }),
      storage.put(brief, { expectedVersion: -1 }),
      storage.put(brief, { expectedVersion: 1.5 }),
      storage.put({ ...brief, data: { ratio: Number.NaN } }, { expectedVersion: 0 }),
      storage.put({ ...brief, data: { big: 10n } }, { expectedVersion: 0 }),
      storage.put({ ...brief, data: undefined }, { expectedVersion: 0 }),
      storage.put({ ...brief, data: { name: 'nul \u0000 inside' } }, { expectedVersion: 0 }),
      storage.put({ ...brief, data: { ['key\u0000']: 1 } }, { expectedVersion: 0 }),
      storage.put({ ...brief, data: ['lone \uD83D surrogate'] }, { expectedVersion: 0 }),
      storage.put({ ...brief, id: 'lone \uDE00 surrogate' }, { expectedVersion: 0 }),
      storage.delete('task', 't-brief', { expectedVersion: 0 }),
      storage.list({ type: 'task', limit: 1001 }),
      storage.getMany('task', Array.from({ length: 1001 }, (_, i) => `t${i}`)),
    ];
    for (const attempt of attempts) expect(codeOf(await rejection(attempt))).toBe('VALIDATION');
    expect(await storage.get('task', 't-brief')).toBe(null);
  });

  test('returns getMany results in the order asked, with null for missing ids', async (storage) => {
    for (const id of ['t1', 't2', 't3']) await storage.put({ type: 'task', id, data: { id } }, { expectedVersion: 0 });
    await storage.put({ type: 'campaign', id: 'nope', data: {} }, { expectedVersion: 0 });
    const found = await storage.getMany('task', ['t3', 'nope', 't1', 't3']);
    expect(found.map((record) => record?.data ?? null)).toEqual([{ id: 't3' }, null, { id: 't1' }, { id: 't3' }]);
    expect(await storage.getMany('task', [])).toEqual([]);
  });

  test('pages through the documents of a campaign in a stable id order', async (storage) => {
    const ids = ['t07', 't01', 't05', 't03', 't02', 't06', 't04'];
    for (const id of ids) await storage.put({ type: 'task', id, campaignId: 'launch', data: { id } }, { expectedVersion: 0 });
    await storage.put({ type: 'task', id: 't00', campaignId: 'other', data: {} }, { expectedVersion: 0 });
    await storage.put({ type: 'budget.line', id: 't01', campaignId: 'launch', data: {} }, { expectedVersion: 0 });

    const pages = await pagesOf(storage, { type: 'task', campaignId: 'launch', limit: 3 });
    expect(pages).toEqual([
      { ids: ['t01', 't02', 't03'], nextCursor: true },
      { ids: ['t04', 't05', 't06'], nextCursor: true },
      { ids: ['t07'], nextCursor: false },
    ]);
    const all = await readAll((cursor) => storage.list({ type: 'task', limit: 2, ...(cursor === undefined ? {} : { cursor }) }));
    expect(all.map((record) => record.id)).toEqual(['t00', 't01', 't02', 't03', 't04', 't05', 't06', 't07']);
  });

  test('ends on a full last page without an empty page after it', async (storage) => {
    for (const id of ['a', 'b', 'c', 'd']) await storage.put({ type: 'task', id, data: {} }, { expectedVersion: 0 });
    expect(await pagesOf(storage, { type: 'task', limit: 2 })).toEqual([
      { ids: ['a', 'b'], nextCursor: true },
      { ids: ['c', 'd'], nextCursor: false },
    ]);
    expect(await storage.list({ type: 'nothing' })).toEqual({ items: [], nextCursor: null });
  });

  test('orders ids by Unicode code point, the same in every adapter', async (storage) => {
    // Code points: A U+41, B U+42, a U+61, b U+62, é U+E9, ～ U+FF5E, 😀 U+1F600 (a surrogate pair in UTF-16).
    for (const id of ['😀', 'b', '～', 'B', 'é', 'a', 'A']) await storage.put({ type: 'tag', id, data: {} }, { expectedVersion: 0 });
    const pages = await pagesOf(storage, { type: 'tag', limit: 3 });
    expect(pages.flatMap((page) => page.ids)).toEqual(['A', 'B', 'a', 'b', 'é', '～', '😀']);
  });
}

async function pagesOf(
  storage: StorageAdapter,
  query: { type: string; campaignId?: string; limit: number },
): Promise<{ ids: string[]; nextCursor: boolean }[]> {
  const pages: { ids: string[]; nextCursor: boolean }[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await storage.list({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    pages.push({ ids: page.items.map((record) => record.id), nextCursor: page.nextCursor !== null });
    if (page.nextCursor === null || pages.length > 10) return pages;
    cursor = page.nextCursor;
  }
}
