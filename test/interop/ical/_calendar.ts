import type { ICalendarInput } from '../../../src/interop/ical/toICalendar.js';

/** A small campaign calendar with one item of each kind. */
export const springLaunch: ICalendarInput = {
  calendarName: 'Spring launch',
  campaignId: 'spring-26',
  timeZone: 'Asia/Shanghai',
  items: [
    { kind: 'milestone', id: 'launch', name: 'Launch', at: '2026-03-02T09:00' },
    { kind: 'deadline', id: 'assets', name: 'Assets final', date: '2026-02-27' },
    { kind: 'approval', id: 'legal', title: 'Legal review', due: '2026-03-09T16:00', approvers: ['Li Wei', 'Ana'] },
    { kind: 'task', id: 'design', name: 'Design', start: '2026-03-02T09:00', finish: '2026-03-04T18:00', url: 'https://pm.example.com/t/design', categories: ['Creative', 'Key visual'] },
  ],
};

/** The physical lines of an iCalendar text (its CRLF line ends removed). */
export const physicalLines = (text: string): string[] => text.split('\r\n').slice(0, -1);

/** Undoes RFC 5545 line folding. */
export const unfold = (text: string): string => text.replace(/\r\n /g, '');
