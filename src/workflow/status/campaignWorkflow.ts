import * as z from 'zod';
import { CampaignKitError } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';
import { ApprovalSchema, type Approval } from '../../model/approval.js';
import { CAMPAIGN_STATUSES, CampaignSchema, type Campaign, type CampaignStatus } from '../../model/campaign.js';
import { TaskSchema, type Task } from '../../model/task.js';

/**
 * The campaign lifecycle as a workflow with guards, like a task's: a draft is approved once its
 * initiation approval (立项审批, an approval whose subject is the campaign) is approved, runs while
 * active (and may pause), and closes once every task is done or cancelled. Any open campaign may
 * be cancelled, with a reason.
 */

/** Why a campaign cannot move yet. */
export type CampaignGuard = 'initiationApproved' | 'tasksFinished';

/** One allowed move of the campaign lifecycle. */
export interface CampaignTransition {
  /** From. */
  readonly from: CampaignStatus;
  /** To. */
  readonly to: CampaignStatus;
  /** What must hold first. */
  readonly guards: readonly CampaignGuard[];
  /** Whether the move needs a comment (a reason). */
  readonly commentRequired: boolean;
}

const OPEN: readonly CampaignStatus[] = ['draft', 'approved', 'active', 'paused'];

/** Every allowed move. */
export const CAMPAIGN_TRANSITIONS: readonly CampaignTransition[] = [
  { from: 'draft', to: 'approved', guards: ['initiationApproved'], commentRequired: false },
  { from: 'approved', to: 'active', guards: [], commentRequired: false },
  { from: 'active', to: 'paused', guards: [], commentRequired: true },
  { from: 'paused', to: 'active', guards: [], commentRequired: false },
  { from: 'active', to: 'closed', guards: ['tasksFinished'], commentRequired: false },
  ...OPEN.map((from) => ({ from, to: 'cancelled' as const, guards: [], commentRequired: true })),
];

/** A guard that holds the campaign back, with the records in the way. */
export interface CampaignBlocker {
  /** The guard. */
  readonly guard: CampaignGuard;
  /** The approvals not yet approved (or none exist), or the tasks not finished. */
  readonly ids: readonly string[];
  /** Why, in words. */
  readonly message: string;
}

/** What the guards read. */
export interface CampaignBoard {
  /** The campaign's approvals; those whose subject is the campaign are its initiation approvals. */
  readonly approvals: readonly Approval[];
  /** The campaign's tasks. */
  readonly tasks: readonly Task[];
}

const StatusSchema = z.enum(CAMPAIGN_STATUSES);
const BoardSchema = z.object({ approvals: z.array(ApprovalSchema), tasks: z.array(TaskSchema) });

function parsed(campaign: Campaign, board: CampaignBoard): { campaign: Campaign; board: CampaignBoard } {
  return { campaign: parseInput(CampaignSchema, campaign, 'campaign'), board: parseInput(BoardSchema, board, 'campaign board') };
}

/** The blockers of moving `campaign` to `to`: empty when the move may happen now. */
export function campaignTransitionBlockers(campaign: Campaign, board: CampaignBoard, to: CampaignStatus): CampaignBlocker[] {
  const input = parsed(campaign, board);
  return blockersOf(input.campaign, input.board, parseInput(StatusSchema, to, 'target status'));
}

function blockersOf(campaign: Campaign, board: CampaignBoard, to: CampaignStatus): CampaignBlocker[] {
  const transition = CAMPAIGN_TRANSITIONS.find((t) => t.from === campaign.status && t.to === to);
  if (transition === undefined) return [];
  return transition.guards.flatMap((guard): CampaignBlocker[] => {
    if (guard === 'initiationApproved') {
      const initiation = board.approvals.filter((a) => a.subject.type === 'campaign' && a.subject.id === campaign.id);
      if (initiation.some((a) => a.status === 'approved')) return [];
      return [{ guard, ids: initiation.map((a) => a.id), message: initiation.length === 0 ? 'the campaign has no initiation approval; create one whose subject is the campaign' : 'its initiation approval is not approved yet' }];
    }
    const open = board.tasks.filter((t) => t.statusCategory !== 'done' && t.statusCategory !== 'cancelled').map((t) => t.id);
    return open.length === 0 ? [] : [{ guard, ids: open, message: `tasks ${open.map((id) => `'${id}'`).join(', ')} are not done or cancelled` }];
  });
}

/**
 * Moves a campaign along its lifecycle, checking the move exists, its comment and its guards.
 * Throws `INVALID_STATE` naming the blockers (`details.ids`) or the moves that do exist, and
 * `VALIDATION` for a missing comment. Returns the campaign with its new status.
 *
 * @example
 * ```ts
 * transitionCampaign(draft, { approvals: [approvedInitiation], tasks: [] }, { to: 'approved' }).status; // 'approved'
 * transitionCampaign(active, { approvals: [], tasks: [openTask] }, { to: 'closed' });
 * // throws INVALID_STATE "Cannot move campaign 'launch' to 'closed': tasks 'brief' are not done or cancelled"
 * ```
 */
export function transitionCampaign(given: Campaign, givenBoard: CampaignBoard, input: { readonly to: CampaignStatus; readonly comment?: string }): Campaign {
  const { campaign, board } = parsed(given, givenBoard);
  const { to, comment } = parseInput(z.object({ to: StatusSchema, comment: z.string().trim().min(1).max(20000).optional() }), input, 'campaign transition');
  const transition = CAMPAIGN_TRANSITIONS.find((t) => t.from === campaign.status && t.to === to);
  if (transition === undefined) {
    const possible = CAMPAIGN_TRANSITIONS.filter((t) => t.from === campaign.status).map((t) => `'${t.to}'`);
    throw new CampaignKitError('INVALID_STATE', `Campaign '${campaign.id}' is ${campaign.status}; it can move to ${possible.length === 0 ? 'no other status' : possible.join(', ')}, not '${to}'`, {
      details: { ids: [campaign.id] },
    });
  }
  if (transition.commentRequired && comment === undefined) {
    throw new CampaignKitError('VALIDATION', `Moving campaign '${campaign.id}' to '${to}' needs a comment saying why`, { details: { issues: [{ path: ['comment'], message: 'required for this move', code: 'custom' }] } });
  }
  const blockers = blockersOf(campaign, board, to);
  if (blockers.length > 0) {
    throw new CampaignKitError('INVALID_STATE', `Cannot move campaign '${campaign.id}' to '${to}': ${blockers.map((b) => b.message).join('; ')}`, {
      details: { ids: blockers.flatMap((b) => b.ids) },
    });
  }
  return { ...campaign, status: to };
}
