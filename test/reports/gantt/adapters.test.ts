import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { LINK_TYPES } from '../../../src/model/dependency.js';
import { BRYNTUM_LINK_TYPES, linkTypeFromBryntum, toBryntumProject } from '../../../src/reports/gantt/adapters/toBryntumProject.js';
import { DHTMLX_LINK_TYPES, linkTypeFromDhtmlx, toDhtmlxGantt } from '../../../src/reports/gantt/adapters/toDhtmlxGantt.js';
import { toFrappeGantt } from '../../../src/reports/gantt/adapters/toFrappeGantt.js';
import { linkTypeFromSvar, SVAR_LINK_TYPES, toSvarGantt } from '../../../src/reports/gantt/adapters/toSvarGantt.js';
import type { GanttRow, GanttView } from '../../../src/reports/gantt/ganttView.js';
import { launchView } from './_fixture.js';

const view = launchView();

/** The fixture view with some rows and links changed, for the cases the plan does not produce. */
function withChanges(rows: Readonly<Record<string, Partial<GanttRow>>>, links: GanttView['links'] = view.links): GanttView {
  return { ...view, rows: view.rows.map((row) => ({ ...row, ...rows[row.id] })), links };
}

function errorOf(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isCampaignKitError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a CampaignKitError');
}

describe('toDhtmlxGantt', () => {
  it('gives gantt.parse tasks in outline order and links with DHTMLX codes, dates in its default format, lags in days', () => {
    expect(toDhtmlxGantt(view)).toEqual({
      data: [
        { id: 'launch', text: 'Launch', start_date: '02-03-2026 08:00', end_date: '09-03-2026 17:00', progress: 0.2, type: 'project', open: true, wbs: '1', critical: true },
        {
          id: 'brief',
          text: 'Brief',
          start_date: '02-03-2026 08:00',
          end_date: '03-03-2026 17:00',
          progress: 0.5,
          parent: 'launch',
          type: 'task',
          wbs: '1.1',
          critical: true,
          baselines: [{ id: 'brief:baseline', task_id: 'brief', start_date: '02-03-2026 08:00', end_date: '03-03-2026 12:00' }],
        },
        { id: 'design', text: 'Design', start_date: '05-03-2026 08:00', end_date: '09-03-2026 17:00', progress: 0, parent: 'launch', type: 'task', wbs: '1.2', critical: true, deadline: '05-03-2026 17:00' },
        { id: 'review', text: 'Review', start_date: '10-03-2026 08:00', end_date: '10-03-2026 17:00', progress: 0, type: 'task', wbs: '2', critical: true, constraint_type: 'snet', constraint_date: '10-03-2026 08:00' },
        { id: 'golive', text: 'Go live', start_date: '10-03-2026 08:00', end_date: '10-03-2026 08:00', progress: 0, type: 'milestone', wbs: '3', critical: false },
      ],
      links: [
        { id: 'brief->design', source: 'brief', target: 'design', type: '0', lag: 1 },
        { id: 'brief->review', source: 'brief', target: 'review', type: '1', lag: 0 },
        { id: 'design->review', source: 'design', target: 'review', type: '2', lag: 0 },
        { id: 'review->golive', source: 'review', target: 'golive', type: '3', lag: 0 },
      ],
    });
  });

  it('gives lags in the duration_unit asked for, leaves manual tasks out of auto scheduling, and can start summaries closed', () => {
    const data = toDhtmlxGantt(withChanges({ design: { manual: true } }), { durationUnit: 'hour', open: false });
    expect(data.links[0]?.lag).toBe(8);
    expect(toDhtmlxGantt(view, { durationUnit: 'minute' }).links[0]?.lag).toBe(480);
    expect(data.data.find((t) => t.id === 'design')?.auto_scheduling).toBe(false);
    expect(data.data[0]?.open).toBe(false);
  });
});

