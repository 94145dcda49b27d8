import { parseInput } from '../../core/validate.js';
import type { ReportDocument } from '../document/reportDocument.js';
import { progressReport } from './_progressReport.js';
import { ProgressReportInputSchema, type ProgressReportInput } from './progressReportInput.js';

/**
 * The weekly report (周报) of a campaign or a member: the same sections as {@link dailyReport}
 * over a week, with next week's deadlines ("Nothing finished this week" / "本周无完成任务" when a
 * section is empty).
 *
 * @throws CampaignKitError `VALIDATION` for a malformed input (with the path of the first problem).
 * @example
 * ```ts
 * const doc = weeklyReport({
 *   subject: { kind: 'member', name: 'Han Mei' },
 *   period: { from: '2026-03-02T09:00', to: '2026-03-09T09:00' },
 *   generatedAt: '2026-03-09T01:00:00Z',
 *   currency: 'CNY',
 *   late: [{ task: 'Venue contract', campaign: 'Spring launch', due: '2026-03-05T17:00', reason: 'Waiting for legal' }],
 * });
 * doc.sections[2].blocks[0]; // { type: 'table', rows: [{ cells: ['Venue contract', 'Spring launch', '2026-03-05T17:00', 4, 'Waiting for legal'], status: 'critical' }], … }
 * ```
 */
export function weeklyReport(input: ProgressReportInput): ReportDocument {
  return progressReport(parseInput(ProgressReportInputSchema, input, 'weekly report input'), {
    title: 'weekly.title',
    finishedEmpty: 'weekly.finished.empty',
    startedEmpty: 'weekly.started.empty',
    deadlines: 'weekly.deadlines',
    deadlinesEmpty: 'weekly.deadlines.empty',
  });
}
