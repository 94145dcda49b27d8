import { isCampaignKitError, type CampaignKitError, type ErrorCode } from '../../src/core/errors.js';

/** Runs `run`, expects a CampaignKitError with `code`, and returns it for further checks. */
export function errorOf(run: () => unknown, code: ErrorCode): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e, code)) return e;
    throw e;
  }
  throw new Error(`expected a ${code} error`);
}
