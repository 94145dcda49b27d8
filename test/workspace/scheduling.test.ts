import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { createWorkspace } from '../../src/workspace/createWorkspace.js';
import { failure, LAUNCH, NOW, prefixedIds, setup } from './_setup.js';

/**
 * Dates on the Standard calendar (Mon–Fri 08:00–12:00, 13:00–17:00), derived by hand: Monday
 * 2 March 2026 is the campaign's first day, so a 2-day task from 08:00 that day ends Tuesday
 * 17:00, and its finish-to-start successor starts Wednesday 08:00.
 */
async function plan() {
  const context = setup();
  const { workspace } = context;
  await workspace.campaigns.create(LAUNCH);
  await workspace.tasks.create({ id: 'brief', campaignId: 'launch', name: 'Brief', duration: '2d' });
  await workspace.tasks.create({ id: 'design', campaignId: 'launch', name: 'Design', duration: '3d' });
  await workspace.tasks.create({ id: 'print', campaignId: 'launch', name: 'Print', duration: '1d' });
  await workspace.tasks.create({ id: 'social', campaignId: 'launch', name: 'Social posts', duration: '2d' });
  await workspace.dependencies.add({ id: 'brief-design', from: 'brief', to: 'design' });
  await workspace.dependencies.add({ id: 'design-print', from: 'design', to: 'print' });
  return context;
}

async function dates(workspace: ReturnType<typeof setup>['workspace']) {
  const tasks = (await workspace.tasks.list({ campaignId: 'launch' })).items;
  return Object.fromEntries(tasks.map((t) => [t.id, [t.start, t.finish]]));
}

async function versions(context: ReturnType<typeof setup>) {
  const records = (await context.storage.list({ type: 'task', campaignId: 'launch' })).items;
  return Object.fromEntries(records.map((r) => [r.id, r.version]));
}

