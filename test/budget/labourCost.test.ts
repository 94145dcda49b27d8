import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labourCost } from '../../src/budget/labourCost.js';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';

function issuesOf(run: () => unknown): { path: readonly (string | number)[]; message: string }[] {
  try {
    run();
  } catch (e) {
    if (!isCampaignKitError(e, 'VALIDATION')) throw e;
    return ((e as CampaignKitError).details.issues ?? []).map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a VALIDATION error');
}

const rates = [
  { role: 'designer', rate: 300_00, currency: 'CNY', effectiveFrom: '2026-01-01', effectiveTo: '2026-03-31' },
  { role: 'designer', rate: 320_00, currency: 'CNY', effectiveFrom: '2026-04-01' },
  { memberId: 'm-wang', rate: 450_00, currency: 'CNY', effectiveFrom: '2026-04-01' },
  { role: 'copywriter', rate: 123_45, currency: 'CNY', effectiveFrom: '2026-01-01' },
];

describe('labour cost', () => {
  it('prices hours at the person’s own rate, else their role’s, by effective date', () => {
    const result = labourCost({
      currency: 'CNY',
      rates,
      entries: [
        { memberId: 'm-wang', role: 'designer', date: '2026-03-31', hours: 7.5 }, // 7.5 × 300.00 = 2,250.00
        { memberId: 'm-wang', role: 'designer', date: '2026-04-01', hours: 2 }, //  2 × 450.00 =   900.00
        { memberId: 'm-li', role: 'designer', date: '2026-04-01', hours: 8, taskId: 'poster' }, // 8 × 320.00 = 2,560.00
      ],
    });
    expect(result.entries.map((e) => [e.memberId, e.rate, e.rateSource, e.cost])).toEqual([
      ['m-wang', 300_00, 'role', 2_250_00],
      ['m-wang', 450_00, 'member', 900_00],
      ['m-li', 320_00, 'role', 2_560_00],
    ]);
    expect(result.entries[2]?.taskId).toBe('poster');
    expect(result.byMember).toEqual([
      { memberId: 'm-wang', hours: 9.5, cost: 3_150_00 },
      { memberId: 'm-li', hours: 8, cost: 2_560_00 },
    ]);
    expect(result.total).toBe(5_710_00);
  });

  it('rounds each entry half to even to the minor unit', () => {
    const cost = (hours: number) => labourCost({ currency: 'CNY', rates, entries: [{ memberId: 'm-zhao', role: 'copywriter', date: '2026-04-02', hours }] }).total;
    expect(cost(0.5)).toBe(6172); // 6,172.5 → 6,172
    expect(cost(1.5)).toBe(18518); // 18,517.5 → 18,518
    expect(cost(0.333)).toBe(4111); // 4,110.885 → 4,111
    expect(cost(0)).toBe(0);
  });

  it('adds up a person’s hours as they were entered (0.1 h + 0.2 h is 0.3 h)', () => {
    const result = labourCost({
      currency: 'CNY',
      rates,
      entries: [
        { memberId: 'm-zhao', role: 'copywriter', date: '2026-04-02', hours: 0.1 },
        { memberId: 'm-zhao', role: 'copywriter', date: '2026-04-03', hours: 0.2 },
      ],
    });
    // 0.1 × 123.45 = 12.345 → 12.34; 0.2 × 123.45 = 24.69.
    expect(result.byMember).toEqual([{ memberId: 'm-zhao', hours: 0.3, cost: 37_03 }]);
  });

  it('prefers the rate that started latest when two apply', () => {
    const overlapping = [
      { role: 'designer', rate: 100, currency: 'CNY', effectiveFrom: '2026-01-01' },
      { role: 'designer', rate: 200, currency: 'CNY', effectiveFrom: '2026-03-01' },
    ];
    expect(labourCost({ currency: 'CNY', rates: overlapping, entries: [{ memberId: 'm', role: 'designer', date: '2026-03-15', hours: 1 }] }).total).toBe(200);
  });

  it('names the entry that has no rate, or a rate in another currency', () => {
    expect(
      issuesOf(() =>
        labourCost({
          currency: 'USD',
          rates,
          entries: [
            { memberId: 'm-zhao', date: '2026-04-02', hours: 1 },
            { memberId: 'm-zhao', role: 'designer', date: '2025-12-31', hours: 1 },
            { memberId: 'm-wang', date: '2026-04-02', hours: 1 },
          ],
        }),
      ),
    ).toEqual([
      { path: ['entries', 0], message: 'no rate for member m-zhao on 2026-04-02; add one to rates' },
      { path: ['entries', 1], message: 'no rate for member m-zhao or role designer on 2025-12-31; add one to rates' },
      { path: ['entries', 2], message: 'mixed currencies: the rate that applies is in CNY, the cost is wanted in USD' },
    ]);
  });

  it('rejects a rate for both a person and a role, negative hours and a float rate', () => {
    expect(
      issuesOf(() =>
        labourCost({
          currency: 'CNY',
          rates: [{ memberId: 'm', role: 'designer', rate: 10.5, currency: 'CNY', effectiveFrom: '2026-01-01' }],
          entries: [{ memberId: 'm', date: '2026-01-02', hours: -1 }],
        }),
      ).map((i) => i.path),
    ).toEqual([
      ['rates', 0, 'rate'],
      ['entries', 0, 'hours'],
    ]);
    expect(
      issuesOf(() => labourCost({ currency: 'CNY', rates: [{ memberId: 'm', role: 'designer', rate: 10, currency: 'CNY', effectiveFrom: '2026-01-01' }], entries: [] })),
    ).toEqual([{ path: ['rates', 0, 'memberId'], message: 'a rate is for exactly one of memberId or role' }]);
  });

  it('costs every entry within half a minor unit of hours × rate, and totals the entries (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ quarterHours: fc.integer({ min: 0, max: 96 }), rate: fc.integer({ min: 0, max: 10_000_00 }) }), { minLength: 1, maxLength: 20 }),
        (rows) => {
          const result = labourCost({
            currency: 'CNY',
            rates: rows.map((r, i) => ({ memberId: `m${i}`, rate: r.rate, currency: 'CNY', effectiveFrom: '2026-01-01' })),
            entries: rows.map((r, i) => ({ memberId: `m${i}`, date: '2026-04-01', hours: r.quarterHours / 4 })),
          });
          result.entries.forEach((e, i) => {
            const row = rows[i];
            if (row === undefined) throw new Error('row missing');
            // Exact: cost × 4 vs quarterHours × rate, within half a unit (2 in quarter units).
            expect(Math.abs(e.cost * 4 - row.quarterHours * row.rate)).toBeLessThanOrEqual(2);
          });
          expect(result.total).toBe(result.entries.reduce((s, e) => s + e.cost, 0));
        },
      ),
    );
  });
});
