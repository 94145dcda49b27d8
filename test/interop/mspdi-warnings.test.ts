import { describe, expect, it } from 'vitest';
import { parseMspdi } from '../../src/interop/mspdi/parseMspdi.js';
import { toMspdi } from '../../src/interop/mspdi/toMspdi.js';
import { scheduleProject } from '../../src/schedule/scheduleProject.js';
import { linkFrom, mspdiDoc, task } from './_mspdiDoc.js';

const summary = task('0', '0', '<Summary>1</Summary>');

describe('MSPDI reading reports what it cannot read as written, without failing', () => {
  it('a sound file has no warnings', () => {
    const xml = toMspdi({ start: '2026-01-05T08:00', tasks: [{ id: 'a' }, { id: 'b', parent: 'a' }], links: [] });
    expect(parseMspdi(xml).warnings).toEqual([]);
  });

  it('leaves out a link to a missing predecessor UID with a MISSING_PREDECESSOR warning', () => {
    const project = parseMspdi(mspdiDoc(`<Tasks>${summary}${task('1', '1')}${task('2', '1', linkFrom('99') + linkFrom('1'))}</Tasks>`));
    expect(project.tasks.map((t) => t.id)).toEqual(['1', '2']);
    expect(project.links).toEqual([{ from: '1', to: '2', type: 'FS' }]);
    expect(project.warnings).toEqual([
      {
        code: 'MISSING_PREDECESSOR',
        message: 'Task UID 2 has a link with predecessor UID 99, which is not a task read from the file; the link is left out',
        uid: '2',
        path: 'Project/Tasks/Task[3]/PredecessorLink[1]',
      },
    ]);
  });

  it('leaves out links to tasks that are not read (inactive, null, the project summary) and links without a PredecessorUID', () => {
    const inactive = task('3', '1', '<Active>0</Active>');
    const empty = task('4', '1', '<IsNull>1</IsNull>');
    const noUid = '<PredecessorLink><Type>1</Type></PredecessorLink>';
    const project = parseMspdi(mspdiDoc(`<Tasks>${summary}${inactive}${empty}${task('5', '1', linkFrom('3') + linkFrom('4') + linkFrom('0') + noUid)}</Tasks>`));
    expect(project.tasks.map((t) => t.id)).toEqual(['5']);
    expect(project.links).toEqual([]);
    expect(project.warnings.map((w) => [w.code, w.uid, w.path, w.message])).toEqual([
      ['MISSING_PREDECESSOR', '5', 'Project/Tasks/Task[4]/PredecessorLink[1]', 'Task UID 5 has a link with predecessor UID 3, which is not a task read from the file; the link is left out'],
      ['MISSING_PREDECESSOR', '5', 'Project/Tasks/Task[4]/PredecessorLink[2]', 'Task UID 5 has a link with predecessor UID 4, which is not a task read from the file; the link is left out'],
      ['MISSING_PREDECESSOR', '5', 'Project/Tasks/Task[4]/PredecessorLink[3]', 'Task UID 5 has a link with predecessor UID 0, which is not a task read from the file; the link is left out'],
      ['MISSING_PREDECESSOR', '5', 'Project/Tasks/Task[4]/PredecessorLink[4]', 'Task UID 5 has a link with no PredecessorUID; the link is left out'],
    ]);
    // What is left schedules.
    expect(scheduleProject(project).finish).toBe('2026-01-05T17:00');
  });

  it('keeps links to another project out without a warning', () => {
    const external = `<PredecessorLink><PredecessorUID>77</PredecessorUID><Type>1</Type><CrossProject>1</CrossProject></PredecessorLink>`;
    const project = parseMspdi(mspdiDoc(`<Tasks>${task('1', '1', external)}</Tasks>`));
    expect([project.links, project.warnings]).toEqual([[], []]);
  });

  it('reads a task that jumps from outline level 1 to 3 at level 2, under the task before it', () => {
    const project = parseMspdi(mspdiDoc(`<Tasks>${summary}${task('1', '1', '<Summary>1</Summary>')}${task('2', '3')}${task('3', '2')}</Tasks>`));
    expect(project.tasks.map((t) => [t.id, t.parent])).toEqual([
      ['1', undefined],
      ['2', '1'],
      ['3', '1'],
    ]);
    expect(project.warnings).toEqual([
      { code: 'OUTLINE_LEVEL', message: 'Task UID 2 has OutlineLevel 3, which is impossible here; it is read at level 2', uid: '2', path: 'Project/Tasks/Task[3]/OutlineLevel' },
    ]);
  });

  it('reads outline level 0 (for a task other than the project summary), negative, fractional and non-numeric levels as level 1', () => {
    const tasks = [task('1', '1', '<Summary>1</Summary>'), task('2', '2'), task('3', '0'), task('4', '-2'), task('5', '1.5'), task('6', 'two')];
    const project = parseMspdi(mspdiDoc(`<Tasks>${summary}${tasks.join('')}</Tasks>`));
    expect(project.tasks.map((t) => [t.id, t.parent])).toEqual([
      ['1', undefined],
      ['2', '1'],
      ['3', undefined],
      ['4', undefined],
      ['5', undefined],
      ['6', undefined],
    ]);
    expect(project.warnings.map((w) => [w.code, w.uid, w.path, w.message])).toEqual([
      ['OUTLINE_LEVEL', '3', 'Project/Tasks/Task[4]/OutlineLevel', 'Task UID 3 has OutlineLevel 0, which is impossible here; it is read at level 1'],
      ['OUTLINE_LEVEL', '4', 'Project/Tasks/Task[5]/OutlineLevel', 'Task UID 4 has OutlineLevel -2, which is impossible here; it is read at level 1'],
      ['OUTLINE_LEVEL', '5', 'Project/Tasks/Task[6]/OutlineLevel', 'Task UID 5 has OutlineLevel 1.5, which is impossible here; it is read at level 1'],
      ['OUTLINE_LEVEL', '6', 'Project/Tasks/Task[7]/OutlineLevel', 'Task UID 6 has OutlineLevel two, which is impossible here; it is read at level 1'],
    ]);
  });

  it('a task whose calendar UID is missing keeps the project calendar, with a MISSING_CALENDAR warning', () => {
    const project = parseMspdi(mspdiDoc(`<Tasks>${task('1', '1', '<CalendarUID>42</CalendarUID>')}</Tasks>`));
    expect(project.tasks).toEqual([{ id: '1', duration: '1d' }]);
    expect(project.warnings).toEqual([
      {
        code: 'MISSING_CALENDAR',
        message: 'Task UID 1 has calendar UID 42, which is not in the file; it keeps the project calendar',
        uid: '1',
        path: 'Project/Tasks/Task[1]/CalendarUID',
      },
    ]);
    expect(scheduleProject(project).tasks.map((t) => [t.start, t.finish])).toEqual([['2026-01-05T08:00', '2026-01-05T17:00']]);
  });

  it('a calendar whose base calendar UID is missing derives from Standard instead, with a MISSING_CALENDAR warning', () => {
    const saturday = '<WeekDays><WeekDay><DayType>7</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>09:00:00</FromTime><ToTime>13:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay></WeekDays>';
    const calendar = `<Calendars><Calendar><UID>3</UID><Name>Weekend shop</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>8</BaseCalendarUID>${saturday}</Calendar></Calendars>`;
    const project = parseMspdi(mspdiDoc(`<CalendarUID>3</CalendarUID>${calendar}<Tasks>${task('1', '1', '<Duration>PT12H0M0S</Duration>')}</Tasks>`));
    const office = [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ];
    expect(project.calendars).toEqual([
      { id: '3', name: 'Weekend shop', week: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [{ from: '09:00', to: '13:00' }], sun: [] }, workWeeks: [], exceptions: [] },
    ]);
    expect(project.warnings).toEqual([
      {
        code: 'MISSING_CALENDAR',
        message: 'Calendar UID 3 derives from calendar UID 8, which is not in the file; it derives from Standard instead',
        uid: '3',
        path: 'Project/Calendars/Calendar[1]/BaseCalendarUID',
      },
    ]);
  });

  it('a project calendar UID that is missing leaves the project on Standard, with a MISSING_CALENDAR warning', () => {
    const project = parseMspdi(mspdiDoc(`<CalendarUID>5</CalendarUID><Tasks>${task('1', '1')}</Tasks>`));
    expect(project.calendar).toBeUndefined();
    expect(project.warnings).toEqual([{ code: 'MISSING_CALENDAR', message: 'The project calendar UID 5 is not in the file; the project uses Standard', path: 'Project/CalendarUID' }]);
  });
});
