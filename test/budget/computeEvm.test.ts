import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEvm, type EvmResult } from '../../src/budget/evm/computeEvm.js';
import { earnedSchedule } from '../../src/budget/evm/earnedSchedule.js';
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

/**
 * The brief's worked example: BAC 500,000; planned cumulative completion 10/25/50/75/100 % over five
 * periods; at period 3 the work is 40 % complete and the periods cost 45,000 + 110,000 + 135,000.
 * PV = 50 % × 500,000 = 250,000; EV = 40 % × 500,000 = 200,000; AC = 290,000.
 */
const worked = { bac: 500_000, pv: 250_000, ev: 200_000, ac: 290_000 };

describe('computeEvm on the worked example', () => {
  it('matches the published outputs', () => {
    const r = computeEvm(worked);
    expect(r).toMatchObject({
      pv: 250_000,
      ev: 200_000,
      ac: 290_000,
      sv: -50_000,
      cv: -90_000,
      spi: 0.8,
      svPercent: -0.2,
      cvPercent: -0.45,
      eac: { cpi: 725_000, budgetRate: 590_000, composite: 833_750 },
      etc: 435_000,
      vac: -225_000,
      vacPercent: -0.45,
      reasons: {},
    });
    expect(r.cpi).toBe(20 / 29);
    expect(r.cpi).toBeCloseTo(0.6897, 4);
    expect(r.tcpi.bac).toBe(300_000 / 210_000);
    expect(r.tcpi.bac).toBeCloseTo(1.429, 3);
    expect(r.tcpi.eac).toBe(300_000 / 435_000);
    expect(r.tcpi.eac).toBeCloseTo(0.69, 2);
  });

  it('keeps EAC exact in minor units: 833,750.00 is not 833,749.99', () => {
    const r = computeEvm({ bac: 500_000_00, pv: 250_000_00, ev: 200_000_00, ac: 290_000_00 });
    expect(r.eac).toEqual({ cpi: 725_000_00, budgetRate: 590_000_00, composite: 833_750_00 });
    expect(r.etc).toBe(435_000_00);
    expect(r.vac).toBe(-225_000_00);
  });

  it('is exact where BAC / CPI in floats falls a hair short and would lose a cent', () => {
    // BAC 742.00, EV 76.00, AC 34,665,671.00: BAC × AC / EV = 338,446,419.50 exactly.
    const input = { bac: 742_00, pv: 76_00, ev: 76_00, ac: 34_665_671_00 };
    const floats = input.bac / (input.ev / input.ac);
    expect(floats).toBeLessThan(33_844_641_950);
    expect(computeEvm(input).eac.cpi).toBe(33_844_641_950);
  });
});

