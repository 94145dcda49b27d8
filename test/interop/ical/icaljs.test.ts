import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CalendarItem } from '../../../src/interop/ical/calendarItem.js';
import { toICalendar } from '../../../src/interop/ical/toICalendar.js';
import { springLaunch } from './_calendar.js';

const generatedAt = '2026-02-01T00:00:00Z';

interface ReadEvent {
  uid: string;
  summary: string;
  description: string | null;
  start: string;
  end: string;
  allDay: boolean;
}

/** Every event ical.js reads from the text, with its times as UTC ISO strings (or dates). */
function readBack(ics: string): { name: unknown; events: ReadEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const time = (t: ICAL.Time) => (t.isDate ? t.toString() : t.toJSDate().toISOString());
    const description = component.getFirstPropertyValue('description');
    return { uid: event.uid, summary: event.summary, description: typeof description === 'string' ? description : null, start: time(event.startDate), end: time(event.endDate), allDay: event.startDate.isDate };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname'), events };
}

describe('ical.js reads what toICalendar writes', () => {
  it('reads back every event’s uid, summary, start and end', () => {
    const { name, events } = readBack(toICalendar(springLaunch, { generatedAt, alarmMinutesBefore: 10 }));
    expect(name).toBe('Spring launch');
    expect(events).toEqual([
      { uid: 'milestone-launch@spring-26.campaignkit', summary: 'Launch', description: null, start: '2026-03-02T01:00:00.000Z', end: '2026-03-02T01:15:00.000Z', allDay: false },
      { uid: 'deadline-assets@spring-26.campaignkit', summary: 'Assets final', description: null, start: '2026-02-27', end: '2026-02-28', allDay: true },
      { uid: 'approval-legal@spring-26.campaignkit', summary: 'Legal review', description: 'Approvers: Li Wei, Ana', start: '2026-03-09T08:00:00.000Z', end: '2026-03-09T08:15:00.000Z', allDay: false },
      { uid: 'task-design@spring-26.campaignkit', summary: 'Design', description: null, start: '2026-03-02T01:00:00.000Z', end: '2026-03-04T10:00:00.000Z', allDay: false },
    ]);
  });

  it('reads categories and alarms as written', () => {
    const calendar = new ICAL.Component(ICAL.parse(toICalendar(springLaunch, { generatedAt, alarmMinutesBefore: 10 })));
    const [, , , task] = calendar.getAllSubcomponents('vevent');
    expect(task?.getFirstProperty('categories')?.getValues()).toEqual(['Creative', 'Key visual']);
    expect(String(task?.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger'))).toBe('-PT10M');
  });

  // Text with the characters iCalendar escapes, line breaks, CJK and emoji (astral code points).
  const tricky = fc.constantFrom(';', ',', '\\', '\n', ' ', '设计', '发布会', '🎉', '👩‍💻', 'é', 'a', 'Z', ':', '"');
  const text = fc
    .array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 8 })), { minLength: 1, maxLength: 60 })
    .map((parts) => parts.join(''))
    // Names are trimmed and must not be empty; control characters other than line breaks are dropped.
    .map((s) => s.replace(/[\u0000-\u0009\u000b-\u001f\u007f\r]/g, ''))
    .filter((s) => s.trim() !== '');

  it('round-trips arbitrary names and descriptions through ical.js', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }), (pairs) => {
        const items: CalendarItem[] = pairs.map(([name, description], i) => ({ kind: 'deadline', id: `d${i}`, name, description, date: '2026-03-02' }));
        const { events } = readBack(toICalendar({ ...springLaunch, calendarName: pairs[0]?.[0] ?? 'x', items }, { generatedAt }));
        expect(events.map((e) => [e.summary, e.description])).toEqual(pairs.map(([name, description]) => [name.trim(), description]));
      }),
      { numRuns: 300 },
    );
  });
});