describe('toBryntumProject', () => {
  it('pins every task but the summaries to campaignkit dates by default, on a calendar rebuilt from the view', () => {
    expect(toBryntumProject(view)).toEqual({
      startDate: '2026-03-02T08:00',
      hoursPerDay: 8,
      skipNonWorkingTimeInDurationWhenSchedulingManually: true,
      calendar: 'campaignkit-project',
      calendars: [
        {
          id: 'campaignkit-project',
          name: 'Project calendar',
          unspecifiedTimeIsWorking: false,
          intervals: [
            { recurrentStartDate: 'on Mon-Fri at 08:00', recurrentEndDate: 'on Mon-Fri at 12:00', isWorking: true },
            { recurrentStartDate: 'on Mon-Fri at 13:00', recurrentEndDate: 'on Mon-Fri at 17:00', isWorking: true },
            { startDate: '2026-03-07', endDate: '2026-03-09', isWorking: false },
            { startDate: '2026-03-14', endDate: '2026-03-16', isWorking: false },
          ],
        },
      ],
      tasks: [
        {
          id: 'launch',
          name: 'Launch',
          startDate: '2026-03-02T08:00',
          endDate: '2026-03-09T17:00',
          durationUnit: 'day',
          percentDone: 20,
          manuallyScheduled: false,
          expanded: true,
          children: [
            {
              id: 'brief',
              name: 'Brief',
              startDate: '2026-03-02T08:00',
              endDate: '2026-03-03T17:00',
              durationUnit: 'day',
              percentDone: 50,
              manuallyScheduled: true,
              baselines: [{ startDate: '2026-03-02T08:00', endDate: '2026-03-03T12:00' }],
            },
            { id: 'design', name: 'Design', startDate: '2026-03-05T08:00', endDate: '2026-03-09T17:00', durationUnit: 'day', percentDone: 0, manuallyScheduled: true, deadlineDate: '2026-03-05T17:00' },
          ],
        },
        {
          id: 'review',
          name: 'Review',
          startDate: '2026-03-10T08:00',
          endDate: '2026-03-10T17:00',
          durationUnit: 'day',
          percentDone: 0,
          manuallyScheduled: true,
          constraintType: 'startnoearlierthan',
          constraintDate: '2026-03-10T08:00',
        },
        { id: 'golive', name: 'Go live', startDate: '2026-03-10T08:00', endDate: '2026-03-10T08:00', durationUnit: 'day', percentDone: 0, manuallyScheduled: true },
      ],
      dependencies: [
        { id: 'brief->design', from: 'brief', to: 'design', type: 2, lag: 1, lagUnit: 'day' },
        { id: 'brief->review', from: 'brief', to: 'review', type: 0, lag: 0, lagUnit: 'day' },
        { id: 'design->review', from: 'design', to: 'review', type: 3, lag: 0, lagUnit: 'day' },
        { id: 'review->golive', from: 'review', to: 'golive', type: 1, lag: 0, lagUnit: 'day' },
      ],
    });
  });

  it('hands tasks to Bryntum engine with durations in days when asked, keeping manual tasks pinned', () => {
    const tasks = toBryntumProject(withChanges({ review: { manual: true } }), { scheduling: 'engine' }).tasks;
    expect(tasks[0]?.children?.[0]).toEqual({
      id: 'brief',
      name: 'Brief',
      startDate: '2026-03-02T08:00',
      duration: 2,
      durationUnit: 'day',
      percentDone: 50,
      manuallyScheduled: false,
      baselines: [{ startDate: '2026-03-02T08:00', endDate: '2026-03-03T12:00' }],
    });
    expect(tasks[1]).toMatchObject({ id: 'review', endDate: '2026-03-10T17:00', manuallyScheduled: true });
    expect(tasks[1]).not.toHaveProperty('duration');
  });

  it('schedules an as-late-as-possible task backward and runs an elapsed lag on an around-the-clock calendar', () => {
    const elapsed = view.links.map((link, i) => (i === 0 ? { ...link, lag: 2880, lagElapsed: true, lagUnit: 'ed' as const } : link));
    const project = toBryntumProject(withChanges({ review: { constraint: { type: 'ALAP', date: null } } }, elapsed));
    expect(project.tasks[1]).toMatchObject({ id: 'review', direction: 'Backward' });
    expect(project.tasks[1]).not.toHaveProperty('constraintType');
    expect(project.dependencies[0]).toEqual({ id: 'brief->design', from: 'brief', to: 'design', type: 2, lag: 48, lagUnit: 'hour', calendar: 'campaignkit-elapsed' });
    expect(project.calendars[1]).toEqual({ id: 'campaignkit-elapsed', name: 'Around the clock', unspecifiedTimeIsWorking: true, intervals: [] });
  });

  it('makes a weekend day the view does not shade a working day, with the working hours asked for', () => {
    const saturdayWorked = { ...view, scale: { ...view.scale, nonWorking: [{ start: '2026-03-08', end: '2026-03-08' }] } };
    const intervals = toBryntumProject(saturdayWorked, { workingHours: [{ from: '09:00', to: '17:00' }] }).calendars[0]?.intervals;
    expect(intervals).toEqual([
      { recurrentStartDate: 'on Mon-Fri at 09:00', recurrentEndDate: 'on Mon-Fri at 17:00', isWorking: true },
      { startDate: '2026-03-08', endDate: '2026-03-09', isWorking: false },
      { startDate: '2026-03-07T09:00', endDate: '2026-03-07T17:00', isWorking: true },
      { startDate: '2026-03-14T09:00', endDate: '2026-03-14T17:00', isWorking: true },
      { startDate: '2026-03-15T09:00', endDate: '2026-03-15T17:00', isWorking: true },
    ]);
  });
});