describe('computeEvm on cases derived by hand', () => {
  it('ahead of schedule and under budget', () => {
    // BAC 1,000; PV 400; EV 500; AC 400 → SPI = CPI = 1.25; composite = 400 + 500 / 1.5625 = 720.
    expect(computeEvm({ bac: 1000, pv: 400, ev: 500, ac: 400 })).toEqual<EvmResult>({
      pv: 400,
      ev: 500,
      ac: 400,
      sv: 100,
      cv: 100,
      spi: 1.25,
      cpi: 1.25,
      svPercent: 0.25,
      cvPercent: 0.2,
      eac: { cpi: 800, budgetRate: 900, composite: 720 },
      etc: 400,
      vac: 200,
      vacPercent: 0.2,
      tcpi: { bac: 500 / 600, eac: 1.25 },
      reasons: {},
    });
  });

  it('rounds derived amounts half to even', () => {
    // EAC = BAC × AC / EV = 5 × 1 / 2 = 2.5 → 2, and 7 × 1 / 2 = 3.5 → 4.
    expect(computeEvm({ bac: 5, pv: 2, ev: 2, ac: 1 }).eac.cpi).toBe(2);
    expect(computeEvm({ bac: 7, pv: 2, ev: 2, ac: 1 }).eac.cpi).toBe(4);
    // Composite = 1 + (7 − 2) × 1 × 3 / 2² = 1 + 15/4 = 4.75 → 5.
    expect(computeEvm({ bac: 7, pv: 3, ev: 2, ac: 1 }).eac.composite).toBe(5);
  });

  it('a finished campaign: EV = BAC, nothing left to do', () => {
    const r = computeEvm({ bac: 1000, pv: 1000, ev: 1000, ac: 1100 });
    expect(r).toMatchObject({ sv: 0, cv: -100, spi: 1, eac: { cpi: 1100, budgetRate: 1100, composite: 1100 }, etc: 0, vac: -100, tcpi: { bac: 0, eac: null } });
    expect(r.reasons['tcpi.eac']).toBe('EAC − AC is zero: nothing is left to spend');
  });

  it('gives null with a reason instead of dividing by zero', () => {
    const start = computeEvm({ bac: 1000, pv: 0, ev: 0, ac: 0 });
    expect(start).toMatchObject({
      spi: null,
      cpi: null,
      svPercent: null,
      cvPercent: null,
      eac: { cpi: null, budgetRate: 1000, composite: null },
      etc: null,
      vac: null,
      vacPercent: null,
      tcpi: { bac: 1, eac: null },
    });
    expect(start.reasons).toEqual({
      spi: 'PV is zero: nothing was planned by the status date',
      cpi: 'AC is zero: nothing has been spent yet',
      svPercent: 'PV is zero: nothing was planned by the status date',
      cvPercent: 'EV is zero: no work has been earned yet',
      'eac.cpi': 'CPI is undefined (AC is zero: nothing has been spent yet)',
      'eac.composite': 'CPI is undefined (AC is zero: nothing has been spent yet)',
      etc: 'EAC (CPI) is undefined: CPI is undefined (AC is zero: nothing has been spent yet)',
      vac: 'EAC (CPI) is undefined: CPI is undefined (AC is zero: nothing has been spent yet)',
      vacPercent: 'VAC is undefined: CPI is undefined (AC is zero: nothing has been spent yet)',
      'tcpi.eac': 'ETC is undefined: CPI is undefined (AC is zero: nothing has been spent yet)',
    });
    const spentNothingEarned = computeEvm({ bac: 1000, pv: 100, ev: 0, ac: 50 });
    expect(spentNothingEarned).toMatchObject({ cpi: 0, spi: 0, eac: { cpi: null, composite: null } });
    expect(spentNothingEarned.reasons['eac.cpi']).toBe('CPI is zero (EV is zero: no work has been earned yet), so BAC / CPI is undefined');
    expect(computeEvm({ bac: 1000, pv: 500, ev: 400, ac: 1000 }).reasons['tcpi.bac']).toBe(
      'BAC − AC is zero: the whole budget is spent, so no efficiency can finish on it',
    );
  });

  it('refuses an estimate too large to hold exactly rather than rounding it', () => {
    try {
      computeEvm({ bac: 9e15, pv: 0, ev: 1, ac: 9e15 });
      throw new Error('expected LIMIT_EXCEEDED');
    } catch (e) {
      expect(isCampaignKitError(e, 'LIMIT_EXCEEDED')).toBe(true);
    }
  });

  it('rejects amounts that are not integers, negative, or beyond BAC', () => {
    expect(issuesOf(() => computeEvm({ bac: 1000, pv: 10.5, ev: -1, ac: 0 })).map((i) => i.path)).toEqual([['pv'], ['ev']]);
    expect(issuesOf(() => computeEvm({ bac: 100, pv: 200, ev: 150, ac: 0 }))).toEqual([
      { path: ['pv'], message: 'PV cannot exceed BAC (no more can be planned than the whole budget)' },
      { path: ['ev'], message: 'EV cannot exceed BAC (no more can be earned than the whole budget)' },
    ]);
  });
});

describe('earned-value identities (property)', () => {
  const inputs = fc
    .record({ bac: fc.integer({ min: 0, max: 1e12 }), pv: fc.double({ min: 0, max: 1, noNaN: true }), ev: fc.double({ min: 0, max: 1, noNaN: true }), ac: fc.integer({ min: 0, max: 2e12 }) })
    .map(({ bac, pv, ev, ac }) => ({ bac, pv: Math.floor(bac * pv), ev: Math.floor(bac * ev), ac }));

  it('holds the PMI identities and never yields NaN or Infinity', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { bac, pv, ev, ac } = input;
        // Estimates beyond 2^53 minor units are refused (LIMIT_EXCEEDED); that is tested below.
        const limit = BigInt(Number.MAX_SAFE_INTEGER);
        fc.pre(ev === 0 || ((BigInt(bac) * BigInt(ac)) / BigInt(ev) < limit && BigInt(ac) + (BigInt(bac) * BigInt(ac) * BigInt(pv)) / BigInt(ev) ** 2n < limit));
        const r = computeEvm(input);
        expect(r.sv).toBe(ev - pv);
        expect(r.cv).toBe(ev - ac);
        expect(r.eac.budgetRate).toBe(ac + bac - ev);
        if (r.eac.cpi !== null) {
          expect(r.etc).toBe(r.eac.cpi - ac);
          expect(r.vac).toBe(bac - r.eac.cpi);
          // Within half a unit of the exact BAC × AC / EV: |2 × EAC × EV − 2 × BAC × AC| ≤ EV.
          const gap = 2n * BigInt(r.eac.cpi) * BigInt(ev) - 2n * BigInt(bac) * BigInt(ac);
          expect((gap < 0n ? -gap : gap) <= BigInt(ev)).toBe(true);
        } else {
          expect([r.etc, r.vac, r.vacPercent, r.tcpi.eac]).toEqual([null, null, null, null]);
        }
        const values = [r.spi, r.cpi, r.svPercent, r.cvPercent, r.eac.cpi, r.eac.composite, r.etc, r.vac, r.vacPercent, r.tcpi.bac, r.tcpi.eac];
        for (const value of values) if (value !== null) expect(Number.isFinite(value)).toBe(true);
        const nullKeys = Object.entries({
          spi: r.spi,
          cpi: r.cpi,
          svPercent: r.svPercent,
          cvPercent: r.cvPercent,
          'eac.cpi': r.eac.cpi,
          'eac.composite': r.eac.composite,
          etc: r.etc,
          vac: r.vac,
          vacPercent: r.vacPercent,
          'tcpi.bac': r.tcpi.bac,
          'tcpi.eac': r.tcpi.eac,
        })
          .filter(([, v]) => v === null)
          .map(([k]) => k);
        expect(Object.keys(r.reasons).sort()).toEqual(nullKeys.sort());
      }),
    );
  });
});

