import { parseInput } from '../../core/validate.js';
import type { ReportDocument } from '../document/reportDocument.js';
import { progressReport } from './_progressReport.js';
import { ProgressReportInputSchema, type ProgressReportInput } from './progressReportInput.js';

/**
 * The daily report (日报) of a campaign or a member, from the previous report to `period.to`:
 * what finished, what started, what is late and why (days late counted in calendar days to the
 * report's day; `critical` from `criticalDaysLate`), spend since the last report by category with
 * a total, KPI movement (previous, current, change, target), decisions waiting with their SLA due
 * (`critical` once past it) and who is asked, and tomorrow's deadlines. An empty section says so
 * ("Nothing finished today" / "今日无完成任务") rather than vanish.
 *
 * @throws CampaignKitError `VALIDATION` for a malformed input (with the path of the first problem).
 * @example
 * ```ts
 * const doc = dailyReport({
 *   subject: { kind: 'campaign', name: 'Spring launch' },
 *   period: { from: '2026-03-02T18:00', to: '2026-03-03T18:00' },
 *   generatedAt: '2026-03-03T10:00:00Z',
 *   currency: 'CNY',
 *   finished: [{ task: 'Key visual', owner: 'Li Lei', finishedAt: '2026-03-03T11:30' }],
 * });
 * renderMarkdown(doc, { locale: 'zh-CN' }); // '# 日报\n\n- **活动：** Spring launch\n…'
 * ```
 */
export function dailyReport(input: ProgressReportInput): ReportDocument {
  return progressReport(parseInput(ProgressReportInputSchema, input, 'daily report input'), {
    title: 'daily.title',
    finishedEmpty: 'daily.finished.empty',
    startedEmpty: 'daily.started.empty',
    deadlines: 'daily.deadlines',
    deadlinesEmpty: 'daily.deadlines.empty',
  });
}
