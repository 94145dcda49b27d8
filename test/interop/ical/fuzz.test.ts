import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { campaignCalendarItems } from '../../../src/interop/ical/campaignCalendarItems.js';
import { toICalendar } from '../../../src/interop/ical/toICalendar.js';
import { springLaunch } from './_calendar.js';

function outcome(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return isCampaignKitError(error) ? error.code : `raw ${String(error)}`;
  }
}

const anything = fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true });
const localTime = fc.oneof(fc.date({ min: new Date('1900-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)), fc.constantFrom('1900-01-01T00:00', '9999-12-31T23:59', '9999-12-31', '2026-03-08T02:30', '2026-02-30'));
const zone = fc.constantFrom('UTC', 'Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe', 'Nope/Nowhere');
const item = fc.oneof(
  fc.record({ kind: fc.constant('milestone'), id: fc.string({ minLength: 1 }), name: fc.string(), at: localTime }),
  fc.record({ kind: fc.constant('deadline'), id: fc.string({ minLength: 1 }), name: fc.string(), date: localTime.map((t) => t.slice(0, 10)) }),
  fc.record({ kind: fc.constant('approval'), id: fc.string({ minLength: 1 }), title: fc.string(), due: localTime, approvers: fc.array(fc.string()) }),
  fc.record({ kind: fc.constant('task'), id: fc.string({ minLength: 1 }), name: fc.string(), start: localTime, finish: localTime, allDay: fc.boolean() }),
);

describe('iCalendar export lets only CampaignKitError escape', () => {
  it('for arbitrary arguments', () => {
    fc.assert(
      fc.property(anything, anything, (a, b) => {
        expect(outcome(() => toICalendar(a as never, b as never))).not.toMatch(/^raw /);
        expect(outcome(() => campaignCalendarItems(a as never, b as never))).not.toMatch(/^raw /);
      }),
      { numRuns: 300 },
    );
  });

  it('for near-valid calendars, at the edges of the supported years and around clock changes, writing text ical.js reads', () => {
    fc.assert(
      fc.property(zone, fc.array(item, { maxLength: 6 }), fc.option(fc.integer({ min: -5, max: 50_000 }), { nil: undefined }), (timeZone, items, alarm) => {
        let text: string | undefined;
        const result = outcome(() => {
          text = toICalendar({ ...springLaunch, timeZone, items: items as never }, { generatedAt: '2026-02-01T00:00:00Z', ...(alarm === undefined ? {} : { alarmMinutesBefore: alarm }) });
        });
        expect(result).not.toMatch(/^raw /);
        // Whatever is written, ical.js reads: one event per item, each ending after it starts.
        if (text !== undefined) {
          const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
          expect(events).toHaveLength(items.length);
          for (const event of events) expect(event.endDate.compare(event.startDate)).toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
