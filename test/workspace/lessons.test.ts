import { expect, it } from 'vitest';
import type { WorkspaceEvent } from '../../src/events/workspaceEvents.js';
import type { Workspace } from '../../src/workspace/createWorkspace.js';
import { CAMPAIGN_FULL_PROCESS } from '../../src/workflow/templates/builtInTemplates.js';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

// Lessons learned through the workspace: records, search across campaigns, who may write and read,
// events, audit, undo, cascade and the template they feed, on every adapter.

const KOL = { campaignId: 'launch', text: 'KOL posts booked two weeks ahead ran late; book three weeks ahead', category: 'schedule', tags: ['kol'], stageId: 'execution' };
const BOOTH = { campaignId: 'launch', text: '展位搭建预算超支 20%，下次提前锁定报价', category: 'budget', tags: ['booth', '展会'] };
const DOUYIN = { campaignId: 'autumn', text: 'Short vertical videos doubled the Douyin CTR', category: 'channel', tags: ['douyin', 'video'], metric: 'ctr' };
const SECRET = { campaignId: 'secret', text: 'The secret vendor went over budget', category: 'budget', tags: ['vendor'] };

/** A clock the test moves, starting at Monday 2 March 2026 09:00 UTC. */
function movingClock() {
  let now = Date.parse('2026-03-02T09:00:00Z');
  return { clock: { now: () => now }, advance: (minutes: number) => void (now += minutes * 60_000) };
}

/** The stored lessons of a campaign and the audit trail's length: what a refused command must leave as it was. */
async function state(workspace: Workspace) {
  const lessons = (await workspace.lessons.list({ campaignId: 'launch' })).items;
  const audit = (await workspace.audit.list({ limit: 1000 })).items.length;
  return { lessons, audit };
}

const lessonEvents = (events: readonly WorkspaceEvent[]) => events.filter((e) => e.type.startsWith('lesson.'));

