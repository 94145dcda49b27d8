import { produce } from 'immer';
import { parseInput } from '../../core/validate.js';
import type { Approval, ApprovalRound } from '../../model/approval.js';
import { InstantSchema } from '../../model/primitives.js';
import { calendarContextOf, CalendarOptionsSchema, type CalendarOptionsInput } from '../calendarOptions.js';
import { localDateTime } from '../_time.js';
import type { ApprovalEscalatedEvent, CommandResult } from '../events.js';
import { stageDueAt } from './approvalDueAt.js';
import { latestRound, parseApproval, waitingApprovers } from '../_approvalRounds.js';

/** Context of {@link escalateApproval}: the time and the calendar. */
export const EscalateContextSchema = CalendarOptionsSchema.extend({
  /** The current instant. */
  now: InstantSchema,
});

/** Context of {@link escalateApproval}: the time and the calendar (no actor: the host's scheduler runs it). */
export interface EscalateContextInput extends CalendarOptionsInput {
  /** The current instant. */
  readonly now: string;
}

/**
 * Escalates a pending approval whose current stage has passed its SLA: records the escalation in
 * the round and emits `approval.escalated` naming the stage's `escalateToRole` and the approvers
 * still waiting. Does nothing (same state, no events) when the SLA has not passed, the stage names
 * no role, or the stage was already escalated in this round, so the host can call it on every tick.
 *
 * @example
 * ```ts
 * escalateApproval(pending, { now: '2026-03-10T01:00:00Z', timeZone: 'Asia/Shanghai' });
 * // { state: { ..., rounds: [{ ..., escalations: [{ stage: 0, toRole: 'admin', at: '2026-03-10T01:00:00Z' }] }] },
 * //   events: [{ type: 'approval.escalated', toRole: 'admin', waitingFor: ['m-li'], dueAt: '2026-03-09T16:00', ... }] }
 * ```
 */
export function escalateApproval(given: Approval, context: EscalateContextInput): CommandResult<Approval, ApprovalEscalatedEvent> {
  const approval = parseApproval(given);
  const options = parseInput(EscalateContextSchema, context, 'escalation context');
  const { now } = options;
  const { calendar, timeZone } = calendarContextOf(options);
  // Nothing to do: the state is the approval given, unchanged.
  const unchanged = { state: given, events: [] };
  const round = latestRound(approval);
  const dueAt = stageDueAt(approval, calendar, timeZone);
  if (round === undefined || dueAt === null) return unchanged;
  const stage = approval.stages[round.currentStage];
  const toRole = stage?.escalateToRole;
  if (stage === undefined || toRole === undefined) return unchanged;
  if (localDateTime(now, timeZone) <= dueAt) return unchanged;
  if (round.escalations.some((e) => e.stage === round.currentStage)) return unchanged;
  const state = produce(approval, (draft) => {
    (draft.rounds[draft.rounds.length - 1] as ApprovalRound).escalations.push({ stage: round.currentStage, toRole, at: now });
  });
  const event: ApprovalEscalatedEvent = {
    type: 'approval.escalated',
    approvalId: approval.id,
    campaignId: approval.campaignId,
    subject: approval.subject,
    round: approval.rounds.length,
    stage: round.currentStage,
    stageName: stage.name,
    toRole,
    waitingFor: waitingApprovers(approval),
    dueAt,
    at: now,
  };
  return { state, events: [event] };
}
