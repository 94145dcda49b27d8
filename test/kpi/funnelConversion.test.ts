import { describe, expect, it } from 'vitest';
import { funnelConversion } from '../../src/kpi/funnelConversion.js';
import { errorOf } from '../_support/errors.js';

describe('funnelConversion', () => {
  it('gives the rate between each pair of stages and from top to bottom', () => {
    expect(
      funnelConversion([
        { stage: 'lead', count: 5_000 },
        { stage: 'mql', count: 1_500 },
        { stage: 'sql', count: 450 },
        { stage: 'opportunity', count: 180 },
        { stage: 'won', count: 45 },
      ]),
    ).toEqual({
      steps: [
        { from: 'lead', to: 'mql', fromCount: 5_000, toCount: 1_500, rate: 0.3 },
        { from: 'mql', to: 'sql', fromCount: 1_500, toCount: 450, rate: 0.3 },
        { from: 'sql', to: 'opportunity', fromCount: 450, toCount: 180, rate: 0.4 },
        { from: 'opportunity', to: 'won', fromCount: 180, toCount: 45, rate: 0.25 },
      ],
      overall: 0.009,
    });
  });

  it('gives null after an empty stage instead of dividing by zero', () => {
    expect(funnelConversion([{ stage: 'lead', count: 0 }, { stage: 'mql', count: 0 }])).toEqual({
      steps: [{ from: 'lead', to: 'mql', fromCount: 0, toCount: 0, rate: null }],
      overall: null,
    });
  });

  it('rejects a single stage and fractional counts', () => {
    expect(errorOf(() => funnelConversion([{ stage: 'lead', count: 1 }]), 'VALIDATION').message).toContain('at least two stages');
    expect(errorOf(() => funnelConversion([{ stage: 'lead', count: 1.5 }, { stage: 'mql', count: 1 }]), 'VALIDATION').details.issues?.[0]?.path).toEqual([0, 'count']);
  });
});
