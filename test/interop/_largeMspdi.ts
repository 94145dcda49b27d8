/**
 * Generated MSPDI documents for the size tests and the benchmark: one task carrying many
 * assignments, each resource on its own derived calendar.
 */

/** Sizes of {@link largeMspdi}'s document. */
export interface LargeMspdiSize {
  /** Assignments, all on task UID 1. */
  readonly assignments: number;
  /** Work resources (UIDs 1…n); assignment i uses resource (i mod n) + 1. */
  readonly resources: number;
  /** Derived calendars (UIDs 2…n+1, based on calendar 1); resource r uses calendar r + 1. */
  readonly calendars: number;
}

const week = '<WeekDays><WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays>';

/**
 * An MSPDI document with one task of 10 days' work per assignment (`PT80H0M0S`), half-time units
 * on every third assignment. Resource r's calendar is calendar `2 + ((r - 1) mod calendars)`.
 */
export function largeMspdi(size: LargeMspdiSize): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="http://schemas.microsoft.com/project">'];
  parts.push('<StartDate>2026-01-05T08:00:00</StartDate><CalendarUID>1</CalendarUID><Calendars>');
  parts.push(`<Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>${week}</Calendar>`);
  for (let c = 0; c < size.calendars; c++) {
    parts.push(`<Calendar><UID>${c + 2}</UID><Name>Cal ${c + 2}</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID></Calendar>`);
  }
  parts.push('</Calendars><Tasks><Task><UID>1</UID><ID>1</ID><Name>Big</Name><OutlineLevel>1</OutlineLevel><Duration>PT80H0M0S</Duration><DurationFormat>7</DurationFormat></Task></Tasks><Resources>');
  for (let r = 1; r <= size.resources; r++) {
    parts.push(`<Resource><UID>${r}</UID><Name>R${r}</Name><Type>1</Type><CalendarUID>${2 + ((r - 1) % size.calendars)}</CalendarUID></Resource>`);
  }
  parts.push('</Resources><Assignments>');
  for (let a = 0; a < size.assignments; a++) {
    const units = a % 3 === 0 ? '0.5' : '1';
    parts.push(`<Assignment><UID>${a + 1}</UID><TaskUID>1</TaskUID><ResourceUID>${(a % size.resources) + 1}</ResourceUID><Units>${units}</Units><Work>PT80H0M0S</Work><WorkContour>0</WorkContour></Assignment>`);
  }
  parts.push('</Assignments></Project>');
  return parts.join('\n');
}