describeOnEveryAdapter('lessons learned', (open) => {
  it('records, changes, lists and deletes a lesson, stamped with who and when', async () => {
    const { clock, advance } = movingClock();
    const opened = await open({ clock });
    if (opened === null) return;
    const { workspace, events } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.tasks.create({ id: 'kol-posts', campaignId: 'launch', name: 'KOL posts', duration: '5d' });
      const manager = workspace.withActor(actors.manager);
      const recorded = await manager.lessons.create({ ...KOL, taskId: 'kol-posts' });
      const expected = { id: 'lesson-1', ...KOL, taskId: 'kol-posts', createdBy: 'm-li', createdAt: '2026-03-02T09:00:00.000Z' };
      expect(recorded).toEqual(expected);
      expect(await manager.lessons.get('lesson-1')).toEqual(expected);
      advance(60);
      const booth = await manager.lessons.create({ ...BOOTH, id: 'booth-budget', text: `  ${BOOTH.text}  ` });
      expect(booth).toEqual({ id: 'booth-budget', ...BOOTH, createdBy: 'm-li', createdAt: '2026-03-02T10:00:00.000Z' });
      expect((await manager.lessons.list({ campaignId: 'launch' })).items.map((l) => l.id)).toEqual(['booth-budget', 'lesson-1']);

      advance(60);
      const { version } = await manager.lessons.getVersioned('lesson-1');
      expect(version).toBe(1);
      const changed = await manager.lessons.update('lesson-1', { tags: ['kol', 'douyin'], metric: 'ctr' }, { expectedVersion: 1 });
      expect(changed).toEqual({ ...expected, tags: ['kol', 'douyin'], metric: 'ctr', updatedAt: '2026-03-02T11:00:00.000Z' });
      // The same values again change nothing: no new version, no event.
      await manager.lessons.update('lesson-1', { tags: ['kol', 'douyin'] });
      expect((await manager.lessons.getVersioned('lesson-1')).version).toBe(2);
      // A stale version is refused.
      expect((await failure(manager.lessons.update('lesson-1', { category: null }, { expectedVersion: 1 }))).code).toBe('CONFLICT');
      const cleared = await manager.lessons.update('lesson-1', { category: null, metric: null }, { expectedVersion: 2 });
      expect([cleared.category, cleared.metric, 'category' in cleared]).toEqual([undefined, undefined, false]);

      await manager.lessons.delete('booth-budget');
      expect((await failure(manager.lessons.get('booth-budget'))).code).toBe('NOT_FOUND');
      expect((await manager.lessons.list({ campaignId: 'launch' })).items.map((l) => l.id)).toEqual(['lesson-1']);

      expect(lessonEvents(events).map((e) => [e.type, e.aggregateId, e.version, e.campaignId, e.actor])).toEqual([
        ['lesson.recorded', 'lesson-1', 1, 'launch', 'm-li'],
        ['lesson.recorded', 'booth-budget', 1, 'launch', 'm-li'],
        ['lesson.updated', 'lesson-1', 2, 'launch', 'm-li'],
        ['lesson.updated', 'lesson-1', 3, 'launch', 'm-li'],
        ['lesson.deleted', 'booth-budget', 0, 'launch', 'm-li'],
      ]);
      const updated = lessonEvents(events)[2];
      expect(updated?.type === 'lesson.updated' ? [updated.fields, updated.lesson.tags] : []).toEqual([['tags', 'metric', 'updatedAt'], ['kol', 'douyin']]);
      const deleted = lessonEvents(events)[4];
      expect(deleted?.type === 'lesson.deleted' ? deleted.lessonId : null).toBe('booth-budget');

      const audit = await workspace.audit.list({ aggregate: { type: 'lesson', id: 'lesson-1' } });
      expect(audit.items.map((e) => [e.command, e.actor, e.version])).toEqual([
        ['lesson.create', 'm-li', 1],
        ['lesson.update', 'm-li', 2],
        ['lesson.update', 'm-li', 3],
      ]);
    } finally {
      await opened.close();
    }
  });

  it('searches every campaign the actor may read, newest first, by words, Chinese substrings, category, tags and metric', async () => {
    const { clock, advance } = movingClock();
    const opened = await open({ clock });
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.campaigns.create({ ...LAUNCH, id: 'autumn', name: 'Autumn sale' });
      await workspace.campaigns.create({ ...LAUNCH, id: 'secret', name: 'Secret acquisition' });
      for (const [id, lesson] of [['kol', KOL], ['booth', BOOTH], ['douyin', DOUYIN], ['secret-vendor', SECRET]] as const) {
        await workspace.lessons.create({ ...lesson, id });
        advance(10);
      }
      // Li manages the launch and views the autumn sale; the secret campaign is none of hers.
      const li = workspace.withActor({ id: 'm-li', roles: [{ role: 'manager', campaignId: 'launch' }, { role: 'viewer', campaignId: 'autumn' }] });
      const ids = async (options: Parameters<Workspace['lessons']['search']>[0]) => (await li.lessons.search(options)).map((hit) => hit.lesson.id);

      const all = await li.lessons.search();
      expect(all.map((hit) => [hit.lesson.id, hit.campaignName, hit.lesson.createdAt])).toEqual([
        ['douyin', 'Autumn sale', '2026-03-02T09:20:00.000Z'],
        ['booth', 'Spring launch', '2026-03-02T09:10:00.000Z'],
        ['kol', 'Spring launch', '2026-03-02T09:00:00.000Z'],
      ]);
      expect(all[0]?.lesson).toEqual({ id: 'douyin', ...DOUYIN, createdBy: 'm-root', createdAt: '2026-03-02T09:20:00.000Z' });
      // Every word must appear, in any case, in the text, the category or a tag.
      expect(await ids({ query: 'KOL  late' })).toEqual(['kol']);
      expect(await ids({ query: 'kol early' })).toEqual([]);
      expect(await ids({ query: 'douyin SCHEDULE' })).toEqual([]);
      expect(await ids({ query: 'Video ctr' })).toEqual(['douyin']);
      expect(await ids({ query: 'schedule' })).toEqual(['kol']);
      // Chinese has no spaces: a query is matched as a substring, in the text or a tag.
      expect(await ids({ query: '预算超支' })).toEqual(['booth']);
      expect(await ids({ query: '超支 报价' })).toEqual(['booth']);
      expect(await ids({ query: '展会' })).toEqual(['booth']);
      expect(await ids({ query: '预算节约' })).toEqual([]);
      // Filters: the secret campaign's budget lesson stays out.
      expect(await ids({ category: 'BUDGET' })).toEqual(['booth']);
      expect(await ids({ tags: ['Douyin', 'video'] })).toEqual(['douyin']);
      expect(await ids({ tags: ['douyin', 'kol'] })).toEqual([]);
      expect(await ids({ metric: 'ctr' })).toEqual(['douyin']);
      expect(await ids({ campaignIds: ['launch'], limit: 1 })).toEqual(['booth']);
      // Naming a campaign she may not read is refused as reading it would be.
      expect((await failure(li.lessons.search({ campaignIds: ['launch', 'secret'] }))).code).toBe('NOT_FOUND');
      // The host sees every campaign.
      expect((await workspace.lessons.search({ category: 'budget' })).map((hit) => [hit.lesson.id, hit.campaignName])).toEqual([
        ['secret-vendor', 'Secret acquisition'],
        ['booth', 'Spring launch'],
      ]);
      expect((await failure(li.lessons.search({ query: 'x', bogus: true } as never))).code).toBe('VALIDATION');
    } finally {
      await opened.close();
    }
  });

  it('lets only the campaign manager record one, and whoever reads the schedule read them', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.lessons.create({ ...KOL, id: 'kol' });
      const before = await state(workspace);
      const agency = workspace.withActor(actors.agency);
      const refusedAgency = await failure(agency.lessons.create(BOOTH));
      expect([refusedAgency.code, refusedAgency.details.permission]).toEqual(['FORBIDDEN', 'campaign.update']);
      expect((await failure(workspace.withActor(actors.member).lessons.create(BOOTH))).details.permission).toBe('campaign.update');
      const viewer = workspace.withActor(actors.viewer);
      expect((await failure(viewer.lessons.update('kol', { text: 'Mine' }))).details.permission).toBe('campaign.update');
      expect((await failure(agency.lessons.delete('kol'))).details.permission).toBe('campaign.update');
      expect(await state(workspace)).toEqual(before);

      expect((await viewer.lessons.get('kol')).text).toBe(KOL.text);
      expect((await viewer.lessons.list({ campaignId: 'launch' })).items.map((l) => l.id)).toEqual(['kol']);
      expect((await viewer.lessons.search({ query: 'kol' })).map((hit) => hit.lesson.id)).toEqual(['kol']);
      // Agencies read tasks, so they read the lessons too; executives read them through report.read.
      expect((await agency.lessons.get('kol')).id).toBe('kol');
      const executive = workspace.withActor({ id: 'm-zhao', roles: [{ role: 'executive', campaignId: 'launch' }] });
      expect(await executive.lessons.get('kol')).toEqual(await workspace.lessons.get('kol'));
      // Someone with no role on the campaign learns nothing.
      const stranger = workspace.withActor({ id: 'm-bob', roles: [] });
      expect((await failure(stranger.lessons.get('kol'))).code).toBe('NOT_FOUND');
      expect((await failure(stranger.lessons.list({ campaignId: 'launch' }))).code).toBe('NOT_FOUND');
      expect(await stranger.lessons.search()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('announces lessons to the views that may read them', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      const heardByViewer: WorkspaceEvent[] = [];
      const heardByStranger: WorkspaceEvent[] = [];
      workspace.withActor(actors.viewer).on('*', (event) => void heardByViewer.push(event));
      workspace.withActor({ id: 'm-bob', roles: [{ role: 'viewer', campaignId: 'autumn' }] }).on('*', (event) => void heardByStranger.push(event));
      await workspace.lessons.create({ ...KOL, id: 'kol' });
      await workspace.lessons.update('kol', { text: 'Book KOL posts three weeks ahead' });
      await workspace.lessons.delete('kol');
      expect(heardByViewer.map((e) => e.type)).toEqual(['lesson.recorded', 'lesson.updated', 'lesson.deleted']);
      expect(heardByViewer[0]?.type === 'lesson.recorded' ? heardByViewer[0].lesson.text : null).toBe(KOL.text);
      expect(heardByStranger).toEqual([]);
      // The outbox holds them too, for the host's other systems.
      const outbox = await workspace.claimOutbox({ limit: 100 });
      expect(outbox.map((entry) => entry.event.type).filter((type) => type.startsWith('lesson.'))).toEqual(['lesson.recorded', 'lesson.updated', 'lesson.deleted']);
    } finally {
      await opened.close();
    }
  });

  it('brings back a deleted lesson on undo, and deletes and restores lessons with their campaign', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      const kol = await workspace.lessons.create({ ...KOL, id: 'kol' });
      await workspace.lessons.create({ ...BOOTH, id: 'booth' });
      await workspace.lessons.delete('kol');
      await workspace.audit.undoLast();
      expect(await workspace.lessons.get('kol')).toEqual(kol);

      await workspace.campaigns.delete('launch');
      expect((await workspace.lessons.search()).map((hit) => hit.lesson.id)).toEqual([]);
      expect((await failure(workspace.lessons.get('booth'))).code).toBe('NOT_FOUND');
      await workspace.audit.undoLast();
      expect((await workspace.lessons.list({ campaignId: 'launch' })).items.map((l) => l.id)).toEqual(['booth', 'kol']);
    } finally {
      await opened.close();
    }
  });

  it('carries the campaign’s lessons into the template it is saved as, oldest first', async () => {
    const { clock, advance } = movingClock();
    const opened = await open({ clock });
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.campaigns.instantiateTemplate('launch', CAMPAIGN_FULL_PROCESS, {
        assignees: { market: ['m-wang'], manager: ['m-li'], sales: ['m-zhao'], product: ['m-xu'], design: ['m-sun'], legal: ['m-zhou'] },
      });
      await workspace.lessons.create({ ...BOOTH, id: 'z-booth' });
      advance(5);
      await workspace.lessons.create({ ...KOL, id: 'a-kol', metric: 'ctr', taskId: 'execution-3' });
      const template = await workspace.campaigns.saveAsTemplate('launch', { id: 'launch-2027', name: 'Launch 2027' });
      expect(template.lessons).toEqual([
        { text: BOOTH.text, category: 'budget', tags: ['booth', '展会'] },
        { text: KOL.text, category: 'schedule', tags: ['kol'], metric: 'ctr' },
      ]);
      // The next campaign starts from the template, lessons and all.
      await workspace.campaigns.create({ ...LAUNCH, id: 'launch-2027', name: 'Launch 2027' });
      await workspace.campaigns.instantiateTemplate('launch-2027', template, { idPrefix: 'l27-', assignees: { manager: ['m-li'] } });
      expect(CAMPAIGN_FULL_PROCESS.lessons).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('refuses unknown keys, empty text and fields the workspace sets with VALIDATION, changing nothing', async () => {
    const opened = await open();
    if (opened === null) return;
    const { workspace } = opened;
    try {
      await workspace.campaigns.create(LAUNCH);
      await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief' });
      await workspace.campaigns.create({ ...LAUNCH, id: 'autumn', name: 'Autumn sale' });
      await workspace.tasks.create({ id: 'autumn-brief', campaignId: 'autumn', name: 'Brief' });
      await workspace.lessons.create({ ...KOL, id: 'kol' });
      const before = await state(workspace);
      const refusals: (() => Promise<unknown>)[] = [
        () => workspace.lessons.create({ ...BOOTH, bogus: 1 } as never),
        () => workspace.lessons.create({ ...BOOTH, text: '' }),
        () => workspace.lessons.create({ ...BOOTH, text: '   ' }),
        () => workspace.lessons.create({ ...BOOTH, text: 'x'.repeat(5001) }),
        () => workspace.lessons.create({ ...BOOTH, createdAt: '2026-01-01T00:00:00Z' } as never),
        () => workspace.lessons.create({ ...BOOTH, createdBy: 'm-wang' } as never),
        () => workspace.lessons.create({ ...BOOTH, category: 'c'.repeat(101) }),
        () => workspace.lessons.create({ ...BOOTH, metric: 'not_a_metric' }),
        () => workspace.lessons.create({ ...BOOTH, metric: 'CTR' }),
        () => workspace.lessons.create({ ...BOOTH, taskId: 'autumn-brief' }),
        () => workspace.lessons.update('kol', { bogus: 1 } as never),
        () => workspace.lessons.update('kol', { text: '' }),
        () => workspace.lessons.update('kol', { taskId: 'brief' } as never),
        () => workspace.lessons.update('kol', { campaignId: 'autumn' } as never),
        () => workspace.lessons.update('kol', { updatedAt: '2026-01-01T00:00:00Z' } as never),
        () => workspace.lessons.list({ campaignId: 'launch', bogus: 1 } as never),
      ];
      for (const refusal of refusals) expect((await failure(refusal())).code).toBe('VALIDATION');
      const taskElsewhere = await failure(workspace.lessons.create({ ...BOOTH, taskId: 'autumn-brief' }));
      expect(taskElsewhere.details.issues).toEqual([{ path: ['taskId'], message: "there is no task 'autumn-brief' in campaign 'launch'", code: 'custom' }]);
      expect(await state(workspace)).toEqual(before);
    } finally {
      await opened.close();
    }
  });
});
