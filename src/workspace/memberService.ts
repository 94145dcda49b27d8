import { parseInput } from '../core/validate.js';
import { MemberIdSchema } from '../model/ids.js';
import { MemberSchema, type Member } from '../model/member.js';
import type * as z from 'zod';
import type { Page } from '../store/storageAdapter.js';
import { changesSchema, PageOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { createEntity, updateEntity, type EntitySpec } from './_entityCommands.js';
import { assertCanList, readOne, readPage } from './_reader.js';
import type { Changes, PageOptions, UpdateOptions } from './serviceTypes.js';

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
}

const SPEC: EntitySpec<'member'> = {
  type: 'member',
  schema: MemberSchema,
  changes: changesSchema(MemberSchema.shape, { id: 'a member keeps their id' }),
  commands: { create: 'member.create', update: 'member.update', delete: 'member.delete' },
  permission: 'campaign.manageRoles',
  created: (session, member) => session.emit('member.created', { type: 'member', id: member.id }, { member }),
  updated: (session, member, fields) => session.emit('member.updated', { type: 'member', id: member.id }, { member, fields }),
  deleted: () => undefined,
};

/** Builds the member service of a workspace. */
export function createMemberService(ctx: WorkspaceContext): MemberService {
  return {
    create: async (input) => createEntity(ctx, SPEC, input),
    update: async (id, changes, options) => updateEntity(ctx, SPEC, parseInput(MemberIdSchema, id, 'member id'), changes, options),
    get: async (id) => readOne(ctx, 'member', parseInput(MemberIdSchema, id, 'member id')),
    async list(options = {}) {
      assertCanList(ctx, 'member', undefined);
      return readPage<'member'>(ctx, { type: 'member', ...parseInput(PageOptionsSchema, options, 'member list options') });
    },
  };
}
