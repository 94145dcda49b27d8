import * as z from 'zod';
import { invalidField, parseInput } from '../core/validate.js';
import { IsoDateSchema } from '../model/primitives.js';
import { parseDay as dayNumber } from '../calendar/localTime.js';
import { ratDiv, ratInt, ratToNumber } from './_rational.js';

/** Input of {@link expectedProgress}. */
export const ExpectedProgressInputSchema = z.object({
  /** First day of the period. */
  periodStart: IsoDateSchema,
  /** Last day of the period. */
  periodEnd: IsoDateSchema,
  /** The day to judge at, counted as finished. */
  asOf: IsoDateSchema,
});
/** Input of {@link expectedProgress}. */
export type ExpectedProgressInput = z.input<typeof ExpectedProgressInputSchema>;

/**
 * The progress a steady pace would have reached by the end of `asOf`: the share of the period's
 * days elapsed, from 0 before the period to 1 from its last day on.
 *
 * @example
 * ```ts
 * expectedProgress({ periodStart: '2026-04-01', periodEnd: '2026-04-30', asOf: '2026-04-15' }); // 0.5
 * expectedProgress({ periodStart: '2026-04-01', periodEnd: '2026-04-30', asOf: '2026-03-31' }); // 0
 * ```
 */
export function expectedProgress(input: ExpectedProgressInput): number {
  const { periodStart, periodEnd, asOf } = parseInput(ExpectedProgressInputSchema, input, 'period');
  if (periodEnd < periodStart) throw invalidField('period', ['periodEnd'], 'periodEnd must not be before periodStart');
  const total = dayNumber(periodEnd) - dayNumber(periodStart) + 1;
  const elapsed = Math.min(Math.max(dayNumber(asOf) - dayNumber(periodStart) + 1, 0), total);
  const share = ratDiv(ratInt(elapsed), ratInt(total));
  return share === null ? 0 : (ratToNumber(share) ?? 0);
}
