import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseMspdi } from '../../src/interop/mspdi/parseMspdi.js';
import { scheduleProject } from '../../src/schedule/scheduleProject.js';
import type { StorageAdapter } from '../../src/store/storageAdapter.js';
import type { Workspace } from '../../src/workspace/createWorkspace.js';
import { conformanceDir } from '../_support/conformance.js';
import { linkFrom, mspdiDoc, task } from '../interop/_mspdiDoc.js';
import { describeOnEveryAdapter } from './_adapters.js';
import { actors, failure, LAUNCH } from './_setup.js';

const root = conformanceDir();
/** A Project 2007 file with links of every type and lags. */
const CONFORMANCE_FILE = 'task-links-project2007-mspdi.xml';

const weekDay = (type: number, working: boolean) =>
  `<WeekDay><DayType>${type}</DayType><DayWorking>${working ? 1 : 0}</DayWorking>${
    working ? '<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>' : ''
  }</WeekDay>`;
const STANDARD = `<Calendar><UID>1</UID><Name>Office</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>${[1, 2, 3, 4, 5, 6, 7].map((d) => weekDay(d, d >= 2 && d <= 6)).join('')}</WeekDays></Calendar>`;
const SIX_DAY = `<Calendar><UID>2</UID><Name>Six-day shop</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID><WeekDays>${weekDay(7, true)}</WeekDays></Calendar>`;
const baseline = (number: number, start: string, finish: string, hours: number) =>
  `<Baseline><Number>${number}</Number><Start>${start}:00</Start><Finish>${finish}:00</Finish><Duration>PT${hours}H0M0S</Duration></Baseline>`;

/** A small plan: a summary with two tasks, a milestone, a constraint, a deadline, actuals, a task calendar, an SS link with lag and two baselines. */
const PLAN = mspdiDoc(
  [
    '<Name>Expo 2026</Name><CalendarUID>1</CalendarUID>',
    `<Calendars>${STANDARD}${SIX_DAY}</Calendars>`,
    '<Tasks>',
    `<Task><UID>1</UID><Name>Preparation</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary></Task>`,
    task('2', '2', `<Name>Brief</Name><ActualStart>2026-01-05T08:00:00</ActualStart><PercentComplete>50</PercentComplete>${baseline(0, '2026-01-05T08:00', '2026-01-05T17:00', 8)}${baseline(1, '2026-01-06T08:00', '2026-01-06T17:00', 8)}`),
    task('3', '2', `<Name>Booth build</Name><CalendarUID>2</CalendarUID><Deadline>2026-01-09T17:00:00</Deadline>${linkFrom('2')}${baseline(0, '2026-01-06T08:00', '2026-01-06T17:00', 8)}`),
    task('4', '1', `<Name>Print run</Name><ConstraintType>4</ConstraintType><ConstraintDate>2026-01-07T08:00:00</ConstraintDate><PredecessorLink><PredecessorUID>2</PredecessorUID><Type>3</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>`),
    `<Task><UID>5</UID><Name>Opening</Name><OutlineLevel>1</OutlineLevel><Milestone>1</Milestone><Duration>PT0H0M0S</Duration><DurationFormat>7</DurationFormat>${linkFrom('3')}${linkFrom('4')}</Task>`,
    '</Tasks>',
  ].join(''),
);

const OPTIONS = { id: 'launch', ownerId: 'm-li', currency: 'CNY' };

/** Start and finish of every task the workspace stores for `campaignId`, by id. */
async function storedDates(workspace: Workspace, campaignId: string): Promise<Record<string, [string, string]>> {
  const schedule = await workspace.campaigns.getSchedule(campaignId);
  return Object.fromEntries(schedule.tasks.map((t) => [t.id, [t.start, t.finish]]));
}

/** Start and finish `scheduleProject` gives the file's tasks, with `prefix` on their ids. */
function fileDates(xml: string, prefix: string): Record<string, [string, string]> {
  return Object.fromEntries(scheduleProject(parseMspdi(xml)).tasks.map((t) => [`${prefix}${t.id}`, [t.start, t.finish]]));
}

/** Every record the storage holds of the types an import writes. */
async function imported(storage: StorageAdapter): Promise<string[]> {
  const types = ['campaign', 'calendar', 'task', 'dependency', 'baseline', 'schedule'] as const;
  const pages = await Promise.all(types.map((type) => storage.list({ type, limit: 1000 })));
  return pages.flatMap((page, i) => page.items.map((r) => `${types[i]}/${r.id}`));
}

