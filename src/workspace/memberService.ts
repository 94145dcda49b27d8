import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { DelegationSchema } from '../model/approval.js';
import { DelegationIdSchema, StoredDelegationSchema, type StoredDelegation } from '../model/delegation.js';
import { MemberIdSchema } from '../model/ids.js';
import { MemberSchema, type Member } from '../model/member.js';
import type { Page } from '../store/storageAdapter.js';
import { changesSchema, PageOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { authorizeDelegation } from './_delegations.js';
import { createEntity, updateEntity, type EntitySpec } from './_entityCommands.js';
import { requireMember } from './_references.js';
import { assertCanList, readEveryStored, readOne, readPage } from './_reader.js';
import { runCommand } from './_runCommand.js';
import type { Changes, PageOptions, UpdateOptions } from './serviceTypes.js';

/** What {@link MemberService.deactivate} did, and what to hand over. */
export interface Deactivation {
  /** The member, deactivated. */
  readonly member: Member;
  /** Open tasks (not done or cancelled) they own or are assigned to, across campaigns. */
  readonly openTaskIds: readonly string[];
  /** Pending approvals they are an approver of. */
  readonly pendingApprovalIds: readonly string[];
}

/** A member as accepted on input. */
export type MemberInput = z.input<typeof MemberSchema>;
/** Changes to a member; `null` clears an optional field. */
export type MemberChanges = Changes<Omit<MemberInput, 'id'>>;

/**
 * The workspace's member directory: who can be mentioned, who holds a template stage's role.
 * Storing a member does not sign anyone in: the actor of each request still comes from your
 * platform. Writing needs `campaign.manageRoles` workspace-wide; reading `campaign.read`
 * workspace-wide.
 */
export interface MemberService {
  /**
   * Adds a member.
   *
   * @example
   * ```ts
   * await workspace.members.create({ id: 'm-zhou', name: 'Zhou Min', department: 'legal' });
   * ```
   */
  create(input: MemberInput): Promise<Member>;
  /** Changes a member's name, e-mail, department or role grants. */
  update(id: string, changes: MemberChanges, options?: UpdateOptions): Promise<Member>;
  /** One member. */
  get(id: string): Promise<Member>;
  /** Every member, by id. */
  list(options?: PageOptions): Promise<Page<Member>>;
  /**
   * Deactivates a member (`campaign.manageRoles`): from then on no command runs as them
   * (`FORBIDDEN`), and they cannot be named as a new owner, assignee or approver. Their records and
   * history stay. Returns what still waits for them, to hand over: open tasks they own or are
   * assigned to, and pending approvals they are an approver of.
   *
   * @example
   * ```ts
   * await workspace.members.deactivate('m-wang');
   * // { member: { id: 'm-wang', deactivatedAt: '2026-03-02T09:00:00.000Z', ... }, openTaskIds: ['brief'], pendingApprovalIds: [] }
   * ```
   */
  deactivate(id: string): Promise<Deactivation>;
  /** Lets a deactivated member act again (`campaign.manageRoles`). */
  reactivate(id: string): Promise<Member>;
  /**
   * Records that `delegateId` may decide `approverId`'s approvals in [`from`, `to`) (`from`
   * defaults to now). Approvers record their own delegations; anyone else needs
   * `campaign.manageRoles` workspace-wide (an administrator). Both must be stored members.
   * Approval decisions honour only delegations recorded this way.
   *
   * @example
   * ```ts
   * await workspace.withActor(liAsManager).members.delegate({ approverId: 'm-li', delegateId: 'm-zhou', to: '2026-03-09T00:00:00Z' });
   * // { id: 'delegation-1', approverId: 'm-li', delegateId: 'm-zhou', from: '2026-03-02T09:00:00.000Z', to: '2026-03-09T00:00:00Z', createdBy: 'm-li' }
   * ```
   */
  delegate(input: DelegationInput): Promise<StoredDelegation>;
  /** Revokes a delegation at once (the approver, or an administrator); it is kept, marked revoked. */
  revokeDelegation(id: string): Promise<StoredDelegation>;
  /**
   * Delegations, by id: those where the actor is the approver or the delegate, or every one for
   * actors with `campaign.read` workspace-wide.
   */
  delegations(options?: DelegationListOptions): Promise<Page<StoredDelegation>>;
}

/** Input of {@link MemberService.delegate}. */
export type DelegationInput = z.input<typeof DelegationInputSchema>;

/** Filters and paging of {@link MemberService.delegations}. */
export type DelegationListOptions = z.input<typeof DelegationListOptionsSchema>;

/** The input of {@link MemberService.delegate}. */
export const DelegationInputSchema = z.strictObject({
  /** Id; default a new one. */
  id: DelegationIdSchema.optional(),
  /** The approver who will be away. */
  approverId: MemberIdSchema,
  /** Who decides in their place. */
  delegateId: MemberIdSchema,
  /** Start (inclusive); default now. */
  from: DelegationSchema.shape.from.optional(),
  /** End (exclusive). */
  to: DelegationSchema.shape.to,
});

/** Filters and paging of {@link MemberService.delegations}. */
export const DelegationListOptionsSchema = PageOptionsSchema.extend({
  /** Only delegations of this approver. */
  approverId: MemberIdSchema.optional(),
  /** Only delegations to this delegate. */
  delegateId: MemberIdSchema.optional(),
  /** Only those in force at this instant (recorded, not revoked, `from` ≤ instant < `to`). */
  activeAt: DelegationSchema.shape.from.optional(),
});

const SPEC: EntitySpec<'member'> = {
  type: 'member',
  schema: MemberSchema,
  changes: changesSchema(MemberSchema.shape, {
    id: 'a member keeps their id',
    deactivatedAt: 'use members.deactivate and members.reactivate',
    deactivatedBy: 'use members.deactivate and members.reactivate',
  }),
  commands: { create: 'member.create', update: 'member.update', delete: 'member.delete' },
  permission: 'campaign.manageRoles',
  created: (session, member) => session.emit('member.created', { type: 'member', id: member.id }, { member }),
  updated: (session, member, fields) => session.emit('member.updated', { type: 'member', id: member.id }, { member, fields }),
  deleted: () => undefined,
};

const SPEC_ACTIVATION: EntitySpec<'member'> = { ...SPEC, commands: { ...SPEC.commands, update: 'member.deactivate' } };

/** Builds the member service of a workspace. */
export function createMemberService(ctx: WorkspaceContext): MemberService {
  return {
    create: async (input) => createEntity(ctx, SPEC, input),
    async deactivate(id) {
      const memberId = parseInput(MemberIdSchema, id, 'member id');
      const member = await updateEntity(ctx, SPEC_ACTIVATION, memberId, {}, {}, (before, after, session) =>
        before.deactivatedAt !== undefined ? before : { ...after, deactivatedAt: session.at, deactivatedBy: ctx.actor.id as Member['id'] },
      );
      const [tasks, approvals] = await Promise.all([readEveryStored(ctx, 'task', undefined), readEveryStored(ctx, 'approval', undefined)]);
      const open = tasks.filter((t) => t.statusCategory !== 'done' && t.statusCategory !== 'cancelled' && (t.ownerId === memberId || t.assigneeIds.includes(memberId)));
      const pending = approvals.filter((a) => a.status === 'pending' && a.stages.some((s) => s.approvers.includes(memberId)));
      return { member, openTaskIds: open.map((t) => t.id), pendingApprovalIds: pending.map((a) => a.id) };
    },
    async reactivate(id) {
      const memberId = parseInput(MemberIdSchema, id, 'member id');
      return updateEntity(ctx, { ...SPEC_ACTIVATION, commands: { ...SPEC.commands, update: 'member.reactivate' } }, memberId, {}, {}, (_before, after) => {
        const { deactivatedAt: _at, deactivatedBy: _by, ...active } = after;
        return active;
      });
    },
    update: async (id, changes, options) => updateEntity(ctx, SPEC, parseInput(MemberIdSchema, id, 'member id'), changes, options),
    get: async (id) => readOne(ctx, 'member', parseInput(MemberIdSchema, id, 'member id')),
    async list(options = {}) {
      assertCanList(ctx, 'member', undefined);
      return readPage<'member'>(ctx, { type: 'member', ...parseInput(PageOptionsSchema, options, 'member list options') });
    },

    async delegate(input) {
      const parsed = parseInput(DelegationInputSchema, input, 'delegation');
      const at = new Date(ctx.clock.now()).toISOString();
      const delegation = parseInput(
        StoredDelegationSchema,
        { ...parsed, id: parsed.id ?? ctx.ids.next('delegation'), from: parsed.from ?? at, createdBy: ctx.actor.id },
        'delegation',
      );
      return runCommand(ctx, { name: 'member.delegate', target: { type: 'delegation', id: delegation.id } }, async (session) => {
        authorizeDelegation(session, delegation.approverId);
        await requireMember(session, delegation.approverId, ['approverId'], 'delegation');
        await requireMember(session, delegation.delegateId, ['delegateId'], 'delegation');
        await session.reserve('delegation', delegation.id);
        session.change((state) => {
          state.delegation[delegation.id] = delegation;
        });
        session.emit('delegation.created', { type: 'delegation', id: delegation.id }, { delegation });
        return delegation;
      });
    },

    async revokeDelegation(id) {
      const delegationId = parseInput(DelegationIdSchema, id, 'delegation id');
      return runCommand(ctx, { name: 'member.revokeDelegation', target: { type: 'delegation', id: delegationId } }, async (session) => {
        const current = await session.require('delegation', delegationId);
        authorizeDelegation(session, current.approverId);
        if (current.revokedAt !== undefined) {
          throw new CampaignKitError('INVALID_STATE', `Delegation ${delegationId} was already revoked at ${current.revokedAt}`, { details: { ids: [delegationId] } });
        }
        const revoked = { ...current, revokedAt: session.at, revokedBy: ctx.actor.id };
        session.change((state) => {
          state.delegation[delegationId] = revoked;
        });
        session.emit('delegation.revoked', { type: 'delegation', id: delegationId }, { delegation: revoked });
        return revoked;
      });
    },

    async delegations(options = {}) {
      const { approverId, delegateId, activeAt, ...page } = parseInput(DelegationListOptionsSchema, options, 'delegation list options');
      const at = activeAt === undefined ? undefined : Date.parse(activeAt);
      return readPage<'delegation'>(ctx, {
        type: 'delegation',
        ...page,
        where: (d) =>
          (approverId === undefined || d.approverId === approverId) &&
          (delegateId === undefined || d.delegateId === delegateId) &&
          (at === undefined || (d.revokedAt === undefined && Date.parse(d.from) <= at && at < Date.parse(d.to))),
      });
    },
  };
}
