import type { Delegation } from '../model/approval.js';
import type { StoredDelegation } from '../model/delegation.js';
import type { CommandSession } from './_session.js';
import { campaignScope } from './_resources.js';

/**
 * The rules of stored delegations in one place: who may record or revoke one (the approver for
 * themselves, or whoever may manage roles workspace-wide), and which ones a decision honours (only
 * those stored and not revoked; the decision engine then keeps those in force at its time).
 */

/** Authorizes recording, revoking or undoing a delegation of `approverId`'s approvals. */
export function authorizeDelegation(session: CommandSession, approverId: string): void {
  if (session.actsAs(approverId)) return;
  session.authorize('campaign.manageRoles', campaignScope('delegation', undefined));
}

/** The stored, unrevoked delegations, loaded into the command so that it reads them consistently. */
export async function storedDelegations(session: CommandSession): Promise<Delegation[]> {
  await session.loadWorkspaceWide('delegation');
  return session.all('delegation').filter((d) => d.revokedAt === undefined).map(asDelegation);
}

/** The delegation as the decision engine takes it. */
function asDelegation(stored: StoredDelegation): Delegation {
  return { approverId: stored.approverId, delegateId: stored.delegateId, from: stored.from, to: stored.to };
}
