import type { WorkingCalendar } from '../../calendar/workingCalendar.js';
import type { ScheduleTaskInput } from '../../schedule/scheduleInput.js';
import { parseIsoDuration } from './_duration.js';
import { children, text, type XmlNode } from './_xml.js';

const localDateTime = (value: string | undefined): string | undefined => (value === undefined ? undefined : value.slice(0, 16));
const num = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

/**
 * The calendar of each work resource (Type 1) by UID; material and cost resources do not drive
 * dates and are left out. A calendar UID not in `calendarIds` is dropped, so the resource works on
 * its task's calendar: every file Project saves has such a reference, on its built-in resource UID 0.
 */
export function resourceCalendarsOf(resources: readonly XmlNode[], calendarIds: ReadonlySet<string>): Map<string, string | undefined> {
  const calendars = new Map<string, string | undefined>();
  for (const r of resources) {
    const uid = text(r, 'UID');
    if (uid === undefined || (text(r, 'Type') ?? '1') !== '1') continue;
    const calendar = text(r, 'CalendarUID');
    calendars.set(uid, calendar !== undefined && calendarIds.has(calendar) ? calendar : undefined);
  }
  return calendars;
}

/** Assignments grouped by their TaskUID, in file order. */
export function assignmentsByTask(assignments: readonly XmlNode[]): Map<string, XmlNode[]> {
  const byTask = new Map<string, XmlNode[]>();
  for (const a of assignments) {
    const task = text(a, 'TaskUID');
    if (task === undefined) continue;
    const list = byTask.get(task);
    if (list === undefined) byTask.set(task, [a]);
    else list.push(a);
  }
  return byTask;
}

/**
 * The assignments that drive a task's dates: work resources with flat contours. A contoured
 * assignment (back-loaded, bell, …) stretches the task in ways the stored duration already records,
 * so such tasks keep their duration instead.
 */
export function drivingAssignments(assigned: readonly XmlNode[], resourceCalendars: ReadonlyMap<string, string | undefined>): NonNullable<ScheduleTaskInput['assignments']> | undefined {
  const out: NonNullable<ScheduleTaskInput['assignments']> = [];
  for (const a of assigned) {
    const resource = text(a, 'ResourceUID');
    if (resource === undefined || !resourceCalendars.has(resource)) continue;
    const work = parseIsoDuration(text(a, 'Work') ?? 'PT0H0M0S') ?? 0;
    if (work <= 0) continue;
    if ((text(a, 'WorkContour') ?? '0') !== '0') return undefined;
    const calendar = resourceCalendars.get(resource);
    const units = num(text(a, 'Units')) ?? 1;
    out.push({ resource, work: `${Math.round(work * 1000) / 1000}m`, ...(units !== 1 ? { units } : {}), ...(calendar ? { calendar } : {}) });
  }
  return out.length > 0 ? out : undefined;
}

/**
 * Split gaps read from an assignment's timephased work: runs of zero work between worked days.
 * `calendar` gives the task's working calendar; it is only asked for when there are gaps to measure.
 */
export function splitsOf(assigned: readonly XmlNode[], calendar: () => WorkingCalendar): NonNullable<ScheduleTaskInput['splits']> {
  const first = assigned[0];
  if (!first) return [];
  const periods = children(first, 'TimephasedData').filter((d) => text(d, 'Type') === '1' && text(d, 'Value') !== undefined);
  if (periods.length === 0) return [];
  const splits: { after: string; gap: string }[] = [];
  let worked = 0;
  let gap = 0;
  for (const d of periods) {
    const value = parseIsoDuration(text(d, 'Value') ?? 'PT0H0M0S') ?? 0;
    if (value > 0) {
      if (gap > 0 && worked > 0) splits.push({ after: `${worked}m`, gap: `${gap}m` });
      gap = 0;
      worked += value;
    } else {
      const from = localDateTime(text(d, 'Start'));
      const to = localDateTime(text(d, 'Finish'));
      if (from && to) gap += calendar().workingMinutesBetween(from, to);
    }
  }
  return splits;
}
