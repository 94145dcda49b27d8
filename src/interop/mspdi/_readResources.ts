import { STANDARD_CALENDAR } from '../../calendar/standardCalendars.js';
import { createWorkingCalendar } from '../../calendar/workingCalendar.js';
import type { CalendarInput } from '../../model/calendar.js';
import type { ScheduleTaskInput } from '../../schedule/scheduleInput.js';
import { parseIsoDuration } from './_duration.js';
import { children, text, type XmlNode } from './_xml.js';

const localDateTime = (value: string | undefined): string | undefined => (value === undefined ? undefined : value.slice(0, 16));
const num = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

/**
 * The assignments that drive a task's dates: work resources with flat contours. A contoured
 * assignment (back-loaded, bell, …) stretches the task in ways the stored duration already records,
 * so such tasks keep their duration instead.
 */
export function drivingAssignments(assigned: XmlNode[], resourceCalendars: Map<string, string | undefined>): NonNullable<ScheduleTaskInput['assignments']> | undefined {
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

/** Split gaps read from an assignment's timephased work: runs of zero work between worked days. */
export function splitsOf(assigned: XmlNode[], calendars: CalendarInput[], calendarId: string | undefined): NonNullable<ScheduleTaskInput['splits']> {
  const first = assigned[0];
  if (!first) return [];
  const periods = children(first, 'TimephasedData').filter((d) => text(d, 'Type') === '1' && text(d, 'Value') !== undefined);
  if (periods.length === 0) return [];
  const spec = calendars.find((c) => c.id === calendarId) ?? STANDARD_CALENDAR;
  const calendar = createWorkingCalendar(spec, { calendars });
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
      if (from && to) gap += calendar.workingMinutesBetween(from, to);
    }
  }
  return splits;
}