describe('toFrappeGantt', () => {
  it('gives frappe-gantt flat tasks with predecessors and one class per bar', () => {
    expect(toFrappeGantt(view)).toEqual([
      { id: 'launch', name: 'Launch', start: '2026-03-02 08:00', end: '2026-03-09 17:00', progress: 20, dependencies: [], custom_class: 'ck-summary-critical' },
      { id: 'brief', name: 'Brief', start: '2026-03-02 08:00', end: '2026-03-03 17:00', progress: 50, dependencies: [], custom_class: 'ck-task-critical' },
      { id: 'design', name: 'Design', start: '2026-03-05 08:00', end: '2026-03-09 17:00', progress: 0, dependencies: ['brief'], custom_class: 'ck-task-critical' },
      { id: 'review', name: 'Review', start: '2026-03-10 08:00', end: '2026-03-10 17:00', progress: 0, dependencies: ['brief', 'design'], custom_class: 'ck-task-critical' },
      { id: 'golive', name: 'Go live', start: '2026-03-10 08:00', end: '2026-03-10 08:00', progress: 0, dependencies: ['review'], custom_class: 'ck-milestone' },
    ]);
  });

  it('keeps only the link types asked for', () => {
    expect(toFrappeGantt(view, { linkTypes: ['FS'] }).map((t) => t.dependencies)).toEqual([[], [], ['brief'], [], []]);
  });

  it('ends a bar that finishes at midnight a minute before, so frappe-gantt does not add a day', () => {
    const tasks = toFrappeGantt(withChanges({ design: { finish: '2026-03-10T00:00' }, golive: { start: '2026-03-11T00:00', finish: '2026-03-11T00:00' } }));
    expect(tasks.find((t) => t.id === 'design')?.end).toBe('2026-03-09 23:59');
    expect(tasks.find((t) => t.id === 'golive')).toMatchObject({ start: '2026-03-11 00:00', end: '2026-03-11 00:00' });
  });

  it('writes spaces in ids as frappe-gantt does, in ids and dependencies alike', () => {
    const spaced: GanttView = {
      ...view,
      rows: view.rows.map((row) => (row.id === 'brief' ? { ...row, id: 'the brief' } : row.parentId === 'brief' ? { ...row, parentId: 'the brief' } : row)),
      links: view.links.map((link) => (link.from === 'brief' ? { ...link, from: 'the brief' } : link)),
    };
    const tasks = toFrappeGantt(spaced);
    expect(tasks[1]?.id).toBe('the_brief');
    expect(tasks[2]?.dependencies).toEqual(['the_brief']);
  });
});

describe('toSvarGantt', () => {
  it("gives SVAR's props: tasks with local Dates, links with SVAR's types, a two-row scale over the view", () => {
    expect(toSvarGantt(view)).toEqual({
      tasks: [
        { id: 'launch', text: 'Launch', start: new Date(2026, 2, 2, 8, 0), end: new Date(2026, 2, 9, 17, 0), progress: 20, type: 'summary', open: true, wbs: '1', critical: true },
        {
          id: 'brief',
          text: 'Brief',
          start: new Date(2026, 2, 2, 8, 0),
          end: new Date(2026, 2, 3, 17, 0),
          progress: 50,
          parent: 'launch',
          type: 'task',
          base_start: new Date(2026, 2, 2, 8, 0),
          base_end: new Date(2026, 2, 3, 12, 0),
          wbs: '1.1',
          critical: true,
        },
        { id: 'design', text: 'Design', start: new Date(2026, 2, 5, 8, 0), end: new Date(2026, 2, 9, 17, 0), progress: 0, parent: 'launch', type: 'task', wbs: '1.2', critical: true },
        { id: 'review', text: 'Review', start: new Date(2026, 2, 10, 8, 0), end: new Date(2026, 2, 10, 17, 0), progress: 0, type: 'task', wbs: '2', critical: true },
        { id: 'golive', text: 'Go live', start: new Date(2026, 2, 10, 8, 0), end: new Date(2026, 2, 10, 8, 0), progress: 0, type: 'milestone', wbs: '3', critical: false },
      ],
      links: [
        { id: 'brief->design', source: 'brief', target: 'design', type: 'e2s' },
        { id: 'brief->review', source: 'brief', target: 'review', type: 's2s' },
        { id: 'design->review', source: 'design', target: 'review', type: 'e2e' },
        { id: 'review->golive', source: 'review', target: 'golive', type: 's2e' },
      ],
      scales: [
        { unit: 'month', step: 1, format: '%F %Y' },
        { unit: 'week', step: 1, format: 'W%W' },
      ],
      start: new Date(2026, 2, 2),
      end: new Date(2026, 2, 16),
    });
  });
});

