import { describe, expect, it } from 'vitest';
import { expectedProgress } from '../../src/kpi/expectedProgress.js';
import { keyResultProgress } from '../../src/kpi/keyResultProgress.js';
import { progressStatus } from '../../src/kpi/progressStatus.js';
import { errorOf } from '../_support/errors.js';

describe('keyResultProgress', () => {
  it('is the share of the distance from start to target covered', () => {
    expect(keyResultProgress({ start: 0, target: 5_000, current: 4_200 })).toEqual({ progress: 0.84 });
    expect(keyResultProgress({ start: 1_000, target: 5_000, current: 2_000 })).toEqual({ progress: 0.25 });
    expect(keyResultProgress({ target: 0.3, start: 0.1, current: 0.15 })).toEqual({ progress: 0.25 });
  });

  it('works for decreasing goals such as cost per lead', () => {
    expect(keyResultProgress({ start: 40, target: 30, current: 35 })).toEqual({ progress: 0.5 });
    expect(keyResultProgress({ start: 40, target: 30, current: 45 })).toEqual({ progress: 0 });
  });

  it('clamps to 0 and 1', () => {
    expect(keyResultProgress({ start: 100, target: 200, current: 50 })).toEqual({ progress: 0 });
    expect(keyResultProgress({ start: 100, target: 200, current: 260 })).toEqual({ progress: 1 });
  });

  it('has no progress when target equals start', () => {
    expect(keyResultProgress({ start: 10, target: 10, current: 12 })).toEqual({
      progress: null,
      reason: 'target equals start, so there is no distance to cover; set a different target',
    });
  });
});

describe('expectedProgress', () => {
  const april = { periodStart: '2026-04-01', periodEnd: '2026-04-30' };

  it('is the share of days elapsed by the end of asOf', () => {
    expect(expectedProgress({ ...april, asOf: '2026-04-15' })).toBe(0.5);
    expect(expectedProgress({ ...april, asOf: '2026-04-01' })).toBe(1 / 30);
    expect(expectedProgress({ ...april, asOf: '2026-04-30' })).toBe(1);
  });

  it('is 0 before the period and 1 after it', () => {
    expect(expectedProgress({ ...april, asOf: '2026-03-31' })).toBe(0);
    expect(expectedProgress({ ...april, asOf: '2026-06-01' })).toBe(1);
  });

  it('rejects a period that ends before it starts', () => {
    expect(errorOf(() => expectedProgress({ periodStart: '2026-04-30', periodEnd: '2026-04-01', asOf: '2026-04-15' }), 'VALIDATION').details.issues?.[0]?.path).toEqual([
      'periodEnd',
    ]);
  });
});

describe('progressStatus', () => {
  it("uses Google's grading bands at the end of the period: 0.7 green, 0.4 yellow", () => {
    expect(progressStatus(0.7, 1)).toBe('onTrack');
    expect(progressStatus(0.69, 1)).toBe('atRisk');
    expect(progressStatus(0.4, 1)).toBe('atRisk');
    expect(progressStatus(0.39, 1)).toBe('offTrack');
  });

  it('scales the bands to the expected pace during the period', () => {
    expect(progressStatus(0.35, 0.5)).toBe('onTrack');
    expect(progressStatus(0.34, 0.5)).toBe('atRisk');
    expect(progressStatus(0.2, 0.5)).toBe('atRisk');
    expect(progressStatus(0.19, 0.5)).toBe('offTrack');
  });

  it('is on track when nothing is expected yet, unknown without progress', () => {
    expect(progressStatus(0, 0)).toBe('onTrack');
    expect(progressStatus(null, 0.5)).toBe('unknown');
  });

  it('takes custom thresholds', () => {
    expect(progressStatus(0.8, 1, { onTrack: 0.9, atRisk: 0.6 })).toBe('atRisk');
    expect(errorOf(() => progressStatus(0.8, 1, { onTrack: 0.5, atRisk: 0.6 }), 'VALIDATION').details.issues?.[0]?.path).toEqual(['atRisk']);
  });
});
