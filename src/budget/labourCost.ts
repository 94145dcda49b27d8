import * as z from 'zod';
import type { ErrorIssue } from '../core/errors.js';
import { fractionOf } from '../core/fraction.js';
import { CurrencySchema, multiplyMinor } from '../core/money.js';
import { parseInput, validationError } from '../core/validate.js';
import { LabourRateSchema, type LabourRate, type LabourRateInput } from '../model/budget.js';
import { MemberIdSchema, TaskIdSchema, type MemberId, type TaskId } from '../model/ids.js';
import { IsoDateSchema } from '../model/primitives.js';

/** Hours worked by one person on one day. */
export const LabourEntrySchema = z.object({
  /** Who worked. */
  memberId: MemberIdSchema,
  /** Their job role that day, used when they have no personal rate, e.g. `designer`. */
  role: z.string().min(1).max(100).optional(),
  /** The day worked. */
  date: IsoDateSchema,
  /** Hours worked (decimals allowed, e.g. 7.5). */
  hours: z.number().min(0, 'hours cannot be negative').max(24, 'at most 24 hours in a day'),
  /** The task worked on, if any. */
  taskId: TaskIdSchema.optional(),
});
/** See {@link LabourEntrySchema}. */
export type LabourEntry = z.input<typeof LabourEntrySchema>;

const LabourCostInputSchema = z.object({
  /** Currency the cost is wanted in; every rate used must be in it. */
  currency: CurrencySchema,
  /** Hourly rates by person or role, with the dates they apply. */
  rates: z.array(LabourRateSchema),
  /** Hours worked. */
  entries: z.array(LabourEntrySchema),
});

/** The cost of one entry. */
export interface CostedLabourEntry {
  /** Who worked. */
  readonly memberId: MemberId;
  /** The day. */
  readonly date: string;
  /** Hours worked. */
  readonly hours: number;
  /** The task, if any. */
  readonly taskId?: TaskId;
  /** The hourly rate applied, minor units. */
  readonly rate: number;
  /** Whether the rate was the person's own or their role's. */
  readonly rateSource: 'member' | 'role';
  /** hours × rate, rounded half to even to the minor unit. */
  readonly cost: number;
}

/** Labour cost of a set of entries. */
export interface LabourCost {
  /** Currency of every amount. */
  readonly currency: string;
  /** One row per entry, in input order. */
  readonly entries: readonly CostedLabourEntry[];
  /** Per person: hours and cost, in order of first appearance. */
  readonly byMember: readonly { readonly memberId: MemberId; readonly hours: number; readonly cost: number }[];
  /** The sum of the entries' costs. */
  readonly total: number;
}

function applies(rate: LabourRate, date: string): boolean {
  return rate.effectiveFrom <= date && (rate.effectiveTo === undefined || date <= rate.effectiveTo);
}

/** Adds hours as the decimals they were typed as, so 0.1 + 0.2 is 0.3 rather than 0.30000000000000004. */
function addHours(a: number, b: number): number {
  const x = fractionOf(a);
  const y = fractionOf(b);
  // Both denominators are powers of ten, so the larger is a common one and the sum is decimal text.
  const d = x.d > y.d ? x.d : y.d;
  const n = x.n * (d / x.d) + y.n * (d / y.d);
  return Number(`${n}e-${d.toString().length - 1}`);
}

/** The rate that applies: the person's own, else the role's; the latest `effectiveFrom` wins. */
function rateFor(rates: readonly LabourRate[], memberId: string, role: string | undefined, date: string): { rate: LabourRate; source: 'member' | 'role' } | undefined {
  const latest = (candidates: LabourRate[]) => candidates.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  const own = latest(rates.filter((r) => r.memberId === memberId && applies(r, date)));
  if (own !== undefined) return { rate: own, source: 'member' };
  const byRole = role === undefined ? undefined : latest(rates.filter((r) => r.role === role && applies(r, date)));
  return byRole === undefined ? undefined : { rate: byRole, source: 'role' };
}

/**
 * Labour cost = hours × hourly rate, per entry, exact to the minor unit (the product is rounded
 * half to even once per entry; totals are sums of the rounded entries, so they always add up).
 * A person's own rate wins over their role's; among rates in effect on the day, the one that
 * started latest wins. An entry with no rate, or a rate in another currency, is a `VALIDATION`
 * error naming `entries[i]`.
 *
 * @example
 * ```ts
 * labourCost({
 *   currency: 'CNY',
 *   rates: [
 *     { role: 'designer', rate: 300_00, currency: 'CNY', effectiveFrom: '2026-01-01' },
 *     { memberId: 'm-wang', rate: 450_00, currency: 'CNY', effectiveFrom: '2026-04-01' },
 *   ],
 *   entries: [
 *     { memberId: 'm-wang', role: 'designer', date: '2026-03-31', hours: 7.5 }, // role rate: 2,250.00
 *     { memberId: 'm-wang', role: 'designer', date: '2026-04-01', hours: 2 },   // own rate:    900.00
 *   ],
 * }).total; // 315000 (3,150.00 CNY)
 * ```
 */
export function labourCost(input: { currency: string; rates: readonly LabourRateInput[]; entries: readonly LabourEntry[] }): LabourCost {
  const { currency, rates, entries } = parseInput(LabourCostInputSchema, input, 'labour cost');
  const issues: ErrorIssue[] = [];
  const costed: CostedLabourEntry[] = [];
  entries.forEach((entry, i) => {
    const found = rateFor(rates, entry.memberId, entry.role, entry.date);
    if (found === undefined) {
      const who = entry.role === undefined ? `member ${entry.memberId}` : `member ${entry.memberId} or role ${entry.role}`;
      issues.push({ path: ['entries', i], message: `no rate for ${who} on ${entry.date}; add one to rates`, code: 'custom' });
      return;
    }
    if (found.rate.currency !== currency) {
      issues.push({ path: ['entries', i], message: `mixed currencies: the rate that applies is in ${found.rate.currency}, the cost is wanted in ${currency}`, code: 'custom' });
      return;
    }
    costed.push({
      memberId: entry.memberId,
      date: entry.date,
      hours: entry.hours,
      ...(entry.taskId === undefined ? {} : { taskId: entry.taskId }),
      rate: found.rate.rate,
      rateSource: found.source,
      cost: multiplyMinor(found.rate.rate, entry.hours),
    });
  });
  if (issues.length > 0) throw validationError('labour cost', issues);
  const byMember = new Map<MemberId, { memberId: MemberId; hours: number; cost: number }>();
  for (const e of costed) {
    const row = byMember.get(e.memberId) ?? { memberId: e.memberId, hours: 0, cost: 0 };
    byMember.set(e.memberId, { memberId: e.memberId, hours: addHours(row.hours, e.hours), cost: row.cost + e.cost });
  }
  return { currency, entries: costed, byMember: [...byMember.values()], total: costed.reduce((sum, e) => sum + e.cost, 0) };
}