describe('earned schedule (Lipke)', () => {
  const plannedValueByPeriod = [50_000, 75_000, 125_000, 125_000, 125_000];

  it('computes ES, SV(t), SPI(t), TSPI and IEAC(t) on the worked example', () => {
    // Cumulative PV 50k, 125k, 250k, 375k, 500k; EV 200k → C = 2, I = (200k − 125k) / 125k = 0.6.
    const r = earnedSchedule({ plannedValueByPeriod, ev: 200_000, actualTime: 3, plannedDuration: 5 });
    expect(r.es).toBe(2.6);
    expect(r.svt).toBe(-0.4);
    expect(r.spit).toBe(2.6 / 3);
    expect(r.spit).toBeCloseTo(0.8667, 4);
    expect(r.tspi).toBe(1.2); // (5 − 2.6) / (5 − 3)
    expect(r.ieact).toBeCloseTo(5 / (2.6 / 3), 12); // 5.769…
    expect(r.reasons).toEqual({});
  });

  it('follows Lipke’s count of periods when the plan is flat', () => {
    // Cumulative 10, 20, 20, 30 and EV 20: three periods have PV ≤ EV, so ES = 3 (on schedule at AT 3).
    expect(earnedSchedule({ plannedValueByPeriod: [10, 10, 0, 10], ev: 20, actualTime: 3, plannedDuration: 4 })).toMatchObject({ es: 3, svt: 0, spit: 1, tspi: 1 });
    expect(earnedSchedule({ plannedValueByPeriod, ev: 500_000, actualTime: 6, plannedDuration: 5 })).toMatchObject({ es: 5, svt: -1, tspi: 0 });
  });

  it('gives null with a reason where time would divide by zero', () => {
    const r = earnedSchedule({ plannedValueByPeriod, ev: 0, actualTime: 0, plannedDuration: 5 });
    expect(r).toMatchObject({ es: 0, svt: 0, spit: null, ieact: null, tspi: 1 });
    expect(r.reasons).toEqual({ spit: 'AT is zero: no time has passed', ieact: 'SPI(t) is undefined (AT is zero: no time has passed)' });
    const nothing = earnedSchedule({ plannedValueByPeriod, ev: 0, actualTime: 2, plannedDuration: 2 });
    expect(nothing).toMatchObject({ spit: 0, ieact: null, tspi: null });
    expect(nothing.reasons.tspi).toBe('PD − AT is zero: the planned duration has elapsed');
  });

  it('rejects EV beyond the plan and non-integer values', () => {
    expect(issuesOf(() => earnedSchedule({ plannedValueByPeriod: [10, 10], ev: 21, actualTime: 1, plannedDuration: 2 }))).toEqual([
      { path: ['ev'], message: 'EV cannot exceed the total planned value (BAC)' },
    ]);
    expect(issuesOf(() => earnedSchedule({ plannedValueByPeriod: [1.5], ev: 0, actualTime: -1, plannedDuration: 0 })).map((i) => i.path)).toEqual([
      ['plannedValueByPeriod', 0],
      ['actualTime'],
      ['plannedDuration'],
    ]);
  });

  it('ES never decreases as EV grows, and stays between 0 and the number of periods (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 24 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (pvs, a, b) => {
        const total = pvs.reduce((s, v) => s + v, 0);
        const [low, high] = [Math.floor(total * Math.min(a, b)), Math.floor(total * Math.max(a, b))];
        const at = { actualTime: 1, plannedDuration: pvs.length };
        const esLow = earnedSchedule({ plannedValueByPeriod: pvs, ev: low, ...at }).es;
        const esHigh = earnedSchedule({ plannedValueByPeriod: pvs, ev: high, ...at }).es;
        expect(esLow).toBeLessThanOrEqual(esHigh);
        expect(esLow).toBeGreaterThanOrEqual(0);
        expect(esHigh).toBeLessThanOrEqual(pvs.length);
      }),
    );
  });
});
