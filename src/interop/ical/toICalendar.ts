import * as z from 'zod';
import { invalidField, parseInput } from '../../core/validate.js';
import { InstantSchema, NameSchema } from '../../model/primitives.js';
import { TimeZoneSchema } from '../../workflow/_time.js';
import { CalendarItemSchema, ItemIdSchema } from './calendarItem.js';
import { eventLines, type EventContext } from './_event.js';
import { foldLine } from './_fold.js';
import { escapeText } from './_text.js';
import { utcDateTime } from './_zonedTime.js';

/** What {@link toICalendar} exports: one campaign's calendar items. */
export const ICalendarInputSchema = z
  .object({
    /** Name the calendar app shows for the calendar (`X-WR-CALNAME`). */
    calendarName: NameSchema,
    /** The campaign; part of every UID, so two campaigns' items never collide. */
    campaignId: ItemIdSchema,
    /** IANA time zone the items' local date-times are in, e.g. `Asia/Shanghai`. */
    timeZone: TimeZoneSchema,
    /** The items, one event each, in this order. */
    items: z.array(CalendarItemSchema).max(100_000),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.items.forEach((item, i) => {
      const key = `${item.kind}\u0000${item.id}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `another ${item.kind} has the id "${item.id}"; each item's kind and id make its UID and must be unique` });
      seen.add(key);
    });
  });

/** What {@link toICalendar} exports (see {@link ICalendarInputSchema}). */
export type ICalendarInput = z.input<typeof ICalendarInputSchema>;

/** Options of {@link toICalendar}. */
export const ToICalendarOptionsSchema = z.object({
  /**
   * When the file is generated, an instant such as `2026-03-01T08:00:00Z`; written as every event's
   * `DTSTAMP`, which RFC 5545 requires. Passed in, not read from the clock, so the same input gives
   * the same text.
   */
  generatedAt: InstantSchema,
  /** Add a display reminder to every event this many minutes before it starts (0–40320, four weeks). */
  alarmMinutesBefore: z.int().min(0).max(40_320).optional(),
  /** Label of the approvers line in an approval's description (default `Approvers`). */
  approversLabel: NameSchema.optional(),
});

/** Options of {@link toICalendar} (see {@link ToICalendarOptionsSchema}). */
export type ToICalendarOptions = z.input<typeof ToICalendarOptionsSchema>;

/** Content lines joined as RFC 5545 wants them: each folded at 75 octets, every line ended by CRLF. */
function serialize(lines: readonly string[]): string {
  return lines.flatMap(foldLine).map((line) => `${line}\r\n`).join('');
}

/**
 * Writes a campaign's milestones, deadlines, approvals due and tasks as an iCalendar (RFC 5545)
 * `text/calendar` document that Outlook, Google Calendar, Apple Calendar, Feishu and DingTalk
 * import or subscribe to. Pure: the same input and options give the same text.
 *
 * - Every event's UID is `<kind>-<id>@<campaignId>.campaignkit`, so exporting again updates events
 *   instead of duplicating them.
 * - Deadlines (and tasks marked `allDay`) are all-day events with an exclusive `DTEND`: a deadline
 *   on 2026-03-02 is `DTSTART;VALUE=DATE:20260302` and `DTEND;VALUE=DATE:20260303`.
 * - Timed events are written in UTC (`DTSTART:20260302T010000Z` for 09:00 in Asia/Shanghai),
 *   converted from the local times with the zone's rules, daylight saving included. A UTC time
 *   means the same instant in every client with no `VTIMEZONE` to build or trust, and Outlook,
 *   which matches `TZID` names against its own Windows zones, reads it as reliably as Google does.
 *   The events are not recurring, so nothing is lost by leaving the zone out; `X-WR-TIMEZONE`
 *   still names it for clients that use it as the calendar's display zone.
 * - Milestones and approvals due are points in time, shown as 15-minute events starting at the
 *   time: a zero-length event is invisible in several clients, and RFC 5545 wants `DTEND` after
 *   `DTSTART`.
 * - Events are `TRANSP:TRANSPARENT`: they mark dates and keep nobody busy.
 * - TEXT values are escaped, lines end with CRLF and are folded at 75 UTF-8 octets without
 *   splitting a character.
 *
 * Throws `VALIDATION` naming the field for bad input, two items of one kind with the same id, or a
 * time that falls outside the years 0000–9999 in UTC.
 *
 * @example
 * ```ts
 * const ics = toICalendar(
 *   {
 *     calendarName: 'Spring launch',
 *     campaignId: 'spring-26',
 *     timeZone: 'Asia/Shanghai',
 *     items: [
 *       { kind: 'milestone', id: 'launch', name: 'Launch', at: '2026-03-02T09:00' },
 *       { kind: 'deadline', id: 'assets', name: 'Assets final', date: '2026-02-27' },
 *     ],
 *   },
 *   { generatedAt: '2026-02-01T00:00:00Z' },
 * );
 * // BEGIN:VCALENDAR … BEGIN:VEVENT
 * // UID:milestone-launch@spring-26.campaignkit
 * // DTSTART:20260302T010000Z
 * // DTEND:20260302T011500Z
 * // SUMMARY:Launch …
 * ```
 */
export function toICalendar(input: ICalendarInput, options: ToICalendarOptions): string {
  const calendar = parseInput(ICalendarInputSchema, input, 'iCalendar input');
  const parsed = parseInput(ToICalendarOptionsSchema, options, 'iCalendar options');
  const stamp = utcDateTime(Date.parse(parsed.generatedAt));
  if (stamp === undefined) throw invalidField('iCalendar options', ['generatedAt'], 'must fall in the years 0000–9999 in UTC');
  const context: EventContext = {
    campaignId: calendar.campaignId,
    timeZone: calendar.timeZone,
    stamp,
    alarmMinutesBefore: parsed.alarmMinutesBefore,
    approversLabel: parsed.approversLabel ?? 'Approvers',
  };
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//campaignkit//campaignkit//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.calendarName)}`,
    `X-WR-TIMEZONE:${escapeText(calendar.timeZone)}`,
    ...calendar.items.flatMap((item, i) => eventLines(item, i, context)),
    'END:VCALENDAR',
  ];
  return serialize(lines);
}
