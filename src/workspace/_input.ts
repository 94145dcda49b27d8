import type * as z from 'zod';
import { invalidField, parseInput } from '../core/validate.js';

/**
 * Parses the input of a create command: `input` with `id` filled in when the caller left it out.
 * Anything but a plain object is refused before the id is looked at.
 */
export function parseNew<S extends z.ZodType>(schema: S, input: unknown, id: () => string, what: string): z.output<S> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalidField(what, [], 'expected an object');
  const given = (input as { id?: unknown }).id;
  return parseInput(schema, { ...input, id: given === undefined ? id() : given }, what);
}
