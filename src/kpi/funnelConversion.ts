import * as z from 'zod';
import { parseInput } from '../core/validate.js';
import { ratDiv, ratInt, ratToNumber } from './_rational.js';

/** The default B2B funnel, as HubSpot's lifecycle stages and Salesforce's lead and opportunity stages name it. */
export const FUNNEL_STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'] as const;

/** Input of {@link funnelConversion}: stage counts from the top of the funnel down. */
export const FunnelInputSchema = z
  .array(
    z.object({
      /** Stage name, e.g. `lead` or `mql`. */
      stage: z.string().min(1).max(100),
      /** How many reached the stage (a whole number). */
      count: z.int().min(0),
    }),
  )
  .min(2, 'a funnel needs at least two stages')
  .max(50);
/** Input of {@link funnelConversion}. */
export type FunnelInput = z.input<typeof FunnelInputSchema>;

/** Conversion from one stage to the next. */
export interface FunnelStep {
  /** Upper stage. */
  readonly from: string;
  /** Lower stage. */
  readonly to: string;
  /** Count at the upper stage. */
  readonly fromCount: number;
  /** Count at the lower stage. */
  readonly toCount: number;
  /** `toCount / fromCount`; `null` when nobody reached the upper stage. */
  readonly rate: number | null;
}

/** Result of {@link funnelConversion}. */
export interface FunnelConversion {
  /** One step per pair of adjacent stages. */
  readonly steps: readonly FunnelStep[];
  /** Last stage over first stage; `null` when the first stage is 0. */
  readonly overall: number | null;
}

function rate(to: number, from: number): number | null {
  const value = ratDiv(ratInt(to), ratInt(from));
  return value === null ? null : ratToNumber(value);
}

/**
 * Conversion rates between adjacent funnel stages and from the top to the bottom. Counts taken
 * per period rather than per cohort can make a later stage larger than an earlier one; the rate
 * is then above 1 rather than capped, so the data problem stays visible.
 *
 * @example
 * ```ts
 * funnelConversion([
 *   { stage: 'lead', count: 5000 }, { stage: 'mql', count: 1500 }, { stage: 'sql', count: 450 },
 *   { stage: 'opportunity', count: 180 }, { stage: 'won', count: 45 },
 * ]);
 * // { steps: [{ from: 'lead', to: 'mql', fromCount: 5000, toCount: 1500, rate: 0.3 },
 * //           { from: 'mql', to: 'sql', …, rate: 0.3 }, { from: 'sql', to: 'opportunity', …, rate: 0.4 },
 * //           { from: 'opportunity', to: 'won', …, rate: 0.25 }],
 * //   overall: 0.009 }
 * ```
 */
export function funnelConversion(stages: FunnelInput): FunnelConversion {
  const list = parseInput(FunnelInputSchema, stages, 'funnel stages');
  const steps = list.slice(1).map((lower, i): FunnelStep => {
    const upper = list[i];
    return { from: upper.stage, to: lower.stage, fromCount: upper.count, toCount: lower.count, rate: rate(lower.count, upper.count) };
  });
  // The schema guarantees at least two stages.
  const first = list[0];
  const last = list[list.length - 1];
  return { steps, overall: rate(last.count, first.count) };
}
