import { describe, expect, it } from 'vitest';
import { checkBenchmarks } from '../../src/kpi/checkBenchmarks.js';
import { errorOf } from '../_support/errors.js';

const benchmarks = [
  { metric: 'ctr', channel: 'short-video', value: 0.02, source: 'industry' as const, reference: 'Platform ads report 2025' },
  { metric: 'ctr', value: 0.01, source: 'industry' as const },
  { metric: 'ctr', channel: 'short-video', value: 0.016, source: 'historical' as const },
  { metric: 'cpc', value: 200, source: 'historical' as const, tolerance: 0.2 },
];

describe('checkBenchmarks', () => {
  it('alerts when a short-video ad CTR falls below the industry average by more than the tolerance', () => {
    const alerts = checkBenchmarks({ actuals: [{ metric: 'ctr', channel: 'short-video', campaignId: 'launch', value: 0.015 }], benchmarks });
    expect(alerts).toEqual([
      {
        metric: 'ctr', channel: 'short-video', campaignId: 'launch', actual: 0.015, benchmark: benchmarks[0],
        deviationRate: -0.25, side: 'below', worse: true, message: 'ctr on short-video is 25 % below the industry benchmark',
      },
    ]);
  });

  it('checks industry and historical benchmarks separately', () => {
    const alerts = checkBenchmarks({ actuals: [{ metric: 'ctr', channel: 'short-video', value: 0.012 }], benchmarks });
    expect(alerts.map((a) => [a.benchmark.source, a.deviationRate])).toEqual([
      ['industry', -0.4],
      ['historical', -0.25],
    ]);
  });

  it('falls back to the channel-less benchmark', () => {
    const alerts = checkBenchmarks({ actuals: [{ metric: 'ctr', channel: 'search', value: 0.0089 }], benchmarks });
    expect(alerts.map((a) => [a.benchmark.value, a.deviationRate])).toEqual([[0.01, -0.11]]);
  });

  it('stays quiet within the tolerance, and at exactly the tolerance', () => {
    expect(checkBenchmarks({ actuals: [{ metric: 'ctr', channel: 'search', value: 0.009 }], benchmarks })).toEqual([]);
    expect(checkBenchmarks({ actuals: [{ metric: 'ctr', channel: 'search', value: 0.0095 }], benchmarks })).toEqual([]);
  });

  it('alerts on a lower-is-better metric above its benchmark, using the benchmark tolerance', () => {
    expect(checkBenchmarks({ actuals: [{ metric: 'cpc', value: 240 }], benchmarks })).toEqual([]);
    expect(checkBenchmarks({ actuals: [{ metric: 'cpc', value: 250 }], benchmarks })).toMatchObject([{ side: 'above', worse: true, deviationRate: 0.25 }]);
    expect(checkBenchmarks({ actuals: [{ metric: 'cpc', value: 100 }], benchmarks })).toEqual([]);
  });

  it('also alerts on unusually good values when asked', () => {
    const alerts = checkBenchmarks({ actuals: [{ metric: 'cpc', value: 100 }], benchmarks, alertOn: 'both' });
    expect(alerts).toMatchObject([{ side: 'below', worse: false, deviationRate: -0.5, message: 'cpc is 50 % below the historical benchmark' }]);
  });

  it('skips values that could not be computed and metrics without benchmarks', () => {
    expect(checkBenchmarks({ actuals: [{ metric: 'ctr', value: null }, { metric: 'cpl', value: 1 }], benchmarks })).toEqual([]);
  });

  it('rejects two benchmarks for the same metric, channel and source, and unknown metrics', () => {
    const error = errorOf(() => checkBenchmarks({ actuals: [], benchmarks: [benchmarks[1], { ...benchmarks[1], value: 0.02 }] }), 'VALIDATION');
    expect(error.details.issues?.[0]?.path).toEqual(['benchmarks', 1]);
    expect(errorOf(() => checkBenchmarks({ actuals: [{ metric: 'vtr', value: 1 }], benchmarks: [] }), 'NOT_FOUND').details.ids).toEqual(['vtr']);
  });
});
