import type * as z from 'zod';
import { CampaignKitError, type ErrorIssue } from './errors.js';

function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(input)';
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? key : `${text}.${key}`),
    '',
  );
}

function toIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
    code: issue.code,
  }));
}

/** Builds a `VALIDATION` error whose message names the first field and its problem. */
export function validationError(what: string, issues: readonly ErrorIssue[]): CampaignKitError {
  const [first] = issues;
  const summary = first ? `${formatPath(first.path)}: ${first.message}` : 'invalid input';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
  return new CampaignKitError('VALIDATION', `Invalid ${what}: ${summary}${more}`, { details: { issues } });
}

/**
 * Parses `input` with a campaignkit (or any zod) schema. On failure throws a `VALIDATION`
 * {@link CampaignKitError} whose `details.issues` lists every problem with its path; the message
 * names the first one. Nothing else happens, so the caller's state is unchanged.
 *
 * @param what - what the input is, for the message (e.g. `'task'`).
 * @example
 * ```ts
 * parseInput(TaskSchema, { id: 't1', campaignId: 'c1', name: '' }, 'task');
 * // throws CampaignKitError VALIDATION: "Invalid task: name: must not be empty"
 * ```
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const label = typeof what === 'string' ? what : 'input';
  if (typeof (schema as { safeParse?: unknown } | null | undefined)?.safeParse !== 'function') {
    throw new CampaignKitError('VALIDATION', `parseInput needs a zod schema to parse ${label} with`, { details: { issues: [{ path: [], message: 'expected a zod schema', code: 'custom' }] } });
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationError(label, toIssues(result.error));
}

/** A single-issue `VALIDATION` error for checks a schema cannot express (cross-field rules). */
export function invalidField(what: string, path: readonly (string | number)[], message: string): CampaignKitError {
  return validationError(what, [{ path, message, code: 'custom' }]);
}
