import { describe, expect, it } from 'vitest';
import { buildGanttView } from '../../../src/reports/index.js';
import { scheduleProject } from '../../../src/schedule/scheduleProject.js';
import { STANDARD_CALENDAR } from '../../../src/calendar/standardCalendars.js';
import { errorOf } from '../../_support/errors.js';

const plan = {
  start: '2026-03-02T08:00',
  calendars: [STANDARD_CALENDAR, { id: 'cn', name: 'China', base: 'standard', exceptions: [{ from: '2026-03-05', to: '2026-03-05', working: false, name: 'Holiday' }] }],
  tasks: [
    { id: 'launch', name: 'Launch' },
    { id: 'brief', name: 'Brief', parent: 'launch', duration: '2d', percentComplete: 100, actualStart: '2026-03-02T08:00', actualFinish: '2026-03-03T17:00' },
    { id: 'design', name: 'Design', parent: 'launch', duration: '3d', percentComplete: 50, deadline: '2026-03-05T17:00' },
    { id: 'review', duration: '1d', constraint: { type: 'SNET' as const, date: '2026-03-09T08:00' } },
    { id: 'golive', name: 'Go live', milestone: true, duration: '0d' },
  ],
  links: [
    { from: 'brief', to: 'design' },
    { from: 'design', to: 'review', lag: '1d' },
    { from: 'review', to: 'golive', type: 'SS' as const, lag: '50%' },
  ],
};

describe('buildGanttView', () => {
  it('lays the rows out in outline order with WBS numbers, rolled-up progress and markers', () => {
    const view = buildGanttView(plan, { today: '2026-03-04T12:00', baseline: { tasks: { brief: { start: '2026-03-02T08:00', finish: '2026-03-02T17:00' } } } });
    expect(view.rows.map((r) => [r.id, r.wbs, r.level, r.parentId, r.summary, r.milestone])).toEqual([
      ['launch', '1', 1, null, true, false],
      ['brief', '1.1', 2, 'launch', false, false],
      ['design', '1.2', 2, 'launch', false, false],
      ['review', '2', 1, null, false, false],
      ['golive', '3', 1, null, false, true],
    ]);
    const [launch, brief, design, review, golive] = view.rows;
    // Project's summary % complete: (960 × 100 % + 1440 × 50 %) / 2400 working minutes.
    expect(launch).toMatchObject({ name: 'Launch', start: '2026-03-02T08:00', finish: '2026-03-06T17:00', duration: 2400, percentComplete: 70, critical: true });
    expect(brief).toMatchObject({ percentComplete: 100, critical: false, baseline: { start: '2026-03-02T08:00', finish: '2026-03-02T17:00' }, deadline: null, constraint: null });
    expect(design).toMatchObject({ start: '2026-03-04T08:00', finish: '2026-03-06T17:00', totalFloat: -480, deadline: { date: '2026-03-05T17:00', missed: true }, baseline: null });
    expect(review).toMatchObject({ name: 'review', start: '2026-03-10T08:00', constraint: { type: 'SNET', date: '2026-03-09T08:00' } });
    expect(golive).toMatchObject({ start: '2026-03-10T12:00', finish: '2026-03-10T12:00', duration: 0, totalFloat: 240, freeFloat: 240 });
    expect(view).toMatchObject({ start: '2026-03-02T08:00', finish: '2026-03-10T17:00', today: '2026-03-04T12:00', minutesPerDay: 480, criticalPath: ['design', 'review'] });
  });

  it('resolves lags to minutes, a percent lag against the predecessor duration', () => {
    expect(buildGanttView(plan).links).toEqual([
      { id: 'brief->design', from: 'brief', to: 'design', type: 'FS', lag: 0, lagElapsed: false, lagUnit: 'd' },
      { id: 'design->review', from: 'design', to: 'review', type: 'FS', lag: 480, lagElapsed: false, lagUnit: 'd' },
      { id: 'review->golive', from: 'review', to: 'golive', type: 'SS', lag: 240, lagElapsed: false, lagUnit: '%' },
    ]);
  });

  it('builds the time scale on whole periods and shades the project calendar’s days off', () => {
    expect(buildGanttView(plan).scale).toEqual({
      unit: 'week',
      ticks: [
        { key: '2026-W10', start: '2026-03-02', end: '2026-03-08' },
        { key: '2026-W11', start: '2026-03-09', end: '2026-03-15' },
      ],
      nonWorking: [
        { start: '2026-03-07', end: '2026-03-08' },
        { start: '2026-03-14', end: '2026-03-15' },
      ],
    });
    const cn = buildGanttView({ ...plan, calendar: 'cn' }, { scale: 'month', from: '2026-03-01', to: '2026-03-10' });
    expect(cn).toMatchObject({ from: '2026-03-01', to: '2026-03-31' });
    expect(cn.scale.nonWorking.slice(0, 3)).toEqual([
      { start: '2026-03-01', end: '2026-03-01' },
      { start: '2026-03-05', end: '2026-03-05' },
      { start: '2026-03-07', end: '2026-03-08' },
    ]);
  });

  it('uses a schedule it is given, and refuses one of another project', () => {
    const schedule = scheduleProject(plan);
    expect(buildGanttView(plan, { schedule })).toEqual(buildGanttView(plan));
    const other = scheduleProject({ ...plan, tasks: plan.tasks.slice(0, 4), links: plan.links.slice(0, 2) });
    expect(errorOf(() => buildGanttView(plan, { schedule: other }), 'VALIDATION')).toMatchObject({ message: expect.stringContaining('the schedule is not of this project') });
  });

  it('refuses bad options and projects with VALIDATION', () => {
    expect(errorOf(() => buildGanttView(plan, { scale: 'year' as 'day' }), 'VALIDATION').details.issues?.[0]?.path).toEqual(['scale']);
    expect(errorOf(() => buildGanttView(plan, { from: '2026-03-10', to: '2026-03-01' }), 'VALIDATION')).toMatchObject({ message: expect.stringContaining('before the first') });
    expect(errorOf(() => buildGanttView({ start: 'soon', tasks: [] }), 'VALIDATION').message).toMatch(/^Invalid project: start/);
  });

  it('averages a summary of milestones, which has no duration to weigh by', () => {
    const view = buildGanttView({ start: '2026-03-02T08:00', tasks: [{ id: 's' }, { id: 'a', parent: 's', milestone: true, percentComplete: 100 }, { id: 'b', parent: 's', milestone: true }] });
    expect(view.rows[0]?.percentComplete).toBe(50);
  });
});
