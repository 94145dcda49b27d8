import { parseInput } from '../../core/validate.js';
import { ApprovalSchema, type Approval, type ApprovalInput } from '../../model/approval.js';

/**
 * Validates a new approval process and returns it as a draft (no rounds yet): submit it with
 * {@link submitApproval}. Stages run in order; each has parallel approvers and a rule (`all` or
 * `any`), an optional SLA in working (or elapsed) hours and a role to escalate to.
 *
 * @example
 * ```ts
 * createApproval({
 *   id: 'ap-kv', campaignId: 'launch', title: 'Key visual v2',
 *   subject: { type: 'deliverable', id: 'att-kv', version: 2 },
 *   stages: [
 *     { name: 'Brand', approvers: ['m-li'], slaHours: 8, escalateToRole: 'admin' },
 *     { name: 'Legal', approvers: ['m-fa', 'm-qi'], rule: 'any' },
 *   ],
 * });
 * // { ..., status: 'draft', rounds: [], required: true, stages: [{ ..., rule: 'all', slaBasis: 'working' }, ...] }
 * ```
 */
export function createApproval(input: Omit<ApprovalInput, 'status' | 'rounds'>): Approval {
  return parseInput(ApprovalSchema, { ...input, status: 'draft', rounds: [] }, 'approval');
}
