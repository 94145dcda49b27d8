import * as z from 'zod';
import type { ErrorIssue } from '../core/errors.js';
import { allocateMinor } from '../core/money.js';
import { parseInput, validationError } from '../core/validate.js';
import { PhasingProfileSchema, type PhasingProfile } from '../model/budget.js';
import { IsoDateSchema, MinorUnitsSchema } from '../model/primitives.js';
import { periodsBetween, type PeriodUnit } from '../calendar/periods.js';

export type { PeriodUnit } from '../calendar/periods.js';

/** What to spread: an amount over the working days a task occupies. */
export const TimePhaseInputSchema = z.object({
  /** The amount to spread, minor units. */
  amount: MinorUnitsSchema.min(0, 'a planned amount cannot be negative'),
  /** The task's working days in order (the scheduler supplies them), e.g. `['2026-04-01', …]`. */
  workingDays: z.array(IsoDateSchema),
  /** How to spread it; `even` by default. */
  profile: PhasingProfileSchema.default('even'),
});
/** See {@link TimePhaseInputSchema}. */
export type TimePhaseInput = z.input<typeof TimePhaseInputSchema>;

/** An amount planned on one day, minor units. */
export interface PhasedAmount {
  /** The day, `YYYY-MM-DD`. */
  readonly date: string;
  /** Minor units planned that day. */
  readonly amount: number;
}

/** An amount planned in one period. */
export interface PeriodAmount {
  /** `2026-04-01` (day), `2026-W14` (ISO week) or `2026-04` (month). */
  readonly period: string;
  /** First day of the period. */
  readonly start: string;
  /** Last day of the period. */
  readonly end: string;
  /** Minor units planned in the period. */
  readonly amount: number;
}

type Path = readonly (string | number)[];

function fail(path: Path, message: string): never {
  throw validationError('time phasing', [{ path, message, code: 'custom' } satisfies ErrorIssue]);
}

function weightsFor(profile: 'even' | 'front' | 'back', n: number): number[] {
  // Linear contours: day k of n weighs n − k (front) or k + 1 (back); their sum is n(n+1)/2.
  return Array.from({ length: n }, (_, k) => (profile === 'even' ? 1 : profile === 'front' ? n - k : k + 1));
}

/**
 * Spreads an already parsed amount; shared with the earned-value engine, which validates its own
 * input and passes the paths of the task's days and the line's profile for messages.
 */
export function spread(
  amount: number,
  workingDays: readonly string[],
  profile: PhasingProfile,
  paths: { readonly days: Path; readonly profile: Path } = { days: ['workingDays'], profile: ['profile'] },
): PhasedAmount[] {
  workingDays.forEach((day, i) => {
    const previous = workingDays[i - 1];
    if (previous !== undefined && previous >= day) fail([...paths.days, i], `working days must be in order without repeats; ${day} follows ${previous}`);
  });
  if (amount > 0 && workingDays.length === 0) fail(paths.days, 'an amount needs at least one working day to be spread over');
  if (typeof profile === 'string') {
    const shares = workingDays.length === 0 ? [] : allocateMinor(amount, weightsFor(profile, workingDays.length));
    return workingDays.map((date, i) => ({ date, amount: shares[i] ?? 0 }));
  }
  const total = profile.periods.reduce((sum, p) => sum + p.amount, 0);
  if (total !== amount) fail([...paths.profile, 'periods'], `the periods add up to ${total} but the amount to spread is ${amount}`);
  const sorted = [...profile.periods].map((p, i) => ({ ...p, i })).sort((a, b) => (a.from < b.from ? -1 : 1));
  sorted.forEach((p, k) => {
    const next = sorted[k + 1];
    if (next !== undefined && next.from <= p.to) fail([...paths.profile, 'periods', next.i, 'from'], `period overlaps the one ending ${p.to}`);
  });
  const amounts = new Map<string, number>();
  profile.periods.forEach((p, i) => {
    const days = workingDays.filter((d) => d >= p.from && d <= p.to);
    if (p.amount > 0 && days.length === 0) fail([...paths.profile, 'periods', i], `no working day between ${p.from} and ${p.to} to spread ${p.amount} over`);
    const shares = days.length === 0 ? [] : allocateMinor(p.amount, days.map(() => 1));
    days.forEach((d, k) => amounts.set(d, shares[k] ?? 0));
  });
  return workingDays.map((date) => ({ date, amount: amounts.get(date) ?? 0 }));
}

