import type { PhasedAmount } from '../../budget/timePhase.js';
import { addDays } from '../../calendar/periods.js';
import { allocateMinor } from '../../core/money.js';

/**
 * Spreads an estimate to complete over the planned profile after the status date: each remaining
 * planned day gets a share in proportion to its planned amount (largest remainder, so the days add
 * up to `etc` exactly). With nothing planned after the status date, the whole estimate falls on
 * the next day: it is still to be spent, and the plan says no better when.
 */
export function spreadToComplete(etc: number, planned: readonly PhasedAmount[], statusDate: string): PhasedAmount[] {
  if (etc === 0) return [];
  const remaining = planned.filter((d) => d.date > statusDate && d.amount > 0);
  if (remaining.length === 0) return [{ date: addDays(statusDate, 1), amount: etc }];
  const shares = allocateMinor(etc, remaining.map((d) => d.amount));
  return remaining.map((d, i) => ({ date: d.date, amount: shares[i] ?? 0 }));
}
