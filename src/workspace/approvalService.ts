import * as z from 'zod';
import type { Permission } from '../access/permissions.js';
import { invalidField, parseInput } from '../core/validate.js';
import { APPROVAL_STATUSES, ApprovalSchema, type Approval, type ApprovalInput, type ApprovalStatus } from '../model/approval.js';
import { ApprovalIdSchema, CampaignIdSchema } from '../model/ids.js';
import type { Page } from '../store/storageAdapter.js';
import { cancelApproval, type CancelApprovalCommand } from '../workflow/approvals/cancelApproval.js';
import { createApproval } from '../workflow/approvals/createApproval.js';
import { permissionsToActOn } from '../workflow/approvals/approvalPermissions.js';
import { decideApproval, type DecideApprovalCommand } from '../workflow/approvals/decideApproval.js';
import { escalateApproval } from '../workflow/approvals/escalateApproval.js';
import { submitApproval, type SubmitApprovalCommand } from '../workflow/approvals/submitApproval.js';
import type { WorkflowEvent } from '../workflow/events.js';
import { PageOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { storedDelegations } from './_delegations.js';
import { parseNew } from './_input.js';
import { requireInCampaign, requireMembers } from './_references.js';
import { settleExpenseRequest } from './_expenseRequests.js';
import { readOne, readPage, shown } from './_reader.js';
import { withBuiltInCalendars } from './_reschedule.js';
import { campaignScope, resourceOf } from './_resources.js';
import { runCommand } from './_runCommand.js';
import { assignFields } from './_sameJson.js';
import type { CommandSession } from './_session.js';
import type { PageOptions } from './serviceTypes.js';

/** A new approval process: subject, stages and approvers; `id` optional. It starts as a draft. */
export type NewApproval = Omit<ApprovalInput, 'id' | 'status' | 'rounds'> & { readonly id?: string };

/**
 * A decision. A delegate decides for an absent approver under the delegations stored with
 * `members.delegate`; delegations cannot be passed with the decision.
 */
export type ApprovalDecisionInput = DecideApprovalCommand;

/** Filters and paging of {@link ApprovalService.list}. */
export interface ApprovalListOptions extends PageOptions {
  /** The campaign. */
  readonly campaignId: string;
  /** Only approvals in this status. */
  readonly status?: ApprovalStatus;
}

/**
 * Multi-stage approvals: the workflow engine's commands (create, submit, decide, cancel,
 * escalate) run through the pipeline, so every decision is authorized, stored with its round
 * history, audited and announced (`approval.requested`, `.decided`, `.approved`, `.rejected`,
 * `.escalated`, `.cancelled`).
 */
export interface ApprovalService {
  /**
   * Creates a draft approval in a campaign (`approval.request`).
   *
   * @example
   * ```ts
   * await workspace.approvals.create({ id: 'ap-kv', campaignId: 'launch', subject: { type: 'task', id: 'design' },
   *   stages: [{ name: 'Brand', approvers: ['m-li'] }] });
   * // { id: 'ap-kv', status: 'draft', rounds: [], required: true, ... }
   * ```
   */
  create(input: NewApproval): Promise<Approval>;
  /** Submits (or resubmits) it: a new round at the first stage (`approval.request`). */
  submit(id: string, command?: SubmitApprovalCommand): Promise<Approval>;
  /**
   * Records the actor's decision on the current stage (`approval.decide`, as an approver, or as a
   * delegate under a delegation stored with `members.delegate`).
   */
  decide(id: string, decision: ApprovalDecisionInput): Promise<Approval>;
  /** Withdraws it (`approval.cancel`). */
  cancel(id: string, command?: CancelApprovalCommand): Promise<Approval>;
  /**
   * Escalates it if its current stage's SLA has passed on the campaign's calendar (`approval.read`,
   * and `budget.read` for a budget request's approval: it only records what the clock already
   * says); does nothing otherwise, so a scheduler can call it on every tick.
   */
  escalate(id: string): Promise<Approval>;
  /** One approval (`approval.read`; budget approvals need `budget.read`). */
  get(id: string): Promise<Approval>;
  /** A campaign's approvals, optionally in one status. */
  list(options: ApprovalListOptions): Promise<Page<Approval>>;
}

const ListSchema = PageOptionsSchema.extend({
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Status. */
  status: z.enum(APPROVAL_STATUSES).optional(),
});
/** Authorizes `permission` on an approval, with `budget.read` for a budget request's approval. */
function authorizeOn(session: CommandSession, permission: Permission, approval: Approval): void {
  for (const needed of permissionsToActOn(approval, permission)) session.authorize(needed, resourceOf('approval', approval));
}

/** Approvers must be members of the workspace's directory. */
async function requireApprovers(session: CommandSession, approval: Approval): Promise<void> {
  for (const [index, stage] of approval.stages.entries()) {
    await requireMembers(session, stage.approvers, ['stages', index, 'approvers'], 'approval');
  }
}

/** The subject must be in the approval's campaign: the campaign itself (its initiation) or one of its tasks. */
async function requireSubject(session: CommandSession, approval: Approval): Promise<void> {
  const { subject } = approval;
  if (subject.type === 'campaign' && subject.id !== approval.campaignId) {
    throw invalidField('approval', ['subject', 'id'], `an initiation approval is about its own campaign '${approval.campaignId}'`);
  }
  if (subject.type === 'task') await requireInCampaign(session, 'task', subject.id, approval.campaignId, 'approval', ['subject', 'id']);
}

/** Stores the workflow's new approval and announces its events. */
function adopt(session: CommandSession, next: Approval, events: readonly WorkflowEvent[]): Approval {
  session.change((state) => {
    assignFields(state.approval[next.id] as Record<string, unknown>, next);
  });
  for (const event of events) session.emitWorkflow({ type: 'approval', id: next.id }, event);
  return shown(session.ctx, 'approval', session.get('approval', next.id) ?? next);
}

/** Builds the approval service of a workspace. */
export function createApprovalService(ctx: WorkspaceContext): ApprovalService {
  const context = (session: CommandSession) => ({ actor: ctx.actor, now: session.at, timeZone: ctx.timeZone, policy: ctx.policy });

  /** Runs a workflow command on one approval. */
  const step = (name: string, id: string, run: (session: CommandSession, approval: Approval) => { state: Approval; events: readonly WorkflowEvent[] }) => {
    const approvalId = parseInput(ApprovalIdSchema, id, 'approval id');
    return runCommand(ctx, { name, target: { type: 'approval', id: approvalId } }, async (session) => {
      const approval = await session.require('approval', approvalId);
      const { state, events } = run(session, approval);
      const adopted = adopt(session, state, events);
      // A cancelled budget approval closes the request it held.
      await settleExpenseRequest(session, state);
      return adopted;
    });
  };

  return {
    async create(input) {
      // createApproval starts it as a draft whatever status or rounds the input carried.
      const draft = createApproval(parseNew(ApprovalSchema, input, () => ctx.ids.next('approval'), 'approval'));
      return runCommand(ctx, { name: 'approval.create', target: { type: 'approval', id: draft.id } }, async (session) => {
        for (const needed of permissionsToActOn(draft, 'approval.request')) session.authorize(needed, campaignScope('approval', draft.campaignId));
        await session.require('campaign', draft.campaignId);
        await requireApprovers(session, draft);
        await requireSubject(session, draft);
        await session.reserve('approval', draft.id);
        session.change((state) => {
          state.approval[draft.id] = draft;
        });
        session.emit('approval.created', { type: 'approval', id: draft.id }, { approval: draft });
        return shown(ctx, 'approval', draft);
      });
    },

    submit: async (id, command = {}) =>
      step('approval.submit', id, (session, approval) => {
        authorizeOn(session, 'approval.request', approval);
        return submitApproval(approval, command, context(session));
      }),

    async decide(id, decision) {
      if (typeof decision === 'object' && decision !== null && Object.hasOwn(decision, 'delegations')) {
        throw invalidField('decision', ['delegations'], 'delegations cannot be passed with a decision; the approver records them with members.delegate');
      }
      const approvalId = parseInput(ApprovalIdSchema, id, 'approval id');
      return runCommand(ctx, { name: 'approval.decide', target: { type: 'approval', id: approvalId } }, async (session) => {
        const approval = await session.require('approval', approvalId);
        authorizeOn(session, 'approval.decide', approval);
        const delegations = await storedDelegations(session);
        const { state, events } = decideApproval(approval, decision, { ...context(session), delegations });
        const adopted = adopt(session, state, events);
        await settleExpenseRequest(session, state);
        return adopted;
      });
    },

    cancel: async (id, command = {}) =>
      step('approval.cancel', id, (session, approval) => {
        authorizeOn(session, 'approval.cancel', approval);
        return cancelApproval(approval, command, context(session));
      }),

    async escalate(id) {
      const approvalId = parseInput(ApprovalIdSchema, id, 'approval id');
      return runCommand(ctx, { name: 'approval.escalate', target: { type: 'approval', id: approvalId } }, async (session) => {
        const approval = await session.require('approval', approvalId);
        authorizeOn(session, 'approval.read', approval);
        const campaign = await session.require('campaign', approval.campaignId);
        await session.loadCampaign('calendar', approval.campaignId);
        const calendars = withBuiltInCalendars(session.all('calendar', approval.campaignId));
        const calendar = calendars.find((c) => c.id === (campaign.calendarId ?? 'standard'));
        const { state, events } = escalateApproval(approval, {
          now: session.at,
          timeZone: ctx.timeZone,
          calendars,
          ...(calendar === undefined ? {} : { calendar }),
        });
        return adopt(session, state, events);
      });
    },

    get: async (id) => readOne(ctx, 'approval', parseInput(ApprovalIdSchema, id, 'approval id')),
    async list(options) {
      const { status, ...query } = parseInput(ListSchema, options, 'approval list options');
      return readPage<'approval'>(ctx, { type: 'approval', ...query, ...(status === undefined ? {} : { where: (a) => a.status === status }) });
    },
  };
}
