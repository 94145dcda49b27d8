import * as z from 'zod';
import { parseInput } from '../../core/validate.js';

/** Inputs of an earned-schedule analysis. */
export const EarnedScheduleInputSchema = z
  .object({
    /** Planned value of each period (not cumulative), integers, e.g. `[50_000, 75_000, 125_000, …]`. */
    plannedValueByPeriod: z.array(z.int('a planned value must be an integer').min(0, 'a planned value cannot be negative')).min(1, 'at least one period is needed'),
    /** Earned value at the status date, same unit. */
    ev: z.int('EV must be an integer').min(0, 'EV cannot be negative'),
    /** Actual time AT: periods elapsed at the status date (fractions allowed). */
    actualTime: z.number().min(0, 'actual time cannot be negative').finite(),
    /** Planned duration PD in periods (fractions allowed). */
    plannedDuration: z.number().positive('the planned duration must be positive').finite(),
  })
  .refine((i) => i.ev <= i.plannedValueByPeriod.reduce((a, b) => a + b, 0), {
    message: 'EV cannot exceed the total planned value (BAC)',
    path: ['ev'],
  });
/** See {@link EarnedScheduleInputSchema}. */
export type EarnedScheduleInput = z.input<typeof EarnedScheduleInputSchema>;

/** The earned-schedule metrics that can be `null`. */
export type EarnedScheduleNullable = 'spit' | 'tspi' | 'ieact';

/** Earned-schedule metrics, in periods (time) or as plain ratios. */
export interface EarnedScheduleResult {
  /** Earned schedule ES: the time at which the plan reached the current EV. */
  readonly es: number;
  /** Schedule variance in time SV(t) = ES − AT (negative: behind). */
  readonly svt: number;
  /** Schedule performance index in time SPI(t) = ES / AT. */
  readonly spit: number | null;
  /** To-complete schedule performance index TSPI = (PD − ES) / (PD − AT). */
  readonly tspi: number | null;
  /** Independent estimate at completion in time IEAC(t) = PD / SPI(t). */
  readonly ieact: number | null;
  /** Why each `null` metric is `null`. */
  readonly reasons: { readonly [K in EarnedScheduleNullable]?: string };
}

/**
 * Earned schedule (Lipke, "Schedule is Different", 2003): schedule performance measured in time
 * rather than money, so it stays meaningful late in a project, when SV in money returns to zero.
 *
 * ES = C + I, where C is the number of whole periods whose cumulative PV is at most EV and
 * I = (EV − PV_C) / (PV_{C+1} − PV_C) is the fraction of the next period earned. Then
 * SV(t) = ES − AT, SPI(t) = ES / AT, TSPI = (PD − ES) / (PD − AT) and IEAC(t) = PD / SPI(t).
 *
 * @example
 * ```ts
 * earnedSchedule({
 *   plannedValueByPeriod: [50_000, 75_000, 125_000, 125_000, 125_000],
 *   ev: 200_000,
 *   actualTime: 3,
 *   plannedDuration: 5,
 * });
 * // { es: 2.6, svt: -0.4, spit: 0.8666…, tspi: 1.2, ieact: 5.7692…, reasons: {} }
 * ```
 */
export function earnedSchedule(input: EarnedScheduleInput): EarnedScheduleResult {
  const { plannedValueByPeriod, ev, actualTime: at, plannedDuration: pd } = parseInput(EarnedScheduleInputSchema, input, 'earned-schedule input');
  const cumulative: number[] = [];
  plannedValueByPeriod.reduce((sum, pv) => {
    cumulative.push(sum + pv);
    return sum + pv;
  }, 0);
  // Cumulative PV never falls, so the periods with PV ≤ EV are the first C ones.
  const c = cumulative.filter((pv) => pv <= ev).length;
  const pvC = c === 0 ? 0 : (cumulative[c - 1] ?? 0);
  const next = cumulative[c];
  // ES = num / den with num = C × ΔPV + (EV − PV_C) and den = ΔPV, both exact integers; every
  // metric below is then one division of exact products, so 2.6 − 3 comes out as −0.4, not −0.39…9.
  const den = next === undefined ? 1 : next - pvC;
  const num = next === undefined ? c : c * den + (ev - pvC);
  const es = num / den;

  const reasons: { [K in EarnedScheduleNullable]?: string } = {};
  let spit: number | null = null;
  let ieact: number | null = null;
  if (at === 0) {
    reasons.spit = 'AT is zero: no time has passed';
    reasons.ieact = `SPI(t) is undefined (${reasons.spit})`;
  } else {
    spit = num / (at * den);
    if (num === 0) reasons.ieact = 'SPI(t) is zero (ES is zero: nothing planned has been earned), so PD / SPI(t) is undefined';
    else ieact = (pd * at * den) / num;
  }
  let tspi: number | null = null;
  if (pd === at) reasons.tspi = 'PD − AT is zero: the planned duration has elapsed';
  // Normalise −0 (nothing left over a negative remaining duration) to 0.
  else tspi = (pd * den - num) / ((pd - at) * den) || 0;
  return { es, svt: (num - at * den) / den, spit, tspi, ieact, reasons };
}