describe('scheduling inside the workspace', () => {
  it('schedules new tasks and links from the campaign start on the Standard calendar', async () => {
    const { workspace } = await plan();
    expect(await dates(workspace)).toEqual({
      brief: ['2026-03-02T08:00', '2026-03-03T17:00'],
      design: ['2026-03-04T08:00', '2026-03-06T17:00'],
      print: ['2026-03-09T08:00', '2026-03-09T17:00'],
      social: ['2026-03-02T08:00', '2026-03-03T17:00'],
    });
    expect((await workspace.campaigns.getSchedule('launch')).criticalPath).toEqual(['brief', 'design', 'print']);
  });

  it('writes exactly the tasks a longer duration moves, in the same command, and announces each', async () => {
    const context = await plan();
    const { workspace, storage, events } = context;
    const before = await versions(context);
    const mark = events.length;
    await workspace.tasks.update('brief', { duration: '3d' });
    expect(await dates(workspace)).toEqual({
      brief: ['2026-03-02T08:00', '2026-03-04T17:00'],
      design: ['2026-03-05T08:00', '2026-03-09T17:00'],
      print: ['2026-03-10T08:00', '2026-03-10T17:00'],
      social: ['2026-03-02T08:00', '2026-03-03T17:00'],
    });
    const after = await versions(context);
    expect(after).toEqual({ brief: (before.brief ?? 0) + 1, design: (before.design ?? 0) + 1, print: (before.print ?? 0) + 1, social: before.social });
    const [entry] = (await storage.readAudit({ order: 'desc', limit: 1 })).items;
    const records = new Set(entry?.patches.map((p) => `${p.path[0]}/${p.path[1]}`));
    expect([...records].sort()).toEqual(['schedule/launch', 'task/brief', 'task/design', 'task/print']);
    expect(events.slice(mark).map((e) => [e.type, e.aggregateId])).toEqual([
      ['task.updated', 'brief'],
      ['task.rescheduled', 'brief'],
      ['task.rescheduled', 'design'],
      ['task.rescheduled', 'print'],
    ]);
    expect(events.at(-1)).toMatchObject({ previousStart: '2026-03-09T08:00', start: '2026-03-10T08:00', finish: '2026-03-10T17:00' });
  });

  it('gives another app server the same dates, rebuilding from storage instead of its cache', async () => {
    const context = await plan();
    const other = createWorkspace({ storage: context.storage, clock: fixedClock(NOW), ids: prefixedIds('server-2') });
    await other.tasks.update('brief', { duration: '3d' });
    // The first server's cached schedule no longer matches the stored stamp, so it rebuilds too.
    await context.workspace.tasks.update('design', { duration: '1d' });
    expect(await dates(context.workspace)).toEqual({
      brief: ['2026-03-02T08:00', '2026-03-04T17:00'],
      design: ['2026-03-05T08:00', '2026-03-05T17:00'],
      print: ['2026-03-06T08:00', '2026-03-06T17:00'],
      social: ['2026-03-02T08:00', '2026-03-03T17:00'],
    });
  });

  it('refuses a dependency that closes a cycle with CYCLE, naming the loop, and stores nothing', async () => {
    const context = await plan();
    const before = JSON.stringify(context.storage.snapshot());
    const error = await failure(context.workspace.dependencies.add({ from: 'print', to: 'brief' }));
    expect(error.code).toBe('CYCLE');
    expect(error.details.cycle).toEqual(['print', 'brief', 'design', 'print']);
    expect(JSON.stringify(context.storage.snapshot())).toBe(before);
    // Also on a server whose cache is cold.
    const cold = createWorkspace({ storage: context.storage, clock: fixedClock(NOW), ids: prefixedIds('server-2') });
    expect((await failure(cold.dependencies.add({ from: 'print', to: 'brief' }))).code).toBe('CYCLE');
    expect(JSON.stringify(context.storage.snapshot())).toBe(before);
  });

  it('refuses a second link between the same two tasks', async () => {
    const { workspace } = await plan();
    const error = await failure(workspace.dependencies.add({ from: 'brief', to: 'design', lag: '1d' }));
    expect([error.code, error.details.issues?.[0]?.path]).toEqual(['VALIDATION', ['to']]);
  });

  it('moves successors by a lag change and back when the link is removed', async () => {
    const { workspace } = await plan();
    await workspace.dependencies.update('brief-design', { lag: '1d' });
    expect((await dates(workspace)).design).toEqual(['2026-03-05T08:00', '2026-03-09T17:00']);
    await workspace.dependencies.remove('design-print');
    expect((await dates(workspace)).print).toEqual(['2026-03-02T08:00', '2026-03-02T17:00']);
  });

  it('removes a deleted task’s links and lets its successors move up', async () => {
    const { workspace } = await plan();
    await workspace.tasks.delete('design');
    expect(await dates(workspace)).toEqual({
      brief: ['2026-03-02T08:00', '2026-03-03T17:00'],
      print: ['2026-03-02T08:00', '2026-03-02T17:00'],
      social: ['2026-03-02T08:00', '2026-03-03T17:00'],
    });
    expect((await workspace.dependencies.list({ campaignId: 'launch' })).items).toEqual([]);
  });

  it('moves every task when the campaign starts a week later, and honours a holiday calendar', async () => {
    const { workspace } = await plan();
    await workspace.campaigns.update('launch', { plannedStart: '2026-03-09' });
    expect((await dates(workspace)).print).toEqual(['2026-03-16T08:00', '2026-03-16T17:00']);
    await workspace.calendars.create({ id: 'office', campaignId: 'launch', name: 'Office', base: 'standard', exceptions: [{ name: 'Closed', from: '2026-03-10' }] });
    await workspace.campaigns.update('launch', { calendarId: 'office' });
    expect(await dates(workspace)).toEqual({
      brief: ['2026-03-09T08:00', '2026-03-11T17:00'],
      design: ['2026-03-12T08:00', '2026-03-16T17:00'],
      print: ['2026-03-17T08:00', '2026-03-17T17:00'],
      social: ['2026-03-09T08:00', '2026-03-11T17:00'],
    });
  });

  it('refuses a duration on a summary task, whose dates roll up from its subtasks', async () => {
    const { workspace } = await plan();
    await workspace.tasks.create({ id: 'phase', campaignId: 'launch', name: 'Phase' });
    await workspace.tasks.update('social', { parentId: 'phase' });
    expect((await dates(workspace)).phase).toEqual(['2026-03-02T08:00', '2026-03-03T17:00']);
    const error = await failure(workspace.tasks.update('phase', { duration: '5d' }));
    expect([error.code, error.details.issues?.[0]?.message]).toEqual(['VALIDATION', '"phase" is a summary task; its duration rolls up from its subtasks']);
  });

  it('reschedules from scratch on demand and reports the finish and critical path', async () => {
    const { workspace, events } = await plan();
    const result = await workspace.campaigns.scheduleCampaign('launch');
    expect([result.start, result.finish, result.criticalPath]).toEqual(['2026-03-02T08:00', '2026-03-09T17:00', ['brief', 'design', 'print']]);
    expect(events.at(-1)).toMatchObject({ type: 'campaign.scheduled', finish: '2026-03-09T17:00' });
  });
});
