import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import { ratCompare, ratDiv, ratFromNumber, ratInt, ratSub, ratToNumber, type Rational } from '../../src/kpi/_rational.js';
import { aggregateMeasurements } from '../../src/kpi/aggregateMeasurements.js';
import { compareToTarget } from '../../src/kpi/compareToTarget.js';
import { computeMetrics } from '../../src/kpi/computeMetrics.js';
import { createMetricRegistry } from '../../src/kpi/createMetricRegistry.js';
import { formatFormula } from '../../src/kpi/formatFormula.js';
import { keyResultProgress } from '../../src/kpi/keyResultProgress.js';
import { parseFormula, type FormulaNode } from '../../src/kpi/parseFormula.js';
import { rollupObjectives } from '../../src/kpi/rollupObjectives.js';

function withoutPositions(node: FormulaNode): unknown {
  switch (node.kind) {
    case 'number':
      return { kind: 'number', value: node.value };
    case 'name':
      return { kind: 'name', name: node.name };
    case 'negate':
      return { kind: 'negate', operand: withoutPositions(node.operand) };
    case 'binary':
    case 'compare':
      return { kind: node.kind, operator: node.operator, left: withoutPositions(node.left), right: withoutPositions(node.right) };
    case 'call':
      return { kind: 'call', name: node.name, args: node.args.map(withoutPositions) };
  }
}

const name = fc.constantFrom('clicks', 'impressions', 'spend', 'a_b', 'x1');
const { formula: numericFormula } = fc.letrec<{ formula: FormulaNode; condition: FormulaNode }>((tie) => ({
  formula: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('number' as const), value: fc.oneof(fc.nat(10_000), fc.constantFrom(0.5, 0.08, 1e-7, 1e21)), position: fc.constant(0) }),
    fc.record({ kind: fc.constant('name' as const), name, position: fc.constant(0) }),
    fc.record({ kind: fc.constant('negate' as const), operand: tie('formula'), position: fc.constant(0) }),
    fc.record({ kind: fc.constant('binary' as const), operator: fc.constantFrom('+', '-', '*', '/'), left: tie('formula'), right: tie('formula'), position: fc.constant(0) }),
    fc.record({ kind: fc.constant('call' as const), name: fc.constantFrom('min', 'max'), args: fc.array(tie('formula'), { minLength: 2, maxLength: 3 }), position: fc.constant(0) }),
    fc.record({ kind: fc.constant('call' as const), name: fc.constant('if'), args: fc.tuple(tie('condition'), tie('formula'), tie('formula')), position: fc.constant(0) }),
  ) as fc.Arbitrary<FormulaNode>,
  condition: fc.record({
    kind: fc.constant('compare' as const),
    operator: fc.constantFrom('<', '<=', '>', '>=', '==', '!='),
    left: tie('formula'),
    right: tie('formula'),
    position: fc.constant(0),
  }) as fc.Arbitrary<FormulaNode>,
}));

