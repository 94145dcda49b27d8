import { describe, expect, it } from 'vitest';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';
import { computeMetrics, explainMetrics } from '../../src/kpi/computeMetrics.js';
import { createMetricRegistry } from '../../src/kpi/createMetricRegistry.js';
import { FORMULA_LIMITS, parseFormula } from '../../src/kpi/parseFormula.js';

function errorOf(run: () => unknown): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e)) return e;
    throw e;
  }
  throw new Error('expected a CampaignKitError');
}

/** m1 = x * x, m2 = m1 * m1, …: level k is x^(2^k). */
function squaringChain(levels: number) {
  return createMetricRegistry(
    Array.from({ length: levels }, (_, i) => ({
      id: `m${i + 1}`,
      name: `Level ${i + 1}`,
      formula: i === 0 ? 'x * x' : `m${i} * m${i}`,
      inputs: i === 0 ? ['x'] : [],
      unit: 'ratio' as const,
      direction: 'higher' as const,
    })),
  );
}

describe('exact intermediate values are bounded', () => {
  it('documents the bound', () => {
    expect(FORMULA_LIMITS).toEqual({ maxLength: 2000, maxDepth: 32, maxExactBits: 4096 });
  });

  it('refuses an 18-level squaring chain with LIMIT_EXCEEDED naming the first metric past the bound', () => {
    // 1.5^(2^k) = 3^(2^k) / 2^(2^k): the numerator has 3247 bits at m11 and 6493 at m12.
    const registry = squaringChain(18);
    const e = errorOf(() => computeMetrics({ x: 1.5 }, ['m18'], { registry }));
    expect([e.code, e.details]).toEqual(['LIMIT_EXCEEDED', { metric: 'm12', limit: 4096 }]);
    expect(e.message).toBe(
      'Metric "m12": an exact intermediate value has more than 4096 bits (about 1233 digits) in its numerator or denominator (FORMULA_LIMITS.maxExactBits); simplify the formula',
    );
    // Asking for every metric fails the same way, at the same metric.
    expect(errorOf(() => explainMetrics({ x: 1.5 }, undefined, { registry })).details).toEqual({ metric: 'm12', limit: 4096 });
  });

  it('still computes the levels below the bound exactly', () => {
    const registry = squaringChain(18);
    expect(computeMetrics({ x: 1.5 }, ['m1', 'm2', 'm3'], { registry })).toEqual({ m1: 2.25, m2: 5.0625, m3: 25.62890625 });
    // 2^(2^11) has 2049 bits: within the bound, beyond the number range.
    expect(explainMetrics({ x: 2 }, ['m11'], { registry })).toEqual({
      m11: { value: null, reason: { code: 'OUT_OF_RANGE', message: 'the result is too large for a number' } },
    });
    expect(errorOf(() => computeMetrics({ x: 2 }, ['m12'], { registry })).details).toEqual({ metric: 'm12', limit: 4096 });
  });

  it('bounds denominators too, and keeps extreme but reasonable inputs exact', () => {
    const registry = createMetricRegistry([
      { id: 'tiny', name: 'Tiny', formula: 'a * a * a * a', inputs: ['a'], unit: 'ratio', direction: 'higher' },
      { id: 'ratio_of_tiny', name: 'Ratio', formula: '(a * a * a) / (a * a * a)', inputs: ['a'], unit: 'ratio', direction: 'higher' },
    ]);
    // (10^-300)^3 needs a 2990-bit denominator; (10^-320)^4 = 10^-1280 would need 4253.
    expect(computeMetrics({ a: 1e-300 }, ['ratio_of_tiny'], { registry })).toEqual({ ratio_of_tiny: 1 });
    expect(computeMetrics({ a: 1e-300 }, ['tiny'], { registry })).toEqual({ tiny: 0 });
    expect(errorOf(() => computeMetrics({ a: 1e-320 }, ['tiny'], { registry })).details).toEqual({ metric: 'tiny', limit: 4096 });
  });
});

describe('number literals beyond the range of a number', () => {
  const range = 'is beyond the range of a number (magnitudes from 5e-324 to 1.7976931348623157e308)';

  it('are refused with VALIDATION at their position, not rounded to Infinity or 0', () => {
    const e = errorOf(() => parseFormula('clicks * 1e400'));
    expect([e.code, e.message]).toEqual(['VALIDATION', `Cannot use formula "clicks * 1e400" at position 9: the number 1e400 ${range}`]);
    expect(e.details).toEqual({
      issues: [{ path: [], message: `the number 1e400 ${range}`, code: 'too_big' }],
      formula: 'clicks * 1e400',
      position: 9,
      found: '1e400',
    });
    expect(errorOf(() => parseFormula('1e-400 + x')).details).toMatchObject({ issues: [{ code: 'too_small' }], position: 0, found: '1e-400' });
  });

  it('name the metric and its formula field in a registry', () => {
    const e = errorOf(() =>
      createMetricRegistry([
        { id: 'fine', name: 'Fine', formula: 'clicks * 2', unit: 'count', direction: 'higher' },
        { id: 'huge', name: 'Huge', formula: 'clicks * 1e400', unit: 'count', direction: 'higher' },
      ]),
    );
    expect([e.code, e.message, e.details.metric, e.details.issues?.map((i) => i.path)]).toEqual([
      'VALIDATION',
      `Metric "huge": Cannot use formula "clicks * 1e400" at position 9: the number 1e400 ${range}`,
      'huge',
      [[1, 'formula']],
    ]);
  });

  it('accept the extremes a number can hold, and zero written any way', () => {
    const registry = createMetricRegistry([
      { id: 'edges', name: 'Edges', formula: '1.7976931348623157e308 * 5e-324 + 0e-400 + 0.000e5', unit: 'ratio', direction: 'higher' },
    ]);
    // Exact: 17976931348623157 × 10^292 × 5 × 10^-324 = 8.9884656743115785e-16.
    expect(computeMetrics({}, ['edges'], { registry })).toEqual({ edges: 8.98846567431158e-16 });
  });
});
