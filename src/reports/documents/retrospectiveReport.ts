import * as z from 'zod';
import { subtractMoney, sumMoney } from '../../core/money.js';
import { parseInput } from '../../core/validate.js';
import type { ReportBlock, ReportDocument, ReportRow } from '../document/reportDocument.js';
import { categoryText, column, fact, metricValue, msg, table, text } from './_common.js';
import { varianceRate } from './_exact.js';
import { RetrospectiveReportInputSchema, type RetrospectiveReportInput } from './retrospectiveReportInput.js';

type Input = z.output<typeof RetrospectiveReportInputSchema>;

/**
 * The campaign retrospective (复盘报告): the seed table 活动名称 / 关键指标 / 目标值 / 实际值 /
 * 差异率 / 原因分析 / 改进方向 (Campaign / Key metric / Target / Actual / Variance / Cause analysis /
 * Improvement), with 差异率 = (actual − target) / |target| as a signed percent (n/a for a target
 * of 0 or no actual); schedule variance against the baseline in working days; stage cycle times
 * against their SLAs (met when the actual is within the SLA); budget variance by category
 * (actual − planned, and its rate over planned); and the lessons learned. Rates are exact and
 * rounded once for display.
 *
 * @throws CampaignKitError `VALIDATION` for a malformed input (with the path of the first problem).
 * @example
 * ```ts
 * const doc = retrospectiveReport({
 *   campaign: 'Spring launch', period: { from: '2026-03-01', to: '2026-03-31' },
 *   generatedAt: '2026-04-02T02:00:00Z', currency: 'CNY',
 *   kpis: [{ activity: 'Trade show', metric: 'Signed deals', unit: 'count', target: 3, actual: 2, reason: 'Booth far from the entrance' }],
 * });
 * renderMarkdown(doc, { locale: 'zh-CN' });
 * // … | 活动名称 | 关键指标 | 目标值 | 实际值 | 差异率 | 原因分析 | 改进方向 | …
 * // … | Trade show | Signed deals | 3 | 2 | -33.33% | Booth far from the entrance | — | …
 * ```
 */
export function retrospectiveReport(input: RetrospectiveReportInput): ReportDocument {
  const parsed = parseInput(RetrospectiveReportInputSchema, input, 'retrospective report input');
  return {
    title: msg('retro.title'),
    meta: [
      fact('meta.campaign', text(parsed.campaign)),
      fact('meta.period', text({ key: 'value.range', params: { from: { kind: 'date', value: parsed.period.from }, to: { kind: 'date', value: parsed.period.to } } })),
      fact('meta.generatedAt', { kind: 'datetime', value: parsed.generatedAt }),
    ],
    sections: [
      { heading: msg('retro.kpis'), blocks: [kpis(parsed)] },
      { heading: msg('retro.schedule'), blocks: [schedule(parsed)] },
      { heading: msg('retro.stages'), blocks: [stages(parsed)] },
      { heading: msg('retro.budget'), blocks: [budget(parsed)] },
      { heading: msg('retro.lessons'), blocks: [lessons(parsed)] },
    ],
  };
}

function note(value: string | undefined) {
  return value === undefined || value.trim() === '' ? msg('value.notSet') : value;
}

function kpis(input: Input): ReportBlock {
  // No row status here: the seed table has exactly its seven columns, and a status would add one.
  const rows: ReportRow[] = input.kpis.map((kpi) => ({
    cells: [
      kpi.activity,
      kpi.metric,
      metricValue(kpi.unit, kpi.target, input.currency),
      metricValue(kpi.unit, kpi.actual, input.currency),
      varianceRate(kpi.actual, kpi.target),
      note(kpi.reason),
      note(kpi.improvement),
    ],
  }));
  const columns = [
    column('retro.column.activity', 'text'),
    column('retro.column.metric', 'text'),
    column('retro.column.target', 'number'),
    column('retro.column.actual', 'number'),
    column('retro.column.variance', 'percent', { signed: true }),
    column('retro.column.cause', 'text'),
    column('retro.column.improvement', 'text'),
  ];
  return table(columns, rows, 'retro.kpis.empty');
}

function schedule(input: Input): ReportBlock {
  const rows: ReportRow[] = input.schedule.map((item) => ({
    cells: [item.task, item.baselineFinish, item.actualFinish ?? msg('value.notSet'), item.varianceMinutes],
    ...(item.varianceMinutes > 0 ? { status: 'warning' as const } : {}),
  }));
  const columns = [
    column('column.task', 'text'),
    column('column.baselineFinish', 'datetime'),
    column('column.actualFinish', 'datetime'),
    column('column.varianceDays', 'duration', { signed: true, minutesPerDay: input.minutesPerDay }),
  ];
  return table(columns, rows, 'retro.schedule.empty');
}

function stages(input: Input): ReportBlock {
  const rows: ReportRow[] = input.stages.map((stage) => {
    const met = stage.actualMinutes <= stage.slaMinutes;
    return { cells: [stage.stage, stage.slaMinutes, stage.actualMinutes, msg(met ? 'sla.met' : 'sla.missed')], status: met ? 'ok' : 'critical' };
  });
  const days = { minutesPerDay: input.minutesPerDay };
  const columns = [column('column.stage', 'text'), column('column.slaDays', 'duration', days), column('column.actualDays', 'duration', days), column('column.slaResult', 'text')];
  return table(columns, rows, 'retro.stages.empty');
}

function budget(input: Input): ReportBlock {
  const { currency } = input;
  const line = (label: ReportRow['cells'][number], planned: number, actual: number, total = false): ReportRow => {
    const variance = subtractMoney({ amount: actual, currency }, { amount: planned, currency });
    return {
      cells: [label, { amount: planned, currency }, { amount: actual, currency }, variance, varianceRate(actual, planned)],
      ...(variance.amount > 0 ? { status: 'warning' as const } : {}),
      ...(total ? { total } : {}),
    };
  };
  const rows = input.budget.map((item) => line(categoryText(item.category), item.planned, item.actual));
  if (rows.length > 0) {
    const planned = sumMoney(input.budget.map((item) => ({ amount: item.planned, currency })), currency).amount;
    const actual = sumMoney(input.budget.map((item) => ({ amount: item.actual, currency })), currency).amount;
    rows.push(line(msg('row.total'), planned, actual, true));
  }
  const columns = [
    column('column.category', 'text'),
    column('column.planned', 'money'),
    column('column.actual', 'money'),
    column('column.variance', 'money', { signed: true }),
    column('column.varianceRate', 'percent', { signed: true }),
  ];
  return table(columns, rows, 'retro.budget.empty');
}

function lessons(input: Input): ReportBlock {
  const rows: ReportRow[] = input.lessons.map((lesson) => ({
    cells: [lesson.text, lesson.category ?? msg('value.notSet'), lesson.tags.length === 0 ? msg('value.notSet') : [...lesson.tags]],
  }));
  return table([column('column.lesson', 'text'), column('column.category', 'text'), column('column.tags', 'text')], rows, 'retro.lessons.empty');
}
