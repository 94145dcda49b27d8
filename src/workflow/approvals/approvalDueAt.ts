import type { WorkingCalendar } from '../../calendar/workingCalendar.js';
import type { Approval } from '../../model/approval.js';
import { calendarContext, type CalendarOptionsInput } from '../calendarOptions.js';
import { localDateTime } from '../_time.js';
import { latestRound, parseApproval } from '../_approvalRounds.js';

/** When the current stage's SLA ends, local to the calendar; `null` without an SLA or when not pending. */
export function stageDueAt(approval: Approval, calendar: WorkingCalendar, timeZone: string): string | null {
  const round = latestRound(approval);
  if (approval.status !== 'pending' || round === undefined) return null;
  const stage = approval.stages[round.currentStage];
  if (stage?.slaHours === undefined) return null;
  if (stage.slaBasis === 'elapsed') return localDateTime(Date.parse(round.stageStartedAt) + stage.slaHours * 3_600_000, timeZone);
  const start = calendar.nextWorkingStart(localDateTime(round.stageStartedAt, timeZone));
  return calendar.addWorkingMinutes(start, Math.round(stage.slaHours * 60));
}

/**
 * When the SLA of a pending approval's current stage ends, as a local date-time on the calendar:
 * the stage's start (the submission, or the previous stage's completion) plus `slaHours` working
 * hours on the calendar, or plus elapsed hours when the stage's `slaBasis` is `elapsed`. `null` when
 * the stage has no SLA or the approval is not pending.
 *
 * @example
 * ```ts
 * // submitted Friday 2026-03-06 16:00 Shanghai time, an 8-working-hour SLA on the Standard calendar
 * approvalDueAt(approval, { timeZone: 'Asia/Shanghai' }); // '2026-03-09T16:00'
 * ```
 */
export function approvalDueAt(approval: Approval, options: CalendarOptionsInput = {}): string | null {
  const parsed = parseApproval(approval);
  const { calendar, timeZone } = calendarContext(options);
  return stageDueAt(parsed, calendar, timeZone);
}