describe('formula parser properties', () => {
  it('reads back what formatFormula writes, tree for tree', () => {
    fc.assert(
      fc.property(numericFormula, (tree) => {
        let text: string;
        try {
          text = formatFormula(tree);
          expect(withoutPositions(parseFormula(text))).toEqual(withoutPositions(tree));
        } catch (e) {
          // Very deep random trees may exceed the nesting limit; that refusal is by design.
          if (!(isCampaignKitError(e, 'PARSE') && String(e.message).includes('nesting deeper'))) throw e;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('either parses any text or throws a PARSE error with a position inside it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab1 .+-*/()<>=!,×÷−%_iefmnx'.split('')), maxLength: 40 }), (text) => {
        try {
          parseFormula(text);
        } catch (e) {
          expect(isCampaignKitError(e, 'PARSE')).toBe(true);
          const position = isCampaignKitError(e) ? e.details.position : undefined;
          expect(typeof position === 'number' && position >= 0 && position <= text.length).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

const count = fc.nat(1_000_000);
const inputs = fc.record(
  { impressions: count, clicks: count, spend: count, leads: count, conversions: count, revenue: count, cost: count, sessions: count, reach: count, engagements: count },
  { requiredKeys: [] },
);

describe('metric properties', () => {
  it('never yields NaN or Infinity, only finite numbers or null', () => {
    fc.assert(
      fc.property(inputs, (values) => {
        for (const value of Object.values(computeMetrics(values))) {
          expect(value === null || Number.isFinite(value)).toBe(true);
        }
      }),
    );
  });

  it('computes each rate as the correctly rounded quotient of its inputs', () => {
    fc.assert(
      fc.property(count, fc.integer({ min: 1, max: 1_000_000 }), (clicks, impressions) => {
        expect(computeMetrics({ clicks, impressions }, ['ctr'])).toEqual({ ctr: clicks / impressions });
      }),
    );
  });

  it('turns every finite double back into itself through exact arithmetic', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(ratToNumber(ratFromNumber(x)), x === 0 ? 0 : x)).toBe(true);
      }),
    );
  });

  it('rounds any quotient to the nearest double', () => {
    // The neighbours of a positive double, by stepping its bit pattern.
    const step = (x: number, by: 1n | -1n) => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, x);
      view.setBigUint64(0, view.getBigUint64(0) + by);
      return view.getFloat64(0);
    };
    // The exact binary value of a positive normal double (not the decimal it prints as).
    const exactly = (x: number): Rational => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, x);
      const bits = view.getBigUint64(0);
      const exponent = Number((bits >> 52n) & 0x7ffn) - 1075;
      const mantissa = (bits & (2n ** 52n - 1n)) | 2n ** 52n;
      return exponent >= 0 ? { num: mantissa * 2n ** BigInt(exponent), den: 1n } : { num: mantissa, den: 2n ** BigInt(-exponent) };
    };
    const distance = (a: bigint, b: bigint, x: number) => {
      const d = ratSub(ratDiv(ratInt(a), ratInt(b)) ?? ratInt(0), exactly(x));
      return d.num < 0n ? { num: -d.num, den: d.den } : d;
    };
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 120n }), fc.bigInt({ min: 1n, max: 2n ** 120n }), (a, b) => {
        const rounded = ratToNumber(ratDiv(ratInt(a), ratInt(b)) ?? ratInt(0)) ?? 0;
        const own = distance(a, b, rounded);
        for (const neighbour of [step(rounded, 1n), step(rounded, -1n)]) {
          expect(ratCompare(own, distance(a, b, neighbour))).toBeLessThanOrEqual(0);
        }
        if (a < 2n ** 53n && b < 2n ** 53n) expect(rounded).toBe(Number(a) / Number(b));
      }),
    );
  });
});

describe('aggregation properties', () => {
  const days = fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 59 }), clicks: fc.nat(1_000), extra: fc.nat(10_000), spend: fc.nat(1_000_000) }),
    { minLength: 1, maxLength: 30 },
  );
  const toMeasurements = (list: { day: number; clicks: number; extra: number; spend: number }[]) =>
    list.map((d, i) => ({
      id: `m${i}`,
      campaignId: 'c',
      date: new Date(Date.UTC(2026, 0, 1 + d.day)).toISOString().slice(0, 10),
      values: { clicks: d.clicks, impressions: d.clicks + d.extra, spend: d.spend },
    }));

  it('computes ratios from summed inputs, never from averaged ratios', () => {
    fc.assert(
      fc.property(days, (list) => {
        const clicks = list.reduce((s, d) => s + d.clicks, 0);
        const impressions = list.reduce((s, d) => s + d.clicks + d.extra, 0);
        const spend = list.reduce((s, d) => s + d.spend, 0);
        const [group] = aggregateMeasurements(toMeasurements(list), { metrics: ['ctr', 'cpc'] });
        expect(group?.metrics).toEqual(computeMetrics({ clicks, impressions, spend }, ['ctr', 'cpc']));
      }),
    );
  });

  it('gives the same totals whether summed at once or week by week', () => {
    fc.assert(
      fc.property(days, (list) => {
        const measurements = toMeasurements(list);
        const [all] = aggregateMeasurements(measurements);
        const weeks = aggregateMeasurements(measurements, { period: 'week' });
        const summed = weeks.reduce((s, w) => s + (w.inputs.clicks ?? 0), 0);
        expect(summed).toBe(all?.inputs.clicks);
        expect(weeks.reduce((s, w) => s + w.measurementCount, 0)).toBe(list.length);
      }),
    );
  });
});

