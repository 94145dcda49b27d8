import { CampaignKitError } from '../core/errors.js';
import type { RecordKey } from './storageAdapter.js';

/**
 * The errors every adapter throws, built in one place so their codes, messages and details agree
 * across adapters (the conformance suite checks them).
 */

/** A write whose expected version does not match the stored one (`actual` is `null` when missing). */
export function versionConflict(key: RecordKey, expectedVersion: number, actualVersion: number | null): CampaignKitError {
  const found = actualVersion === null ? 'it does not exist' : `it is at version ${actualVersion}`;
  return new CampaignKitError(
    'CONFLICT',
    `${key.type} ${key.id}: expected version ${expectedVersion} but ${found}; reload it and retry the command`,
    { details: { ids: [key.id], type: key.type, expectedVersion, actualVersion } },
  );
}

/** An audit entry or outbox event id that is already stored. */
export function duplicateId(what: 'audit entry' | 'outbox event', id: string): CampaignKitError {
  return new CampaignKitError('CONFLICT', `${what} ${id} already exists; give every ${what} a new id`, {
    details: { ids: [id], reason: 'duplicate' },
  });
}

/**
 * The database gave up on a transaction because of contention (deadlock, serialization failure,
 * busy database). Nothing was written; retrying the command is safe.
 */
export function contentionConflict(cause: unknown): CampaignKitError {
  return new CampaignKitError('CONFLICT', 'the database aborted the transaction because of concurrent writers; retry the command', {
    details: { ids: [], reason: 'contention' },
    cause,
  });
}

/** A driver or database failure that is not a conflict. */
export function storageFailure(message: string, cause?: unknown): CampaignKitError {
  return new CampaignKitError('STORAGE', message, { cause });
}

/** A transaction object used after its callback finished. */
export function transactionFinished(): CampaignKitError {
  return new CampaignKitError(
    'INVALID_STATE',
    'this transaction has already committed or rolled back; use the tx object only inside its transaction callback',
  );
}
