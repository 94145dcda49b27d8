import { describe, expect, it } from 'vitest';
import { compareToTarget } from '../../src/kpi/compareToTarget.js';
import { errorOf } from '../_support/errors.js';

describe('compareToTarget', () => {
  it('reproduces the brief: leads target 5,000, actual 4,200 is −16 %', () => {
    expect(compareToTarget({ metric: 'leads', target: 5_000, actual: 4_200 })).toEqual({
      difference: -800,
      varianceRate: -0.16,
      status: 'offTrack',
      shortfall: 0.16,
      direction: 'higher',
    });
  });

  it('reproduces the brief: conversion rate target 8 %, actual 10 % is +25 %, exactly', () => {
    expect(compareToTarget({ metric: 'cvr', target: 0.08, actual: 0.1 })).toEqual({
      difference: 0.02,
      varianceRate: 0.25,
      status: 'onTrack',
      shortfall: -0.25,
      direction: 'higher',
    });
  });

  it('treats being under target as good for lower-is-better metrics', () => {
    // CPL target 30.00, actual 27.00: 10 % under target, which is ahead.
    expect(compareToTarget({ metric: 'cpl', target: 3_000, actual: 2_700 })).toMatchObject({ varianceRate: -0.1, status: 'onTrack', shortfall: -0.1 });
    // CPA 8 % over target: at risk with the default 5 % / 10 % bands.
    expect(compareToTarget({ metric: 'cpa', target: 5_000, actual: 5_400 })).toMatchObject({ varianceRate: 0.08, status: 'atRisk' });
    expect(compareToTarget({ metric: 'cpc', target: 200, actual: 230 })).toMatchObject({ varianceRate: 0.15, status: 'offTrack' });
  });

  it('puts the band edges on the better side: exactly the tolerance is on track', () => {
    expect(compareToTarget({ metric: 'leads', target: 100, actual: 95 }).status).toBe('onTrack');
    expect(compareToTarget({ metric: 'leads', target: 100, actual: 94 }).status).toBe('atRisk');
    expect(compareToTarget({ metric: 'leads', target: 100, actual: 90 }).status).toBe('atRisk');
    expect(compareToTarget({ metric: 'leads', target: 100, actual: 89 }).status).toBe('offTrack');
    expect(compareToTarget({ metric: 'ctr', target: 0.03, actual: 0.0285 }).status).toBe('onTrack');
  });

  it('uses configurable tolerances', () => {
    expect(compareToTarget({ metric: 'leads', target: 5_000, actual: 4_200, tolerance: 0.1, atRiskTolerance: 0.2 }).status).toBe('atRisk');
    expect(compareToTarget({ metric: 'leads', target: 5_000, actual: 4_200, tolerance: 0.2 }).status).toBe('onTrack');
    expect(compareToTarget({ metric: 'leads', target: 5_000, actual: 4_200, tolerance: 0 }).status).toBe('offTrack');
  });

  it('gives no variance rate for a target of 0, and judges by direction', () => {
    expect(compareToTarget({ metric: 'followers_gained', target: 0, actual: -20 })).toEqual({
      difference: -20,
      varianceRate: null,
      status: 'offTrack',
      shortfall: null,
      direction: 'higher',
      reason: 'the target is 0, so a variance rate is undefined',
    });
    expect(compareToTarget({ metric: 'followers_gained', target: 0, actual: 5 }).status).toBe('onTrack');
    expect(compareToTarget({ metric: 'cpc', target: 0, actual: 0 }).status).toBe('onTrack');
  });

  it('divides by |target| so a negative target keeps "above" positive', () => {
    // ROI target −10 % (an accepted loss), actual −5 %: 50 % better than target.
    expect(compareToTarget({ metric: 'roi', target: -0.1, actual: -0.05 })).toMatchObject({ difference: 0.05, varianceRate: 0.5, status: 'onTrack' });
  });

  it('reports unknown status when the actual value is unavailable', () => {
    expect(compareToTarget({ metric: 'cpl', target: 3_000, actual: null })).toEqual({
      difference: null,
      varianceRate: null,
      status: 'unknown',
      shortfall: null,
      direction: 'lower',
      reason: 'the actual value is unavailable',
    });
  });

  it('resolves aliases and accepts an explicit direction for unregistered metrics', () => {
    expect(compareToTarget({ metric: 'roi_cn', target: 4, actual: 3 })).toMatchObject({ varianceRate: -0.25, direction: 'higher' });
    expect(compareToTarget({ metric: 'complaints', target: 10, actual: 12, direction: 'lower' })).toMatchObject({ varianceRate: 0.2, status: 'offTrack' });
    expect(errorOf(() => compareToTarget({ metric: 'complaints', target: 10, actual: 12 }), 'NOT_FOUND').message).toContain('pass its direction');
  });

  it('rejects inconsistent tolerances', () => {
    const error = errorOf(() => compareToTarget({ metric: 'leads', target: 1, actual: 1, tolerance: 0.2, atRiskTolerance: 0.1 }), 'VALIDATION');
    expect(error.details.issues?.[0]?.path).toEqual(['atRiskTolerance']);
  });
});
