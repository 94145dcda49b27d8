import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import { expandRecurrence, parseRecurrenceRule } from '../../src/calendar/recurrenceRule.js';

// Known answers are RFC 5545 section 3.8.5.3's own examples (times dropped where the example has none).

const dates = (rule: string, start: string) => expandRecurrence(parseRecurrenceRule(rule), start).map((d) => d.slice(0, 10));

describe('recurrence rules, by RFC 5545 examples', () => {
  it('daily for 10 occurrences', () => {
    expect(dates('FREQ=DAILY;COUNT=10', '1997-09-02T09:00')).toEqual(Array.from({ length: 10 }, (_, i) => `1997-09-${String(2 + i).padStart(2, '0')}`));
  });

  it('every other week on Monday, Wednesday and Friday until 24 December 1997 (WKST=SU)', () => {
    expect(dates('RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR', '1997-09-01T09:00')).toEqual(
      [
        ['09', [1, 3, 5, 15, 17, 19, 29]],
        ['10', [1, 3, 13, 15, 17, 27, 29, 31]],
        ['11', [10, 12, 14, 24, 26, 28]],
        ['12', [8, 10, 12, 22]],
      ].flatMap(([month, days]) => (days as number[]).map((d) => `1997-${month as string}-${String(d).padStart(2, '0')}`)),
    );
  });

  it('every other week on Tuesday and Sunday, WKST=MO against WKST=SU', () => {
    expect(dates('FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO', '1997-08-05T09:00')).toEqual(['1997-08-05', '1997-08-10', '1997-08-19', '1997-08-24']);
    expect(dates('FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU', '1997-08-05T09:00')).toEqual(['1997-08-05', '1997-08-17', '1997-08-19', '1997-08-31']);
  });

  it('monthly on the first Friday for 10 occurrences', () => {
    expect(dates('FREQ=MONTHLY;COUNT=10;BYDAY=1FR', '1997-09-05T09:00')).toEqual([
      '1997-09-05', '1997-10-03', '1997-11-07', '1997-12-05', '1998-01-02', '1998-02-06', '1998-03-06', '1998-04-03', '1998-05-01', '1998-06-05',
    ]);
  });

  it('monthly on the second-to-last Monday, and on the third-to-last day', () => {
    expect(dates('FREQ=MONTHLY;COUNT=6;BYDAY=-2MO', '1997-09-22T09:00')).toEqual(['1997-09-22', '1997-10-20', '1997-11-17', '1997-12-22', '1998-01-19', '1998-02-16']);
    expect(dates('FREQ=MONTHLY;COUNT=6;BYMONTHDAY=-3', '1997-09-28T09:00')).toEqual(['1997-09-28', '1997-10-29', '1997-11-28', '1997-12-29', '1998-01-29', '1998-02-26']);
  });

  it('keeps the start time of day', () => {
    expect(expandRecurrence(parseRecurrenceRule('FREQ=WEEKLY;BYDAY=MO;COUNT=2'), '2026-03-02T17:00')).toEqual(['2026-03-02T17:00', '2026-03-09T17:00']);
  });

  it('refuses what it does not support, and a series without an end', () => {
    for (const rule of ['FREQ=YEARLY;COUNT=2', 'FREQ=WEEKLY', 'FREQ=WEEKLY;COUNT=2;UNTIL=20260101', 'FREQ=DAILY;COUNT=2;BYHOUR=9', 'FREQ=WEEKLY;COUNT=2;BYDAY=1MO', 'FREQ=MONTHLY;COUNT=2;BYMONTHDAY=0']) {
      expect(() => parseRecurrenceRule(rule), rule).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
    expect(() => expandRecurrence(parseRecurrenceRule('FREQ=DAILY;UNTIL=29991231'), '2026-01-01')).toThrow(expect.objectContaining({ code: 'LIMIT_EXCEEDED' }));
  });

  it('gives COUNT occurrences in increasing order, none before the start', () => {
    fc.assert(
      fc.property(fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY'), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 3000 }), (freq, interval, count, offset) => {
        const start = new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10);
        const out = dates(`FREQ=${freq};INTERVAL=${interval};COUNT=${count}`, `${start}T09:00`);
        expect(out.length).toBeLessThanOrEqual(count);
        expect(out[0]).toBe(start);
        for (let i = 1; i < out.length; i++) expect((out[i] ?? '') > (out[i - 1] ?? '')).toBe(true);
        if (freq !== 'MONTHLY') expect(out).toHaveLength(count);
      }),
    );
  });

  it('lets only CampaignKitError escape for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        try {
          expandRecurrence(parseRecurrenceRule(text), '2026-03-02T09:00');
        } catch (e) {
          expect(isCampaignKitError(e)).toBe(true);
        }
      }),
    );
  });
});