describe('link type code tables', () => {
  const tables = [
    { component: 'DHTMLX', table: DHTMLX_LINK_TYPES, back: linkTypeFromDhtmlx, expected: { FS: '0', SS: '1', FF: '2', SF: '3' }, unknown: ['4', 4, 'e2s', 1.5, null] },
    { component: 'Bryntum', table: BRYNTUM_LINK_TYPES, back: linkTypeFromBryntum, expected: { SS: 0, SF: 1, FS: 2, FF: 3 }, unknown: [4, '2', -1, undefined] },
    { component: 'SVAR', table: SVAR_LINK_TYPES, back: linkTypeFromSvar, expected: { FS: 'e2s', SS: 's2s', FF: 'e2e', SF: 's2e' }, unknown: ['E2S', 'fs', 0, {}] },
  ] as const;

  it.each(tables)("$component's codes are the component's own, and each reads back as the link type it came from", ({ table, back, expected }) => {
    expect(table).toEqual(expected);
    for (const type of LINK_TYPES) expect(back(table[type])).toBe(type);
  });

  it.each(tables)("$component's reader refuses a code it does not know with VALIDATION", ({ back, unknown }) => {
    for (const code of unknown) expect(errorOf(() => back(code)).code).toBe('VALIDATION');
  });

  it("reads DHTMLX codes written as numbers, as DHTMLX data sets sometimes are", () => {
    expect([0, 1, 2, 3].map(linkTypeFromDhtmlx)).toEqual(['FS', 'SS', 'FF', 'SF']);
  });
});

describe('the adapters refuse what is not a Gantt view', () => {
  const adapters = [
    ['toDhtmlxGantt', (v: unknown, o?: unknown) => toDhtmlxGantt(v as GanttView, o as never)],
    ['toBryntumProject', (v: unknown, o?: unknown) => toBryntumProject(v as GanttView, o as never)],
    ['toFrappeGantt', (v: unknown, o?: unknown) => toFrappeGantt(v as GanttView, o as never)],
    ['toSvarGantt', (v: unknown, o?: unknown) => toSvarGantt(v as GanttView, o as never)],
  ] as const;

  it.each(adapters)('%s names the field that is wrong', (_name, adapt) => {
    expect(errorOf(() => adapt(undefined))).toMatchObject({ code: 'VALIDATION' });
    expect(errorOf(() => adapt({ ...view, rows: [{ ...view.rows[0], start: 'soon' }] })).message).toMatch(/rows\[0\]\.start/);
    expect(errorOf(() => adapt({ ...view, rows: view.rows.slice(1) })).message).toMatch(/rows\[0\]\.parentId: parent launch is not a row above/);
    expect(errorOf(() => adapt({ ...view, rows: [...view.rows, view.rows[4]] })).message).toMatch(/rows\[5\]\.id: row id golive appears twice/);
    expect(errorOf(() => adapt(withChanges({ brief: { finish: '2026-03-01T08:00' } }))).message).toMatch(/rows\[1\]\.finish: a row cannot finish before it starts/);
    expect(errorOf(() => adapt({ ...view, links: [{ ...view.links[0], to: 'nowhere' }] })).message).toMatch(/links\[0\]\.to: link to nowhere/);
    expect(errorOf(() => adapt({ ...view, links: [{ ...view.links[0], type: 'XX' }] })).message).toMatch(/links\[0\]\.type/);
    expect(errorOf(() => adapt(view, 'options')).code).toBe('VALIDATION');
  });

  it('checks the options of each adapter', () => {
    expect(errorOf(() => toDhtmlxGantt(view, { durationUnit: 'week' as never })).message).toMatch(/durationUnit/);
    expect(errorOf(() => toBryntumProject(view, { workingHours: [{ from: '17:00', to: '08:00' }] })).message).toMatch(/workingHours\[0\]\.to: a working period must end after it starts/);
    expect(errorOf(() => toBryntumProject(view, { scheduling: 'auto' as never })).message).toMatch(/scheduling/);
    expect(errorOf(() => toFrappeGantt(view, { linkTypes: ['XY' as never] })).message).toMatch(/linkTypes\[0\]/);
    expect(errorOf(() => toSvarGantt(view, { open: 'yes' as never })).message).toMatch(/open/);
  });
});
