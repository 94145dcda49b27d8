import { describe, expect, it } from 'vitest';
import { isCampaignKitError, type CampaignKitError } from '../../src/core/errors.js';
import { parseInput } from '../../src/core/validate.js';
import { BudgetLineSchema, ExpenseSchema } from '../../src/model/budget.js';
import { CalendarSchema } from '../../src/model/calendar.js';
import { CampaignSchema } from '../../src/model/campaign.js';
import { DependencySchema } from '../../src/model/dependency.js';
import { BenchmarkSchema, KpiTargetSchema, MeasurementSchema, MetricDefinitionSchema } from '../../src/model/kpi.js';
import { ObjectiveSchema } from '../../src/model/objective.js';
import { TaskSchema } from '../../src/model/task.js';

function issuesOf(run: () => unknown): { path: readonly (string | number)[]; code: string }[] {
  try {
    run();
  } catch (e) {
    if (!isCampaignKitError(e, 'VALIDATION')) throw e;
    return ((e as CampaignKitError).details.issues ?? []).map(({ path, code }) => ({ path, code }));
  }
  throw new Error('expected a VALIDATION error');
}

const campaign = {
  id: 'launch-2026',
  name: 'Product launch',
  ownerId: 'm-li',
  plannedStart: '2026-03-02',
  plannedFinish: '2026-05-29',
  currency: 'CNY',
};

describe('CampaignSchema', () => {
  it('applies defaults to a minimal campaign', () => {
    expect(parseInput(CampaignSchema, campaign, 'campaign')).toEqual({
      ...campaign,
      objectiveIds: [],
      keyResultIds: [],
      type: 'general',
      status: 'draft',
      channels: [],
      tags: [],
    });
  });

  it('rejects a lower-case currency, an impossible date and a finish before the start', () => {
    expect(issuesOf(() => parseInput(CampaignSchema, { ...campaign, currency: 'cny', plannedStart: '2026-02-30' }))).toEqual([
      { path: ['plannedStart'], code: 'custom' },
      { path: ['currency'], code: 'invalid_format' },
    ]);
    expect(issuesOf(() => parseInput(CampaignSchema, { ...campaign, plannedFinish: '2026-03-01' }))).toEqual([
      { path: ['plannedFinish'], code: 'custom' },
    ]);
  });

  it('names the field and the fix in the message', () => {
    expect(() => parseInput(CampaignSchema, { ...campaign, name: '   ' }, 'campaign')).toThrow('Invalid campaign: name: must not be empty');
  });
});

describe('TaskSchema', () => {
  const task = { id: 't-brief', campaignId: 'launch-2026', name: 'Write the brief' };

  it('defaults to a one-day to-do task', () => {
    expect(parseInput(TaskSchema, task)).toMatchObject({
      duration: '1d',
      milestone: false,
      status: 'todo',
      statusCategory: 'todo',
      priority: 'medium',
      percentComplete: 0,
      assigneeIds: [],
      checklist: [],
    });
  });

  it('accepts Microsoft Project style durations and dated constraints', () => {
    for (const duration of ['30m', '4h', '2d', '1w', '1mo', '2ed', '1ew', '1.5d', { value: 3, unit: 'd' }]) {
      expect(parseInput(TaskSchema, { ...task, duration }).duration).toEqual(duration);
    }
    expect(parseInput(TaskSchema, { ...task, constraint: { type: 'SNET', date: '2026-03-09T08:00' } }).constraint).toEqual({
      type: 'SNET',
      date: '2026-03-09T08:00',
    });
  });

  it('rejects a bad duration, a dated constraint without a date and a percent over 100', () => {
    expect(
      issuesOf(() => parseInput(TaskSchema, { ...task, duration: 'two days', constraint: { type: 'MSO' }, percentComplete: 120 })),
    ).toEqual([
      { path: ['duration'], code: 'invalid_format' },
      { path: ['constraint', 'date'], code: 'invalid_type' },
      { path: ['percentComplete'], code: 'too_big' },
    ]);
  });

  it('rejects a task that is its own parent and an actual finish without an actual start', () => {
    expect(issuesOf(() => parseInput(TaskSchema, { ...task, parentId: 't-brief', actualFinish: '2026-03-03T17:00' }))).toEqual([
      { path: ['parentId'], code: 'custom' },
      { path: ['actualFinish'], code: 'custom' },
    ]);
  });
});

describe('DependencySchema', () => {
  const link = { id: 'd1', campaignId: 'launch-2026', from: 'a', to: 'b' };

  it('defaults to finish-to-start with no lag', () => {
    expect(parseInput(DependencySchema, link)).toEqual({ ...link, type: 'FS', lag: '0d' });
  });

  it('accepts leads and percent lags', () => {
    expect(parseInput(DependencySchema, { ...link, type: 'SS', lag: '-1d' }).lag).toBe('-1d');
    expect(parseInput(DependencySchema, { ...link, lag: '50%' }).lag).toBe('50%');
  });

  it('rejects a self-link and an unknown type', () => {
    expect(issuesOf(() => parseInput(DependencySchema, { ...link, to: 'a', type: 'XX' }))).toEqual([
      { path: ['type'], code: 'invalid_value' },
    ]);
    expect(issuesOf(() => parseInput(DependencySchema, { ...link, to: 'a' }))).toEqual([{ path: ['to'], code: 'custom' }]);
  });
});

