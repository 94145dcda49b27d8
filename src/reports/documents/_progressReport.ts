import * as z from 'zod';
import { sumMoney } from '../../core/money.js';
import { localDateTimeMinutes } from '../../model/primitives.js';
import type { ReportBlock, ReportColumn, ReportDocument, ReportRow, ReportSection } from '../document/reportDocument.js';
import type { MessageKey } from '../i18n/messageCatalogue.js';
import type { Text } from '../i18n/reportValue.js';
import { categoryText, column, fact, metricValue, msg, table, targetStatus, text } from './_common.js';
import { difference } from './_exact.js';
import { ProgressReportInputSchema } from './progressReportInput.js';

type Input = z.output<typeof ProgressReportInputSchema>;

/** What differs between the daily and the weekly report: the words for "today" and "next". */
export interface Cadence {
  readonly title: MessageKey;
  readonly finishedEmpty: MessageKey;
  readonly startedEmpty: MessageKey;
  readonly deadlines: MessageKey;
  readonly deadlinesEmpty: MessageKey;
}

const MINUTES_PER_DAY = 1440;

/**
 * The daily or weekly report of a parsed input. Every section is always there: an empty one says
 * so, because "nothing is late" is news a manager wants to read too.
 */
export function progressReport(input: Input, cadence: Cadence): ReportDocument {
  const subject: MessageKey = input.subject.kind === 'campaign' ? 'meta.campaign' : 'meta.member';
  const sections: ReportSection[] = [
    section('progress.finished', tasks(input, cadence.finishedEmpty, 'column.finishedAt', input.finished.map((t) => ({ ...t, at: t.finishedAt })))),
    section('progress.started', tasks(input, cadence.startedEmpty, 'column.startedAt', input.started.map((t) => ({ ...t, at: t.startedAt })))),
    section('progress.late', late(input)),
    section('progress.spend', spend(input)),
    section('progress.kpis', kpis(input)),
    section('progress.approvals', decisions(input)),
    section(cadence.deadlines, tasks(input, cadence.deadlinesEmpty, 'column.due', input.deadlines.map((t) => ({ ...t, at: t.due })))),
  ];
  return {
    title: msg(cadence.title),
    meta: [
      fact(subject, text(input.subject.name)),
      fact('meta.period', text({ key: 'value.range', params: { from: { kind: 'datetime', value: input.period.from }, to: { kind: 'datetime', value: input.period.to } } })),
      fact('meta.generatedAt', { kind: 'datetime', value: input.generatedAt }),
    ],
    sections,
  };
}

function section(heading: MessageKey, block: ReportBlock): ReportSection {
  return { heading: msg(heading), blocks: [block] };
}

/** The column naming who or where: the owner in a campaign's report, the campaign in a member's. */
function whoColumn(input: Input): ReportColumn {
  return column(input.subject.kind === 'campaign' ? 'column.owner' : 'column.campaign', 'text');
}

function who(input: Input, item: { readonly owner?: string; readonly campaign?: string }): Text {
  return (input.subject.kind === 'campaign' ? item.owner : item.campaign) ?? msg('value.notSet');
}

function tasks(input: Input, empty: MessageKey, when: MessageKey, items: readonly { task: string; owner?: string; campaign?: string; at: string }[]): ReportBlock {
  const rows: ReportRow[] = items.map((item) => ({ cells: [item.task, who(input, item), item.at] }));
  return table([column('column.task', 'text'), whoColumn(input), column(when, 'datetime')], rows, empty);
}

/** Whole calendar days from the due day to the report's day (a task due yesterday is 1 day late). */
function daysLate(due: string, at: string): number {
  const days = Math.floor(localDateTimeMinutes(at) / MINUTES_PER_DAY) - Math.floor(localDateTimeMinutes(due) / MINUTES_PER_DAY);
  return Math.max(0, days);
}

function late(input: Input): ReportBlock {
  const rows: ReportRow[] = input.late.map((item) => {
    const days = daysLate(item.due, input.period.to);
    return {
      cells: [item.task, who(input, item), item.due, days, item.reason === undefined || item.reason.trim() === '' ? msg('value.notSet') : item.reason],
      status: days >= input.criticalDaysLate ? 'critical' : 'warning',
    };
  });
  const columns = [column('column.task', 'text'), whoColumn(input), column('column.due', 'datetime'), column('column.daysLate', 'number'), column('column.reason', 'text')];
  return table(columns, rows, 'progress.late.empty');
}

function spend(input: Input): ReportBlock {
  const { currency } = input;
  const rows: ReportRow[] = input.spend.map((item) => ({ cells: [categoryText(item.category), { amount: item.amount, currency }] }));
  if (rows.length > 0) {
    const total = sumMoney(input.spend.map((item) => ({ amount: item.amount, currency })), currency);
    rows.push({ cells: [msg('row.total'), total], total: true });
  }
  return table([column('column.category', 'text'), column('column.amount', 'money')], rows, 'progress.spend.empty');
}

function kpis(input: Input): ReportBlock {
  const { currency } = input;
  const rows: ReportRow[] = input.kpis.map((kpi) => {
    const change = kpi.previous === null || kpi.current === null ? null : difference(kpi.current, kpi.previous);
    const status = targetStatus(kpi.status);
    return {
      cells: [
        kpi.metric,
        metricValue(kpi.unit, kpi.previous, currency),
        metricValue(kpi.unit, kpi.current, currency),
        metricValue(kpi.unit, change, currency, true),
        kpi.target === undefined ? msg('value.notSet') : metricValue(kpi.unit, kpi.target, currency),
      ],
      ...(status === undefined ? {} : { status }),
    };
  });
  const columns = [column('column.metric', 'text'), column('column.previous', 'number'), column('column.current', 'number'), column('column.change', 'number'), column('column.target', 'number')];
  return table(columns, rows, 'progress.kpis.empty');
}

function decisions(input: Input): ReportBlock {
  const now = localDateTimeMinutes(input.period.to);
  const rows: ReportRow[] = input.decisions.map((item) => ({
    cells: [
      item.title,
      item.stage ?? msg('value.notSet'),
      item.waitingOn.length === 0 ? msg('value.notSet') : [...item.waitingOn],
      item.submittedAt ?? msg('value.notSet'),
      item.due ?? msg('value.notSet'),
    ],
    // Past its SLA at the report's instant: someone has to chase it.
    ...(item.due !== undefined && localDateTimeMinutes(item.due) < now ? { status: 'critical' as const } : {}),
  }));
  const columns = [column('column.approval', 'text'), column('column.stage', 'text'), column('column.waitingOn', 'text'), column('column.submittedAt', 'datetime'), column('column.slaDue', 'datetime')];
  return table(columns, rows, 'progress.approvals.empty');
}
