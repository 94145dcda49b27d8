import type * as z from 'zod';
import { invalidField } from '../../core/validate.js';
import type { CalendarItemSchema } from './calendarItem.js';
import { escapeText, escapeTextList } from './_text.js';
import { eventUid } from './_uid.js';
import { addDays, icalDate, localToInstant, utcDateTime } from './_zonedTime.js';

type Item = z.output<typeof CalendarItemSchema>;

/** What every event of one export shares. */
export interface EventContext {
  readonly campaignId: string;
  readonly timeZone: string;
  /** `DTSTAMP`, already formatted. */
  readonly stamp: string;
  readonly alarmMinutesBefore: number | undefined;
  readonly approversLabel: string;
}

/** Length of the event a point in time (a milestone, an approval due) is shown as. */
export const POINT_MINUTES = 15;

/** Where an item is in the input, for error messages. */
type Path = readonly (string | number)[];

function stampOf(instant: number, path: Path): string {
  const text = utcDateTime(instant);
  if (text === undefined) throw invalidField('iCalendar input', path, 'falls outside the years 0000–9999 in UTC');
  return text;
}

function dateAfter(local: string, days: number, path: Path): string {
  const day = addDays(local, days);
  if (day === undefined) throw invalidField('iCalendar input', path, 'an all-day event cannot end after 9999-12-31');
  return icalDate(day);
}

/** `DTSTART`/`DTEND` lines of an item. */
function times(item: Item, context: EventContext, path: Path): string[] {
  const timed = (startLocal: string, finishLocal: string | undefined, field: string): string[] => {
    const start = localToInstant(startLocal, context.timeZone);
    const finishInstant = finishLocal === undefined ? start : localToInstant(finishLocal, context.timeZone);
    // RFC 5545 wants DTEND after DTSTART; a point in time (or a zero-length task) gets a short event.
    const finish = finishInstant > start ? finishInstant : start + POINT_MINUTES * 60_000;
    return [`DTSTART:${stampOf(start, [...path, field])}`, `DTEND:${stampOf(finish, [...path, finishLocal === undefined ? field : 'finish'])}`];
  };
  switch (item.kind) {
    case 'milestone':
      return timed(item.at, undefined, 'at');
    case 'approval':
      return timed(item.due, undefined, 'due');
    case 'deadline':
      return [`DTSTART;VALUE=DATE:${icalDate(item.date)}`, `DTEND;VALUE=DATE:${dateAfter(item.date, 1, [...path, 'date'])}`];
    case 'task': {
      const bareDates = item.start.length === 10 && item.finish.length === 10;
      if (!(item.allDay ?? bareDates)) return timed(item.start, item.finish, 'start');
      // A finish given as a time at midnight ends the day before; a bare finish date is the last day.
      const endsAtMidnight = item.finish.length > 10 && item.finish.slice(11, 16) === '00:00' && item.finish.slice(0, 10) > item.start.slice(0, 10);
      return [`DTSTART;VALUE=DATE:${icalDate(item.start)}`, `DTEND;VALUE=DATE:${dateAfter(item.finish, endsAtMidnight ? 0 : 1, [...path, 'finish'])}`];
    }
  }
}

function summaryOf(item: Item): string {
  return item.kind === 'approval' ? item.title : item.name;
}

function descriptionOf(item: Item, context: EventContext): string | undefined {
  const approvers = item.kind === 'approval' && item.approvers !== undefined && item.approvers.length > 0 ? `${context.approversLabel}: ${item.approvers.join(', ')}` : undefined;
  const parts = [item.description, approvers].filter((part): part is string => part !== undefined && part !== '');
  return parts.length === 0 ? undefined : parts.join('\n\n');
}

/**
 * The content lines (unfolded) of one item's `VEVENT`. Events are transparent: they mark dates and
 * do not make anyone busy.
 */
export function eventLines(item: Item, index: number, context: EventContext): string[] {
  const path: Path = ['items', index];
  const summary = escapeText(summaryOf(item));
  const description = descriptionOf(item, context);
  const lines = ['BEGIN:VEVENT', `UID:${eventUid(context.campaignId, item.kind, item.id)}`, `DTSTAMP:${context.stamp}`, `SEQUENCE:${item.sequence ?? 0}`, ...times(item, context, path), `SUMMARY:${summary}`];
  if (description !== undefined) lines.push(`DESCRIPTION:${escapeText(description)}`);
  if (item.url !== undefined) lines.push(`URL:${item.url}`);
  if (item.categories !== undefined && item.categories.length > 0) lines.push(`CATEGORIES:${escapeTextList(item.categories)}`);
  lines.push('TRANSP:TRANSPARENT');
  if (context.alarmMinutesBefore !== undefined) {
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${summary}`, `TRIGGER:-PT${context.alarmMinutesBefore}M`, 'END:VALARM');
  }
  lines.push('END:VEVENT');
  return lines;
}