describe('CalendarSchema', () => {
  it('accepts a week, a holiday range and a recurring exception', () => {
    const calendar = parseInput(CalendarSchema, {
      id: 'cn',
      name: 'Shanghai office',
      week: { mon: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '18:00' }], sat: [] },
      exceptions: [
        { name: 'National Day', from: '2026-10-01', to: '2026-10-07' },
        { name: 'Team day', from: '2026-01-01', to: '2026-12-31', recurrence: { type: 'monthlyWeekday', week: 'last', weekday: 'fri' } },
      ],
    });
    expect(calendar.exceptions[1]?.recurrence).toEqual({ type: 'monthlyWeekday', every: 1, week: 'last', weekday: 'fri' });
    expect(calendar.workWeeks).toEqual([]);
  });

  it('rejects overlapping periods, a period ending before it starts and a recurrence without an end', () => {
    expect(
      issuesOf(() =>
        parseInput(CalendarSchema, {
          id: 'x',
          name: 'Broken',
          week: { mon: [{ from: '09:00', to: '13:00' }, { from: '12:00', to: '18:00' }], tue: [{ from: '10:00', to: '09:00' }] },
          exceptions: [{ from: '2026-01-01', recurrence: { type: 'daily' } }],
        }),
      ),
    ).toEqual([
      { path: ['week', 'mon'], code: 'custom' },
      { path: ['week', 'tue', 0, 'to'], code: 'custom' },
      { path: ['exceptions', 0, 'recurrence'], code: 'custom' },
    ]);
  });
});

describe('money and KPI models', () => {
  it('refuses a float amount and a negative budget', () => {
    const line = { id: 'l1', campaignId: 'c', category: 'venue', planned: 100_000_00, currency: 'CNY' };
    expect(parseInput(BudgetLineSchema, line).kind).toBe('cost');
    expect(issuesOf(() => parseInput(BudgetLineSchema, { ...line, planned: -1 }))).toEqual([{ path: ['planned'], code: 'too_small' }]);
    expect(
      issuesOf(() =>
        parseInput(ExpenseSchema, { id: 'e1', campaignId: 'c', category: 'Venue', kind: 'actual', amount: 12.5, currency: 'CNY', date: '2026-03-05' }),
      ),
    ).toEqual([
      { path: ['category'], code: 'invalid_format' },
      { path: ['amount'], code: 'invalid_type' },
    ]);
  });

  it('checks periods of targets and objectives', () => {
    expect(
      issuesOf(() => parseInput(KpiTargetSchema, { id: 'k', campaignId: 'c', metric: 'CTR', target: 0.02, periodStart: '2026-03-31', periodEnd: '2026-03-01' })),
    ).toEqual([
      { path: ['metric'], code: 'invalid_format' },
      { path: ['periodEnd'], code: 'custom' },
    ]);
    expect(
      parseInput(ObjectiveSchema, { id: 'o', name: 'Grow leads', periodStart: '2026-01-01', periodEnd: '2026-06-30' }),
    ).toMatchObject({ weight: 1, progressSource: 'keyResults', keyResults: [] });
  });

  it('defaults metric inputs and aliases, and checks their names', () => {
    const definition = { id: 'vcr', name: 'Video completion', formula: 'completed / views', unit: 'percent', direction: 'higher' };
    expect(parseInput(MetricDefinitionSchema, definition)).toEqual({ ...definition, inputs: [], aliases: [] });
    expect(issuesOf(() => parseInput(MetricDefinitionSchema, { ...definition, inputs: ['Views'], aliases: ['VCR'] }))).toEqual([
      { path: ['inputs', 0], code: 'invalid_format' },
      { path: ['aliases', 0], code: 'invalid_format' },
    ]);
  });

  it('keeps at-risk tolerance at or above the on-track tolerance', () => {
    expect(issuesOf(() => parseInput(KpiTargetSchema, { id: 'k', campaignId: 'c', metric: 'cpl', target: 3000, tolerance: 0.1, atRiskTolerance: 0.05 }))).toEqual([
      { path: ['atRiskTolerance'], code: 'custom' },
    ]);
  });

  it('defaults a measurement to one day and checks its currency and input names', () => {
    const measurement = { id: 'm', campaignId: 'c', date: '2026-03-02', values: { clicks: 10 } };
    expect(parseInput(MeasurementSchema, measurement)).toEqual({ ...measurement, period: 'day' });
    expect(issuesOf(() => parseInput(MeasurementSchema, { ...measurement, currency: 'rmb', values: { Clicks: 1 } }))).toEqual([
      { path: ['currency'], code: 'invalid_format' },
      { path: ['values', 'Clicks'], code: 'invalid_key' },
    ]);
  });

  it('refuses a well-formed code that is not an active ISO 4217 currency, on every entity alike', () => {
    expect(issuesOf(() => parseInput(CampaignSchema, { ...campaign, currency: 'RMB' }))).toEqual([{ path: ['currency'], code: 'custom' }]);
    expect(issuesOf(() => parseInput(MeasurementSchema, { id: 'm', campaignId: 'c', date: '2026-03-02', currency: 'RMB', values: {} }))).toEqual([
      { path: ['currency'], code: 'custom' },
    ]);
  });

  it('accepts industry and historical benchmarks only', () => {
    expect(parseInput(BenchmarkSchema, { metric: 'ctr', channel: 'short-video', value: 0.011, source: 'industry' }).source).toBe('industry');
    expect(issuesOf(() => parseInput(BenchmarkSchema, { metric: 'ctr', value: 0.011, source: 'guess' }))).toEqual([{ path: ['source'], code: 'invalid_value' }]);
  });
});