/**
 * Spreads an amount over a task's working days, to the minor unit: the days always add up to the
 * amount exactly (largest-remainder rounding, earlier days first on a tie).
 *
 * - `even`: the same share each day;
 * - `front`: linearly falling — on n days, day k (from 0) weighs n − k;
 * - `back`: linearly rising — day k weighs k + 1;
 * - `{ periods }`: each period's amount spread evenly over the working days inside it.
 *
 * @example
 * ```ts
 * timePhase({ amount: 1000, workingDays: ['2026-04-01', '2026-04-02', '2026-04-03'] });
 * // [{ date: '2026-04-01', amount: 334 }, { date: '2026-04-02', amount: 333 }, { date: '2026-04-03', amount: 333 }]
 * timePhase({ amount: 600, workingDays: ['2026-04-01', '2026-04-02', '2026-04-03'], profile: 'front' });
 * // amounts 300, 200, 100
 * ```
 */
export function timePhase(input: TimePhaseInput): PhasedAmount[] {
  const { amount, workingDays, profile } = parseInput(TimePhaseInputSchema, input, 'time phasing');
  return spread(amount, workingDays, profile);
}

const PhasedAmountsSchema = z.array(
  z.object({
    /** The day. */
    date: IsoDateSchema,
    /** Minor units that day. */
    amount: MinorUnitsSchema,
  }),
);

/**
 * Sums daily amounts per day, ISO week (Monday to Sunday, `2026-W14`) or calendar month
 * (`2026-04`). Every period from the first day's to the last day's is listed, empty ones with 0, so
 * the result is ready for a chart's axis.
 *
 * @example
 * ```ts
 * phaseByPeriod([{ date: '2026-03-31', amount: 5 }, { date: '2026-04-01', amount: 7 }], 'month');
 * // [{ period: '2026-03', start: '2026-03-01', end: '2026-03-31', amount: 5 },
 * //  { period: '2026-04', start: '2026-04-01', end: '2026-04-30', amount: 7 }]
 * ```
 */
export function phaseByPeriod(days: readonly PhasedAmount[], unit: PeriodUnit): PeriodAmount[] {
  const parsed = parseInput(PhasedAmountsSchema, days, 'phased amounts');
  const unitOk = parseInput(z.enum(['day', 'week', 'month']), unit, 'period unit');
  if (parsed.length === 0) return [];
  const dates = parsed.map((d) => d.date).sort();
  const first = dates[0] ?? '';
  const last = dates[dates.length - 1] ?? '';
  return periodsBetween(first, last, unitOk).map((p) => ({
    period: p.key,
    start: p.start,
    end: p.end,
    amount: parsed.reduce((sum, d) => (d.date >= p.start && d.date <= p.end ? sum + d.amount : sum), 0),
  }));
}

/**
 * The amount planned up to and including `date`: the planned value (PV) at a status date.
 *
 * @example
 * ```ts
 * cumulativeAt([{ date: '2026-04-01', amount: 300 }, { date: '2026-04-02', amount: 200 }], '2026-04-01'); // 300
 * ```
 */
export function cumulativeAt(days: readonly PhasedAmount[], date: string): number {
  const parsed = parseInput(PhasedAmountsSchema, days, 'phased amounts');
  const until = parseInput(IsoDateSchema, date, 'status date');
  return parsed.reduce((sum, d) => (d.date <= until ? sum + d.amount : sum), 0);
}
