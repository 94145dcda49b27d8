/**
 * Every error campaignkit throws on purpose is a {@link CampaignKitError} with a stable `code`.
 * Hosts branch on the code, never on the message (messages explain the fix and may be reworded).
 */

/** The stable error codes. New codes may be added; existing ones keep their meaning. */
export const ERROR_CODES = [
  /** Input failed validation; `details.issues` lists each field with its path. */
  'VALIDATION',
  /** A referenced entity does not exist; `details.ids` names it. */
  'NOT_FOUND',
  /** An optimistic-concurrency check failed or a unique key is taken. */
  'CONFLICT',
  /** The actor lacks a permission; `details.permission` names it. */
  'FORBIDDEN',
  /** A dependency or definition would form a cycle; `details.cycle` lists it in order. */
  'CYCLE',
  /** A hard scheduling constraint cannot be met; `details.conflicts` lists them. */
  'CONSTRAINT_CONFLICT',
  /** Money in two currencies was combined without a conversion. */
  'CURRENCY_MISMATCH',
  /** An input is larger than the configured limit (file size, list length). */
  'LIMIT_EXCEEDED',
  /** A file or expression could not be parsed; `details` locates the problem. */
  'PARSE',
  /** The operation is not allowed in the entity's current state (a workflow transition, say). */
  'INVALID_STATE',
  /** A storage adapter failed; the driver's error is the `cause`. */
  'STORAGE',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field. */
export interface ErrorIssue {
  /** Path to the offending field, e.g. `['tasks', 3, 'duration']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong and, where it helps, what would be right. */
  readonly message: string;
  /** The validator's own code for the problem (e.g. zod's `too_small`). */
  readonly code: string;
}

/** Structured context attached to an error. Which keys are present depends on the code. */
export interface ErrorDetails {
  /** Field-level problems (`VALIDATION`, `PARSE`). */
  readonly issues?: readonly ErrorIssue[];
  /** Ids of the entities involved (`NOT_FOUND`, `CONFLICT`). */
  readonly ids?: readonly string[];
  /** The ids forming one cycle, in order; the first id is repeated at the end (`CYCLE`). */
  readonly cycle?: readonly string[];
  /** The permission the actor lacks (`FORBIDDEN`). */
  readonly permission?: string;
  /** Anything else a code documents. */
  readonly [key: string]: unknown;
}

/** Options for {@link CampaignKitError}. */
export interface CampaignKitErrorOptions {
  /** Structured context. */
  readonly details?: ErrorDetails;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

// A registered symbol is shared by every copy of the library loaded in one realm (ESM and CJS builds
// side by side), so the guard works where `instanceof` would not.
const ERROR_MARK = Symbol.for('campaignkit.error');

/**
 * The one error type campaignkit throws on purpose.
 *
 * @example
 * ```ts
 * try {
 *   computeCpm({ tasks: [{ id: 'a', duration: 1 }], links: [{ from: 'a', to: 'a' }] });
 * } catch (e) {
 *   if (isCampaignKitError(e, 'VALIDATION')) console.log(e.details.issues);
 * }
 * ```
 */
export class CampaignKitError extends Error {
  /** The stable code to branch on. */
  readonly code: ErrorCode;
  /** Structured context; see {@link ErrorDetails}. */
  readonly details: ErrorDetails;

  /**
   * Creates an error with a stable code.
   *
   * @param code - the stable code.
   * @param message - what went wrong and how to fix it.
   * @param options - structured details and the underlying cause.
   */
  constructor(code: ErrorCode, message: string, options: CampaignKitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CampaignKitError';
    this.code = code;
    this.details = options.details ?? {};
    Object.defineProperty(this, ERROR_MARK, { value: true });
  }
}

/**
 * True when `value` is a {@link CampaignKitError} (from any copy of the library), optionally with
 * the given code.
 *
 * @example
 * ```ts
 * isCampaignKitError(new CampaignKitError('CYCLE', 'a -> b -> a'), 'CYCLE'); // true
 * isCampaignKitError(new Error('x')); // false
 * ```
 */
export function isCampaignKitError(value: unknown, code?: ErrorCode): value is CampaignKitError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { [ERROR_MARK]?: unknown })[ERROR_MARK] !== true) return false;
  return code === undefined || (value as CampaignKitError).code === code;
}
