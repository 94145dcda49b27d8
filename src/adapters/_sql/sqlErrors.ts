import { isCampaignKitError, type CampaignKitError } from '../../core/errors.js';
import { contentionConflict, storageFailure } from '../../store/storageErrors.js';
import type { SqlDialect } from './sqlDriver.js';

/**
 * Turns a driver error into a campaignkit error: contention becomes a retryable `CONFLICT`, a
 * missing table a `STORAGE` error that names the fix, anything else `STORAGE` with the driver's
 * error as `cause`. Errors that already are campaignkit errors pass through.
 */
export function toStorageError(dialect: SqlDialect, error: unknown): CampaignKitError {
  if (isCampaignKitError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  switch (dialect.classify(error)) {
    case 'contention':
      return contentionConflict(error);
    case 'missing-table':
      return storageFailure(`the campaignkit tables do not exist (${message}); run \`await storage.migrate()\` first`, error);
    case 'duplicate':
      return storageFailure(`a unique key is taken (${message})`, error);
    default:
      return storageFailure(`the database failed: ${message}`, error);
  }
}

/** Runs a statement and maps its failure with {@link toStorageError}. */
export async function mapErrors<R>(dialect: SqlDialect, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    throw toStorageError(dialect, error);
  }
}
