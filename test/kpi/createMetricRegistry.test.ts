import { describe, expect, it } from 'vitest';
import type { MetricDefinitionInput } from '../../src/model/kpi.js';
import { BUILT_IN_METRICS } from '../../src/kpi/builtInMetrics.js';
import { computeMetrics, explainMetrics } from '../../src/kpi/computeMetrics.js';
import { createMetricRegistry, defaultMetricRegistry } from '../../src/kpi/createMetricRegistry.js';
import { errorOf } from '../_support/errors.js';

function metric(id: string, formula: string, inputs: string[] = []): MetricDefinitionInput {
  return { id, name: id, formula, inputs, unit: 'ratio', direction: 'higher' };
}

describe('the default registry', () => {
  it('holds every built-in metric, frozen, with lower-case ids', () => {
    expect(defaultMetricRegistry.ids).toEqual(BUILT_IN_METRICS.map((m) => m.id));
    for (const m of defaultMetricRegistry.list()) {
      expect(m.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(m.builtIn).toBe(true);
      expect(Object.isFrozen(m)).toBe(true);
      expect(Object.isFrozen(m.expression)).toBe(true);
      expect(m.source).toBeTruthy();
    }
    expect(Object.isFrozen(BUILT_IN_METRICS)).toBe(true);
    expect(Object.isFrozen(defaultMetricRegistry)).toBe(true);
  });

  it('maps the Chinese e-commerce ROI (投产比) to ROAS, never to ROI', () => {
    expect(defaultMetricRegistry.resolve('roi_cn')).toBe('roas');
    expect(defaultMetricRegistry.get('roi_cn')?.formula).toBe('revenue / spend');
    expect(defaultMetricRegistry.get('roi')?.formula).toBe('(revenue - cost) / cost');
  });

  it('lists the inputs each metric needs, through the metrics it builds on', () => {
    expect(defaultMetricRegistry.get('ltv')?.requiredInputs).toEqual(['customer_lifespan', 'customers', 'orders', 'revenue']);
    expect(defaultMetricRegistry.get('ltv')?.metricRefs).toEqual(['aov', 'purchase_frequency']);
    expect(defaultMetricRegistry.get('reach')?.requiredInputs).toEqual(['reach']);
  });

  it('marks cost metrics lower-is-better and rates higher-is-better', () => {
    for (const id of ['cpc', 'cpm', 'cpl', 'cpa', 'cac']) expect(defaultMetricRegistry.get(id)?.direction).toBe('lower');
    for (const id of ['ctr', 'cvr', 'roas', 'roi', 'engagement_rate']) expect(defaultMetricRegistry.get(id)?.direction).toBe('higher');
  });
});

describe('createMetricRegistry with custom metrics', () => {
  const registry = createMetricRegistry([
    metric('video_completion', 'completed_views / views', ['completed_views', 'views']),
    { ...metric('blended_cpl', 'cpl * (1 + agency_fee_rate)', ['agency_fee_rate']), unit: 'currency', direction: 'lower', aliases: ['cpl_blended'] },
    metric('safe_cpc', 'if(clicks > 0, spend / clicks, 0)', ['spend', 'clicks']),
    metric('capped_roas', 'min(roas, 10)'),
  ]);

  it('computes custom metrics over inputs and other metrics', () => {
    expect(computeMetrics({ completed_views: 300, views: 1_200 }, ['video_completion'], { registry })).toEqual({ video_completion: 0.25 });
    expect(computeMetrics({ spend: 100_000, leads: 40, agency_fee_rate: 0.15 }, ['blended_cpl', 'cpl_blended'], { registry })).toEqual({
      blended_cpl: 2_875,
      cpl_blended: 2_875,
    });
    expect(computeMetrics({ revenue: 2_400_000, spend: 100_000 }, ['capped_roas'], { registry })).toEqual({ capped_roas: 10 });
  });

  it('evaluates only the branch if() picks, so a guard avoids the division by zero', () => {
    expect(explainMetrics({ spend: 5_000, clicks: 0 }, ['safe_cpc', 'cpc'], { registry })).toEqual({
      safe_cpc: { value: 0 },
      cpc: { value: null, reason: { code: 'DIVISION_BY_ZERO', denominator: 'clicks', message: 'division by zero: clicks is 0' } },
    });
  });

  it('includes custom metrics in the no-ids mode, after the built-ins', () => {
    const all = computeMetrics({ completed_views: 1, views: 4 }, undefined, { registry });
    expect(all).toEqual({ video_completion: 0.25 });
    expect(registry.ids.slice(-4)).toEqual(['video_completion', 'blended_cpl', 'safe_cpc', 'capped_roas']);
  });

  it('lets an input shadow a metric of the same name', () => {
    const r = createMetricRegistry([metric('paid_leads', 'leads - organic', ['leads', 'organic'])]);
    expect(computeMetrics({ leads: 90, organic: 30 }, ['paid_leads'], { registry: r })).toEqual({ paid_leads: 60 });
  });

  it('does not change the default registry', () => {
    expect(defaultMetricRegistry.get('video_completion')).toBeUndefined();
    expect(() => computeMetrics({ views: 1 }, ['video_completion'])).toThrow('Unknown metric id: video_completion');
  });
});

describe('createMetricRegistry rejects bad definitions', () => {
  it('refuses to redefine a built-in, with a clear error', () => {
    const error = errorOf(() => createMetricRegistry([metric('ctr', 'link_clicks / impressions', ['link_clicks', 'impressions'])]), 'CONFLICT');
    expect(error.message).toBe('Metric "ctr" is built in and cannot be redefined; give yours another id, e.g. "ctr_custom"');
    expect(error.details.ids).toEqual(['ctr']);
    expect(errorOf(() => createMetricRegistry([metric('roi_cn', '1')]), 'CONFLICT').message).toContain('"roi_cn" is built in');
  });

  it('refuses duplicate ids and aliases', () => {
    expect(errorOf(() => createMetricRegistry([metric('a', '1'), metric('a', '2')]), 'CONFLICT').message).toContain('Metric id "a" is already taken');
    const alias = { ...metric('b', '1'), aliases: ['cpc'] };
    expect(errorOf(() => createMetricRegistry([alias]), 'CONFLICT').message).toBe(
      'Alias "cpc" of metric "b" is already taken by metric "cpc"; metric ids and aliases must be unique',
    );
  });

  it('rejects a name that is neither a declared input nor a metric, pointing at it', () => {
    const error = errorOf(() => createMetricRegistry([metric('typo', 'clicks / impresions', ['clicks'])]), 'PARSE');
    expect(error.details).toMatchObject({ metric: 'typo', position: 9, name: 'impresions', formula: 'clicks / impresions' });
    expect(error.message).toBe(
      'Metric "typo": Cannot use formula "clicks / impresions" at position 9: unknown name "impresions"; list it in inputs or define a metric with that id',
    );
  });

  it('reports a syntax error with the metric id', () => {
    const error = errorOf(() => createMetricRegistry([metric('broken', 'clicks /', ['clicks'])]), 'PARSE');
    expect(error.details).toMatchObject({ metric: 'broken', position: 8 });
  });

  it('rejects circular definitions with the cycle in order', () => {
    const error = errorOf(() => createMetricRegistry([metric('a', 'b + 1'), metric('b', 'c * 2'), metric('c', 'a - 1')]), 'CYCLE');
    expect(error.details.cycle).toEqual(['a', 'b', 'c', 'a']);
    expect(error.message).toContain('a → b → c → a');
    expect(errorOf(() => createMetricRegistry([metric('self', 'self + 1')]), 'CYCLE').details.cycle).toEqual(['self', 'self']);
  });

  it('finds a cycle that does not start at the first metric', () => {
    const error = errorOf(() => createMetricRegistry([metric('ok', 'ctr * 2'), metric('x', 'ok + y'), metric('y', 'x')]), 'CYCLE');
    expect(error.details.cycle).toEqual(['x', 'y', 'x']);
  });

  it('validates the definitions themselves', () => {
    const error = errorOf(() => createMetricRegistry([{ ...metric('Bad Id', '1'), unit: 'yuan' } as unknown as MetricDefinitionInput]), 'VALIDATION');
    expect(error.details.issues?.map((i) => i.path)).toEqual([
      [0, 'id'],
      [0, 'unit'],
    ]);
  });
});
