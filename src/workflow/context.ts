import * as z from 'zod';
import { ActorSchema, type ActorInput } from '../access/actor.js';
import { AccessPolicySchema, DEFAULT_ACCESS_POLICY, type AccessPolicy } from '../access/accessPolicy.js';
import { parseInput } from '../core/validate.js';
import { InstantSchema } from '../model/primitives.js';
import { TimeZoneSchema } from './_time.js';

/** What every workflow command needs besides its state and its input: who, when, where. */
export const CommandContextSchema = z.object({
  /** Who issues the command. */
  actor: ActorSchema,
  /** The current instant, e.g. `2026-03-02T09:00:00+08:00`; the library never reads the clock. */
  now: InstantSchema,
  /** Time zone of the campaign's calendar, to turn `now` into local dates (default `UTC`). */
  timeZone: TimeZoneSchema.default('UTC'),
  /** Which role may do what (default: the built-in policy). */
  policy: AccessPolicySchema.optional(),
});
/** A parsed command context. */
export type CommandContext = Omit<z.infer<typeof CommandContextSchema>, 'policy'> & { readonly policy: AccessPolicy };

/** What every workflow command needs besides its state and its input, as accepted on input. */
export interface CommandContextInput {
  /** Who issues the command. */
  readonly actor: ActorInput;
  /** The current instant (ISO 8601 with offset); the library never reads the clock. */
  readonly now: string;
  /** Time zone of the campaign's calendar (default `UTC`). */
  readonly timeZone?: string;
  /** Which role may do what (default: the built-in policy). */
  readonly policy?: AccessPolicy;
}

/** Parses a command context (throwing `VALIDATION` with the field's path), defaulting the policy. */
export function parseContext(context: CommandContextInput): CommandContext {
  const { policy, ...parsed } = parseInput(CommandContextSchema, context, 'command context');
  return { ...parsed, policy: policy ?? DEFAULT_ACCESS_POLICY };
}
