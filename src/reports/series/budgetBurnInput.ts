import * as z from 'zod';
import { BudgetStateSchema } from '../../budget/budgetState.js';
import { EvmTaskSchema } from '../../budget/evm/campaignEvm.js';
import { CalendarSchema } from '../../model/calendar.js';
import { IsoDateSchema, MinorUnitsSchema } from '../../model/primitives.js';

/**
 * Input of {@link budgetBurn}: the campaign's budget as stored, the status date, the period size,
 * and where each cost line's planned amount is spread.
 */
export const BudgetBurnInputSchema = z.object({
  /** The campaign's budget: campaign (currency and dates), lines, commitments and actual expenses. */
  budget: BudgetStateSchema,
  /** The status date: actuals and commitments dated up to and including it count; later ones are ignored. */
  statusDate: IsoDateSchema,
  /** Period of each point: `day`, ISO `week` (the default) or calendar `month`. */
  period: z.enum(['day', 'week', 'month']).default('week'),
  /** Tasks that lines name in `taskId`, with their working days (the same tasks `campaignEvm` takes). */
  tasks: z.array(EvmTaskSchema.pick({ id: true, workingDays: true })).default([]),
  /** Working days to spread a line over, by line id; wins over the line's task. */
  lineDays: z.record(z.string(), z.array(IsoDateSchema)).default({}),
  /** Calendar of the campaign, for lines with neither a task nor `lineDays`; `STANDARD_CALENDAR` when absent. */
  calendar: CalendarSchema.optional(),
  /** The calendars `calendar` derives from, if it is a derived calendar. */
  calendars: z.array(CalendarSchema).default([]),
  /**
   * A campaign-wide estimate at completion in minor units (e.g. `campaignEvm(…).campaign.eac.cpi`);
   * when absent, each line's forecast is used (see {@link budgetBurn}).
   */
  estimateAtCompletion: MinorUnitsSchema.min(0, 'an estimate at completion cannot be negative').optional(),
});
/** Input of {@link budgetBurn}, as accepted. */
export type BudgetBurnInput = z.input<typeof BudgetBurnInputSchema>;
/** Input of {@link budgetBurn}, parsed. */
export type BudgetBurnParsed = z.output<typeof BudgetBurnInputSchema>;
