import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { toICalendar } from '../../../src/interop/ical/toICalendar.js';
import { physicalLines, springLaunch, unfold } from './_calendar.js';

const generatedAt = '2026-02-01T08:30:00+08:00';

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return isCampaignKitError(error) ? `${error.code}: ${error.message}` : `raw ${String(error)}`;
  }
}

describe('toICalendar', () => {
  it('writes a small calendar exactly, with CRLF line ends', () => {
    const expected = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//campaignkit//campaignkit//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Spring launch',
      'X-WR-TIMEZONE:Asia/Shanghai',
      'BEGIN:VEVENT',
      'UID:milestone-launch@spring-26.campaignkit',
      'DTSTAMP:20260201T003000Z',
      'SEQUENCE:0',
      'DTSTART:20260302T010000Z',
      'DTEND:20260302T011500Z',
      'SUMMARY:Launch',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:deadline-assets@spring-26.campaignkit',
      'DTSTAMP:20260201T003000Z',
      'SEQUENCE:0',
      'DTSTART;VALUE=DATE:20260227',
      'DTEND;VALUE=DATE:20260228',
      'SUMMARY:Assets final',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:approval-legal@spring-26.campaignkit',
      'DTSTAMP:20260201T003000Z',
      'SEQUENCE:0',
      'DTSTART:20260309T080000Z',
      'DTEND:20260309T081500Z',
      'SUMMARY:Legal review',
      'DESCRIPTION:Approvers: Li Wei\\, Ana',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:task-design@spring-26.campaignkit',
      'DTSTAMP:20260201T003000Z',
      'SEQUENCE:0',
      'DTSTART:20260302T010000Z',
      'DTEND:20260304T100000Z',
      'SUMMARY:Design',
      'URL:https://pm.example.com/t/design',
      'CATEGORIES:Creative,Key visual',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    expect(toICalendar(springLaunch, { generatedAt })).toBe(expected);
  });

  it('escapes backslashes, semicolons, commas and line breaks in text', () => {
    const ics = toICalendar(
      {
        ...springLaunch,
        calendarName: 'Q2; North, South',
        items: [{ kind: 'deadline', id: 'd', name: 'Print; fold, ship \\ done', date: '2026-03-02', description: 'one\r\ntwo\nthree\rfour\u0007', categories: ['a,b', 'c;d'] }],
      },
      { generatedAt },
    );
    const lines = physicalLines(unfold(ics));
    expect(lines).toContain('X-WR-CALNAME:Q2\\; North\\, South');
    expect(lines).toContain('SUMMARY:Print\\; fold\\, ship \\\\ done');
    expect(lines).toContain('DESCRIPTION:one\\ntwo\\nthree\\nfour');
    expect(lines).toContain('CATEGORIES:a\\,b,c\\;d');
  });

  it('gives an item the same UID every time it is exported, whatever else changed', () => {
    const first = toICalendar(springLaunch, { generatedAt });
    const moved = { ...springLaunch, items: springLaunch.items.map((item) => (item.kind === 'milestone' ? { ...item, name: 'Launch (moved)', at: '2026-03-05T10:00' } : item)).reverse() };
    const second = toICalendar(moved, { generatedAt: '2026-02-20T00:00:00Z' });
    const uids = (text: string) => physicalLines(unfold(text)).filter((line) => line.startsWith('UID:')).sort();
    expect(uids(second)).toEqual(uids(first));
    expect(uids(first)).toHaveLength(4);
  });

  it('keeps UIDs plain and distinct for ids with spaces, @, punctuation and CJK', () => {
    const ics = toICalendar({ ...springLaunch, campaignId: 'c@1', items: [{ kind: 'deadline', id: 'a b;c', name: 'x', date: '2026-03-02' }, { kind: 'deadline', id: '设计', name: 'y', date: '2026-03-02' }, { kind: 'milestone', id: 'a b;c', name: 'z', at: '2026-03-02' }] }, { generatedAt });
    expect(physicalLines(ics).filter((line) => line.startsWith('UID:'))).toEqual(['UID:deadline-a%20b%3Bc@c%401.campaignkit', 'UID:deadline-%E8%AE%BE%E8%AE%A1@c%401.campaignkit', 'UID:milestone-a%20b%3Bc@c%401.campaignkit']);
  });

  it('ends an all-day event on the day after its last day (DTEND is exclusive)', () => {
    const ics = toICalendar(
      {
        ...springLaunch,
        items: [
          { kind: 'deadline', id: 'month-end', name: 'Month end', date: '2026-02-28' },
          { kind: 'deadline', id: 'year-end', name: 'Year end', date: '2026-12-31' },
          { kind: 'task', id: 'dates', name: 'By dates', start: '2026-03-02', finish: '2026-03-06' },
          { kind: 'task', id: 'times', name: 'By times', start: '2026-03-02T09:00', finish: '2026-03-06T18:00', allDay: true },
          { kind: 'task', id: 'midnight', name: 'To midnight', start: '2026-03-02T09:00', finish: '2026-03-07T00:00', allDay: true },
        ],
      },
      { generatedAt },
    );
    const dates = physicalLines(ics).filter((line) => line.includes('VALUE=DATE'));
    expect(dates).toEqual([
      'DTSTART;VALUE=DATE:20260228',
      'DTEND;VALUE=DATE:20260301',
      'DTSTART;VALUE=DATE:20261231',
      'DTEND;VALUE=DATE:20270101',
      'DTSTART;VALUE=DATE:20260302',
      'DTEND;VALUE=DATE:20260307',
      'DTSTART;VALUE=DATE:20260302',
      'DTEND;VALUE=DATE:20260307',
      'DTSTART;VALUE=DATE:20260302',
      'DTEND;VALUE=DATE:20260307',
    ]);
  });

  it('converts local times to UTC with the zone’s daylight-saving rules', () => {
    const at = (local: string) => {
      const ics = toICalendar({ ...springLaunch, timeZone: 'America/New_York', items: [{ kind: 'milestone', id: 'm', name: 'm', at: local }] }, { generatedAt });
      return physicalLines(ics).find((line) => line.startsWith('DTSTART'));
    };
    expect(at('2026-01-15T09:00')).toBe('DTSTART:20260115T140000Z');
    expect(at('2026-07-15T09:00')).toBe('DTSTART:20260715T130000Z');
    // 02:30 does not exist on 8 March 2026 in New York: it is taken as 03:30 EDT.
    expect(at('2026-03-08T02:30')).toBe('DTSTART:20260308T073000Z');
    // 01:30 happens twice on 1 November 2026: the first (EDT) one is meant.
    expect(at('2026-11-01T01:30')).toBe('DTSTART:20261101T053000Z');
  });

  it('writes a zero-length task as a 15-minute event and a timed task from start to finish', () => {
    const ics = toICalendar({ ...springLaunch, items: [{ kind: 'task', id: 'z', name: 'z', start: '2026-03-02T09:00', finish: '2026-03-02T09:00' }] }, { generatedAt });
    expect(physicalLines(ics).filter((line) => line.startsWith('DT') && !line.startsWith('DTSTAMP'))).toEqual(['DTSTART:20260302T010000Z', 'DTEND:20260302T011500Z']);
  });

  it('adds a display alarm before every event when asked', () => {
    const ics = toICalendar(springLaunch, { generatedAt, alarmMinutesBefore: 30 });
    expect(ics.match(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:[^\r]+\r\nTRIGGER:-PT30M\r\nEND:VALARM/g)).toHaveLength(4);
    expect(toICalendar(springLaunch, { generatedAt })).not.toContain('VALARM');
  });

  it('writes the item sequence and the approvers label it is given', () => {
    const ics = toICalendar({ ...springLaunch, items: [{ kind: 'approval', id: 'a', title: 'A', due: '2026-03-02T10:00', approvers: ['王芳'], description: 'Check the claims', sequence: 3 }] }, { generatedAt, approversLabel: '审批人' });
    const lines = physicalLines(unfold(ics));
    expect(lines).toContain('SEQUENCE:3');
    expect(lines).toContain('DESCRIPTION:Check the claims\\n\\n审批人: 王芳');
  });

  it('refuses bad input with a VALIDATION error naming the field', () => {
    expect(codeOf(() => toICalendar({ ...springLaunch, timeZone: 'Mars/Olympus' }, { generatedAt }))).toMatch(/^VALIDATION: .*timeZone/);
    expect(codeOf(() => toICalendar(springLaunch, {} as never))).toMatch(/^VALIDATION: .*generatedAt/);
    expect(codeOf(() => toICalendar({ ...springLaunch, items: [springLaunch.items[0], springLaunch.items[0]] as never }, { generatedAt }))).toMatch(/^VALIDATION: .*items\[1\]\.id: another milestone has the id "launch"/);
    expect(codeOf(() => toICalendar({ ...springLaunch, items: [{ kind: 'task', id: 't', name: 't', start: '2026-03-03', finish: '2026-03-02' }] }, { generatedAt }))).toMatch(/^VALIDATION: .*items\[0\]\.finish/);
    expect(codeOf(() => toICalendar({ ...springLaunch, items: [{ kind: 'deadline', id: 'd', name: 'd', date: '9999-12-31' }] }, { generatedAt }))).toMatch(/^VALIDATION: .*items\[0\]\.date/);
    expect(codeOf(() => toICalendar({ ...springLaunch, items: [{ kind: 'deadline', id: 'd', name: 'd', date: '2026-03-02', url: 'https://x.example/a b' }] }, { generatedAt }))).toMatch(/^VALIDATION: .*url/);
    expect(codeOf(() => toICalendar({ ...springLaunch, items: [{ kind: 'deadline', id: '\uD800', name: 'd', date: '2026-03-02' }] }, { generatedAt }))).toMatch(/^VALIDATION: .*id/);
  });
});
