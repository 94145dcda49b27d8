import * as z from 'zod';
import { DelegationSchema } from './approval.js';
import { MemberIdSchema } from './ids.js';
import { InstantSchema } from './primitives.js';

/** Id of a {@link StoredDelegation}. */
export const DelegationIdSchema = z.string().min(1, 'id must not be empty').max(200).brand<'DelegationId'>().describe('DelegationId');

/**
 * A delegation kept by a workspace: an approver's stand-in for a period, recorded by the approver
 * (or an administrator), and the only kind of delegation a workspace's approval decisions honour.
 * It is revoked, never deleted, so the audit of a decision taken under it keeps its meaning.
 */
export const StoredDelegationSchema = DelegationSchema.extend({
  /** Id. */
  id: DelegationIdSchema,
  /** Who recorded it: the approver, or an administrator for them. */
  createdBy: MemberIdSchema,
  /** When it was revoked; from then on it lets no one decide. */
  revokedAt: InstantSchema.optional(),
  /** Who revoked it. */
  revokedBy: MemberIdSchema.optional(),
});
/** A delegation kept by a workspace. */
export type StoredDelegation = z.infer<typeof StoredDelegationSchema>;
