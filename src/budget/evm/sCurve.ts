import * as z from 'zod';
import { parseInput } from '../../core/validate.js';
import { periodsBetween } from '../../calendar/periods.js';
import { CampaignEvmInputSchema, earnedAt, upTo, workPackages } from './_workPackages.js';

/** Inputs of an S-curve: the campaign's earned-value inputs and the period size. */
export const SCurveInputSchema = CampaignEvmInputSchema.extend({
  /** Period of each point: `day`, ISO `week` (the default) or `month`. */
  period: z.enum(['day', 'week', 'month']).default('week'),
});
/** See {@link SCurveInputSchema}. */
export type SCurveInput = z.input<typeof SCurveInputSchema>;

/** One point of the S-curve. EV and AC are `null` for periods that start after the status date. */
export interface SCurvePoint {
  /** `2026-04-01`, `2026-W14` or `2026-04`. */
  readonly period: string;
  /** First day of the period. */
  readonly start: string;
  /** Last day of the period. */
  readonly end: string;
  /** Planned value in the period. */
  readonly pv: number;
  /** Earned value gained in the period (up to the status date in the status period). */
  readonly ev: number | null;
  /** Actual cost in the period (up to the status date in the status period). */
  readonly ac: number | null;
  /** Planned value to the end of the period. */
  readonly cumulativePv: number;
  /** Earned value to the end of the period, or to the status date. */
  readonly cumulativeEv: number | null;
  /** Actual cost to the end of the period, or to the status date. */
  readonly cumulativeAc: number | null;
}

/** An S-curve: PV, EV and AC per period, ready for a chart. */
export interface SCurve {
  /** Currency of every amount (minor units). */
  readonly currency: string;
  /** The status date. */
  readonly statusDate: string;
  /** Budget at completion of the task-linked cost lines (the last point's cumulative PV). */
  readonly bac: number;
  /** Points in time order, every period from the first planned day or cost to the last planned day or the status date. */
  readonly points: readonly SCurvePoint[];
}

/**
 * PV, EV and AC per period (day, ISO week or month), per period and cumulative: the data behind
 * the classic earned-value S-curve chart. PV runs over the whole plan; EV and AC stop at the
 * status date. EV of earlier periods comes from each task's `history` readings (or milestones'
 * `doneOn`), so the curve shows how progress was reported over time. Per-period PV can be passed
 * straight to {@link earnedSchedule}.
 *
 * @example
 * ```ts
 * sCurve({ ...campaignEvmInput, period: 'week' }).points[0];
 * // { period: '2026-W14', start: '2026-03-30', end: '2026-04-05', pv: 30000, ev: 16000, ac: 25000,
 * //   cumulativePv: 30000, cumulativeEv: 16000, cumulativeAc: 25000 }
 * ```
 */
export function sCurve(input: SCurveInput): SCurve {
  const parsed = parseInput(SCurveInputSchema, input, 'S-curve input');
  const { packages, currency } = workPackages(parsed);
  const { statusDate, method, period } = parsed;
  const bac = packages.reduce((s, p) => s + p.bac, 0);
  const days = packages.flatMap((p) => [...p.daily.map((d) => d.date), ...p.actuals.map((a) => a.date)]).sort();
  const first = days[0];
  if (first === undefined) return { currency, statusDate, bac, points: [] };
  const lastDay = days[days.length - 1] ?? first;
  const last = lastDay > statusDate ? lastDay : statusDate;
  let previous = { pv: 0, ev: 0, ac: 0 };
  const points = periodsBetween(first, last, period).map<SCurvePoint>((p) => {
    const cumulativePv = packages.reduce((s, pkg) => s + upTo(pkg.daily, p.end), 0);
    const pv = cumulativePv - previous.pv;
    if (p.start > statusDate) {
      previous = { ...previous, pv: cumulativePv };
      return { period: p.key, start: p.start, end: p.end, pv, ev: null, ac: null, cumulativePv, cumulativeEv: null, cumulativeAc: null };
    }
    const asOf = p.end < statusDate ? p.end : statusDate;
    const cumulativeEv = packages.reduce((s, pkg) => s + earnedAt(pkg, method, asOf, statusDate), 0);
    const cumulativeAc = packages.reduce((s, pkg) => s + upTo(pkg.actuals, asOf), 0);
    const point = {
      period: p.key,
      start: p.start,
      end: p.end,
      pv,
      ev: cumulativeEv - previous.ev,
      ac: cumulativeAc - previous.ac,
      cumulativePv,
      cumulativeEv,
      cumulativeAc,
    };
    previous = { pv: cumulativePv, ev: cumulativeEv, ac: cumulativeAc };
    return point;
  });
  return { currency, statusDate, bac, points };
}
