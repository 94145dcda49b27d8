import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/calendar/workingCalendar.js';
import { parseMspdi } from '../../src/interop/mspdi/parseMspdi.js';
import type { CalendarException } from '../../src/model/calendar.js';
import { conformanceDir } from '../_support/conformance.js';

const root = conformanceDir();

type Node = Record<string, unknown>;

/** Project's own expansion of its recurring exceptions: the dated WeekDay entries (DayType 0). */
function projectExpansion(xml: string): CalendarException[] {
  const doc = new XMLParser({ parseTagValue: false, isArray: (n) => ['WeekDay', 'WorkingTime', 'Calendar'].includes(n) }).parse(xml) as {
    Project: { Calendars: { Calendar: { WeekDays: { WeekDay: Node[] } }[] } };
  };
  const days = doc.Project.Calendars.Calendar[0]?.WeekDays.WeekDay ?? [];
  return days
    .filter((d) => String(d.DayType) === '0')
    .map((d) => {
      const period = d.TimePeriod as Node;
      const times = ((d.WorkingTimes as { WorkingTime?: Node[] } | undefined)?.WorkingTime ?? []).map((t) => ({
        from: String(t.FromTime).slice(0, 5),
        to: String(t.ToTime).slice(0, 5),
      }));
      return { from: String(period.FromDate).slice(0, 10), to: String(period.ToDate).slice(0, 10), times: String(d.DayWorking) === '1' ? times : [] };
    });
}

function eachDay(from: string, to: string, visit: (date: string) => void): void {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) visit(new Date(t).toISOString().slice(0, 10));
}

describe.skipIf(root === undefined)('recurring calendar exceptions expand to the days Microsoft Project expands them to', () => {
  const xml = root === undefined ? '' : readFileSync(join(root, 'mspdi', 'calendar-recurring-exceptions-project2016-mspdi.xml'), 'utf8');

  it('reads all 27 recurring exceptions and Project\'s 138 dated expansions', () => {
    const calendar = parseMspdi(xml).calendars[0];
    expect(calendar?.exceptions?.length).toBe(27);
    expect(projectExpansion(xml).length).toBe(138);
  });

  it('gives every day from 2000 to 2010 the same working times as Project\'s expansion', () => {
    const project = parseMspdi(xml);
    const ours = createWorkingCalendar(project.calendars[0] ?? { id: 'x', name: 'x' });
    const theirs = createWorkingCalendar({ ...(project.calendars[0] ?? { id: 'x', name: 'x' }), exceptions: projectExpansion(xml) });
    const differences: string[] = [];
    let exceptionDays = 0;
    eachDay('2000-01-01', '2010-12-31', (date) => {
      const a = JSON.stringify(ours.workingTimesOn(date));
      const b = JSON.stringify(theirs.workingTimesOn(date));
      if (a !== b) differences.push(`${date}: ${a} vs ${b}`);
    });
    for (const ex of projectExpansion(xml)) eachDay(ex.from, ex.to ?? ex.from, () => exceptionDays++);
    expect(differences).toEqual([]);
    // The comparison is not vacuous: the expansion marks this many days.
    expect(exceptionDays).toBe(140);
  });
});