describeOnEveryAdapter('campaigns.importMspdi and exportMspdi', (open) => {
  it.skipIf(root === undefined)(`imports ${CONFORMANCE_FILE} and schedules every task where scheduleProject puts it`, async () => {
    const context = await open();
    if (context === null) return;
    const { workspace, close } = context;
    try {
      const xml = readFileSync(join(root ?? '', 'mspdi', CONFORMANCE_FILE), 'utf8');
      const result = await workspace.campaigns.importMspdi(xml, OPTIONS);
      const parsed = parseMspdi(xml);
      expect(result.taskIds).toEqual(parsed.tasks.map((t) => `launch-${t.id}`));
      expect(result.dependencyIds).toHaveLength(parsed.links.length);
      expect(result.warnings).toEqual(parsed.warnings);
      expect(await storedDates(workspace, 'launch')).toEqual(fileDates(xml, 'launch-'));
      expect((await workspace.campaigns.get('launch')).name).toBe(parsed.name);
    } finally {
      await close();
    }
  });

  it('stores the campaign, calendars, tasks, links and baselines of a file in one audited command', async () => {
    const context = await open();
    if (context === null) return;
    const { workspace, events, close } = context;
    try {
      const result = await workspace.campaigns.importMspdi(PLAN, OPTIONS);
      expect(result.campaign).toMatchObject({ id: 'launch', name: 'Expo 2026', ownerId: 'm-li', currency: 'CNY', plannedStart: '2026-01-05', calendarId: 'launch-1' });
      expect(result).toMatchObject({
        taskIds: ['launch-1', 'launch-2', 'launch-3', 'launch-4', 'launch-5'],
        dependencyIds: ['launch-link-1', 'launch-link-2', 'launch-link-3', 'launch-link-4'],
        calendarIds: ['launch-1', 'launch-2'],
        baselineNames: ['Baseline', 'Baseline1'],
        warnings: [],
      });
      expect(await storedDates(workspace, 'launch')).toEqual(fileDates(PLAN, 'launch-'));
      expect(await workspace.tasks.get('launch-2')).toMatchObject({ parentId: 'launch-1', name: 'Brief', duration: '1d', actualStart: '2026-01-05T08:00', percentComplete: 50 });
      expect(await workspace.tasks.get('launch-3')).toMatchObject({ calendarId: 'launch-2', deadline: '2026-01-09T17:00' });
      expect(await workspace.tasks.get('launch-4')).toMatchObject({ constraint: { type: 'SNET', date: '2026-01-07T08:00' } });
      expect(await workspace.tasks.get('launch-5')).toMatchObject({ milestone: true, duration: '0d' });
      expect((await workspace.dependencies.get('launch-link-2'))).toMatchObject({ from: 'launch-2', to: 'launch-4', type: 'SS', lag: '1d' });
      expect(await workspace.calendars.get('launch-2')).toMatchObject({ campaignId: 'launch', name: 'Six-day shop', base: 'launch-1' });
      const baselines = await workspace.campaigns.baselines('launch');
      expect(baselines.map((b) => [b.name, b.tasks])).toEqual([
        ['Baseline', { 'launch-2': { start: '2026-01-05T08:00', finish: '2026-01-05T17:00', duration: 480 }, 'launch-3': { start: '2026-01-06T08:00', finish: '2026-01-06T17:00', duration: 480 } }],
        ['Baseline1', { 'launch-2': { start: '2026-01-06T08:00', finish: '2026-01-06T17:00', duration: 480 } }],
      ]);
      const audit = await workspace.audit.list({ campaignId: 'launch' });
      expect(audit.items.map((a) => a.command)).toEqual(['campaign.importMspdi']);
      const kinds = events.map((e) => e.type);
      expect(kinds.filter((k) => k === 'campaign.created')).toHaveLength(1);
      expect(kinds.filter((k) => k === 'calendar.created')).toHaveLength(2);
      expect(kinds.filter((k) => k === 'task.created')).toHaveLength(5);
      expect(kinds.filter((k) => k === 'dependency.added')).toHaveLength(4);
      expect(kinds.filter((k) => k === 'baseline.saved')).toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('undoing an import removes everything it stored', async () => {
    const context = await open();
    if (context === null) return;
    const { workspace, storage, close } = context;
    try {
      const before = await imported(storage);
      await workspace.campaigns.importMspdi(PLAN, OPTIONS);
      await workspace.audit.undoLast();
      expect(await imported(storage)).toEqual(before);
    } finally {
      await close();
    }
  });

  it('a file that fails to parse or to validate imports nothing', async () => {
    const context = await open();
    if (context === null) return;
    const { workspace, storage, events, close } = context;
    try {
      const before = await imported(storage);
      expect((await failure(workspace.campaigns.importMspdi('<Project><StartDate>2026', OPTIONS))).code).toBe('PARSE');
      const finishedFirst = mspdiDoc(`<Tasks>${task('1', '1', '<ActualStart>2026-01-06T08:00:00</ActualStart><ActualFinish>2026-01-05T17:00:00</ActualFinish>')}</Tasks>`);
      expect((await failure(workspace.campaigns.importMspdi(finishedFirst, OPTIONS))).code).toBe('VALIDATION');
      expect((await failure(workspace.campaigns.importMspdi(PLAN, { ...OPTIONS, ownerId: 'm-nobody' }))).code).toBe('VALIDATION');
      expect(await imported(storage)).toEqual(before);
      expect((await workspace.audit.list({})).items).toEqual([]);
      expect(events).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a file imports twice into two campaigns, and a clashing id prefix is a CONFLICT that stores nothing', async () => {
    const context = await open();
    if (context === null) return;
    const { workspace, storage, close } = context;
    try {
      await workspace.campaigns.importMspdi(PLAN, OPTIONS);
      const second = await workspace.campaigns.importMspdi(PLAN, { ...OPTIONS, id: 'expo' });
      expect(second.taskIds[0]).toBe('expo-1');
      const before = await imported(storage);
      const error = await failure(workspace.campaigns.importMspdi(PLAN, { ...OPTIONS, id: 'expo-2', idPrefix: 'launch-' }));
      expect(error.code).toBe('CONFLICT');
      expect(error.details).toMatchObject({ ids: expect.arrayContaining(['launch-1', 'launch-link-1']) });
      expect(await imported(storage)).toEqual(before);
    } finally {
      await close();
    }
  });

  it('an agency or a viewer cannot import', async () => {
    const context = await open();
    if (context === null) return;
    const { workspace, close } = context;
    try {
      await workspace.campaigns.create(LAUNCH);
      for (const actor of [actors.agency, actors.viewer, actors.manager]) {
        const error = await failure(workspace.withActor(actor).campaigns.importMspdi(PLAN, { ...OPTIONS, id: 'expo' }));
        expect(error.code).toBe('FORBIDDEN');
      }
    } finally {
      await close();
    }
  });

  it('exports a campaign that parses back to the same tasks, links and dates', async () => {
    const context = await open();
    if (context === null) return;
    const { workspace, close } = context;
    try {
      await workspace.campaigns.importMspdi(PLAN, OPTIONS);
      const xml = await workspace.withActor(actors.viewer).campaigns.exportMspdi('launch');
      const back = parseMspdi(xml);
      const stored = (await workspace.tasks.list({ campaignId: 'launch' })).items;
      expect(back.name).toBe('Expo 2026');
      expect(back.tasks.map((t) => t.id).sort()).toEqual(stored.map((t) => t.id).sort());
      expect(back.tasks.find((t) => t.id === 'launch-4')).toMatchObject({ constraint: { type: 'SNET', date: '2026-01-07T08:00' }, duration: '1d' });
      const links = (await workspace.dependencies.list({ campaignId: 'launch' })).items;
      expect(back.links.map((l) => [l.from, l.to, l.type ?? 'FS', l.lag ?? '0d']).sort()).toEqual(links.map((l) => [l.from, l.to, l.type, l.lag]).sort());
      expect(fileDates(xml, '')).toEqual(await storedDates(workspace, 'launch'));
      expect(back.baselines.map((b) => b.number)).toEqual([0, 1]);
      expect(back.calendars.map((c) => c.name)).toEqual(['Office', 'Six-day shop']);
      // Refused as getSchedule refuses someone with no role in the campaign, who may not learn it exists.
      const outsider = workspace.withActor({ id: 'm-bob', roles: [] });
      expect((await failure(outsider.campaigns.exportMspdi('launch'))).code).toBe((await failure(outsider.campaigns.getSchedule('launch'))).code);
    } finally {
      await close();
    }
  });
});