describe('target and OKR properties', () => {
  const value = fc.integer({ min: -1_000_000, max: 1_000_000 });
  const rank = { onTrack: 0, atRisk: 1, offTrack: 2, unknown: 3 } as const;

  it('never makes the status worse when the actual improves in the metric direction', () => {
    fc.assert(
      fc.property(fc.constantFrom('leads', 'cpl'), value, value, fc.nat(1_000), (metric, target, actual, step) => {
        const better = metric === 'leads' ? actual + step : actual - step;
        const before = compareToTarget({ metric, target, actual });
        const after = compareToTarget({ metric, target, actual: better });
        expect(rank[after.status]).toBeLessThanOrEqual(rank[before.status]);
        if (before.varianceRate !== null && before.difference !== null) expect(Math.sign(before.varianceRate)).toBe(Math.sign(before.difference));
      }),
    );
  });

  it('keeps key-result progress within 0 and 1, rising as the current value moves towards the target', () => {
    fc.assert(
      fc.property(value, value, value, fc.nat(1_000), (start, target, current, step) => {
        fc.pre(start !== target);
        const towards = target > start ? current + step : current - step;
        const a = keyResultProgress({ start, target, current }).progress ?? -1;
        const b = keyResultProgress({ start, target, current: towards }).progress ?? -1;
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
        expect(b).toBeGreaterThanOrEqual(a);
      }),
    );
  });

  it('keeps an objective progress between the lowest and highest of its weighted parts', () => {
    const kr = fc.record({ current: fc.nat(100), weight: fc.double({ min: 0.01, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(kr, { minLength: 1, maxLength: 6 }), (krs) => {
        const keyResults = krs.map((k, i) => ({ id: `kr${i}`, name: 'k', target: 100, current: k.current, weight: k.weight }));
        const [o] = rollupObjectives({ objectives: [{ id: 'o', name: 'O', periodStart: '2026-01-01', periodEnd: '2026-03-31', keyResults }], asOf: '2026-02-01' });
        const parts = krs.map((k) => k.current / 100);
        expect(o?.progress).toBeGreaterThanOrEqual(Math.min(...parts) - 1e-12);
        expect(o?.progress).toBeLessThanOrEqual(Math.max(...parts) + 1e-12);
        const shares = (o?.contributions ?? []).reduce((s, c) => s + (c.share ?? 0), 0);
        expect(shares).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('cycle detection properties', () => {
  it('either builds the registry from an acyclic graph or reports a real cycle', () => {
    const ids = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];
    const graph = fc.array(fc.subarray(ids, { maxLength: 3 }), { minLength: ids.length, maxLength: ids.length });
    fc.assert(
      fc.property(graph, (edges) => {
        const definitions = ids.map((id, i) => ({
          id,
          name: id,
          formula: ['1', ...(edges[i] ?? [])].join(' + '),
          unit: 'count' as const,
          direction: 'higher' as const,
        }));
        const hasEdge = (from: string, to: string) => (edges[ids.indexOf(from)] ?? []).includes(to);
        // Independent check: repeatedly remove nodes without outgoing edges (Kahn's algorithm).
        let remaining = [...ids];
        for (;;) {
          const sinks = remaining.filter((n) => !remaining.some((m) => hasEdge(n, m)));
          if (sinks.length === 0) break;
          remaining = remaining.filter((n) => !sinks.includes(n));
        }
        try {
          createMetricRegistry(definitions);
          expect(remaining).toEqual([]);
        } catch (e) {
          if (!isCampaignKitError(e, 'CYCLE')) throw e;
          const cycle = e.details.cycle ?? [];
          expect(remaining.length).toBeGreaterThan(0);
          expect(cycle[0]).toBe(cycle[cycle.length - 1]);
          for (let i = 0; i + 1 < cycle.length; i += 1) expect(hasEdge(String(cycle[i]), String(cycle[i + 1]))).toBe(true);
        }
      }),
    );
  });
});
