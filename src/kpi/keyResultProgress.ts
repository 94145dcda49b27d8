import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { ratCompare, ratDiv, ratFromNumber, ratInt, ratSub, ratToNumber } from './_rational.js';

/** Input of {@link keyResultProgress}: where the key result started, where it should end, where it is. */
export const KeyResultValuesSchema = z.object({
  /** Value at the start of the period. */
  start: z.number().default(0),
  /** Value that means done (100 %); may be below `start` for a decreasing goal such as CPL. */
  target: z.number(),
  /** Latest value. */
  current: z.number(),
});
/** Input of {@link keyResultProgress}. */
export type KeyResultValues = z.input<typeof KeyResultValuesSchema>;

/** Progress 0–1, or `null` with the reason. */
export type ProgressResult = { readonly progress: number; readonly reason?: undefined } | { readonly progress: null; readonly reason: string };

/**
 * Progress of a key result: `clamp((current − start) / (target − start), 0, 1)`, the linear
 * scoring of Doerr's "Measure What Matters" and Google's re:Work guide. It works for decreasing
 * goals too (CPL from 40 down to 30: at 35 the progress is 0.5). Moving away from the target
 * scores 0, overshooting scores 1.
 *
 * @example
 * ```ts
 * keyResultProgress({ start: 0, target: 5000, current: 4200 }); // { progress: 0.84 }
 * keyResultProgress({ start: 40, target: 30, current: 35 });    // { progress: 0.5 }
 * keyResultProgress({ start: 10, target: 10, current: 12 });    // { progress: null, reason: 'target equals start…' }
 * ```
 */
export function keyResultProgress(values: KeyResultValues): ProgressResult {
  const { start, target, current } = parseInput(KeyResultValuesSchema, values, 'key result');
  const span = ratSub(ratFromNumber(target), ratFromNumber(start));
  const raw = ratDiv(ratSub(ratFromNumber(current), ratFromNumber(start)), span);
  if (raw === null) return { progress: null, reason: 'target equals start, so there is no distance to cover; set a different target' };
  if (ratCompare(raw, ratInt(0)) <= 0) return { progress: 0 };
  if (ratCompare(raw, ratInt(1)) >= 0) return { progress: 1 };
  return { progress: ratToNumber(raw) ?? 0 };
}
