import * as z from 'zod';
import { BudgetLineIdSchema, CampaignIdSchema, ExpenseIdSchema, MemberIdSchema, StageIdSchema, TaskIdSchema } from './ids.js';
import { CurrencyCodeSchema, IsoDateSchema, MinorUnitsSchema } from './primitives.js';

/** Built-in cost categories; hosts may use their own category ids as well. */
export const COST_CATEGORIES = ['media', 'creative', 'materials', 'venue', 'travel', 'agency', 'labour', 'other'] as const;
/** One of the built-in {@link COST_CATEGORIES}. */
export type BuiltInCostCategory = (typeof COST_CATEGORIES)[number];

/** A category id: a built-in one or a host-defined one (lower-case, `a-z0-9-_`). */
export const CostCategorySchema = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'expected a category id such as media or venue');

/** A planned amount for one category of one campaign (optionally one task or stage). */
export const BudgetLineSchema = z.object({
  /** Id. */
  id: BudgetLineIdSchema,
  /** Owning campaign. */
  campaignId: CampaignIdSchema,
  /** Task the line is spread over (time phasing), if any. */
  taskId: TaskIdSchema.optional(),
  /** Process stage the line belongs to, if any. */
  stageId: StageIdSchema.optional(),
  /** Cost category. */
  category: CostCategorySchema,
  /** A cost (spend) or a revenue line; decides which variance sign is favourable. */
  kind: z.enum(['cost', 'revenue']).default('cost'),
  /** Label, e.g. "Booth construction". */
  name: z.string().max(500).optional(),
  /** Planned amount in minor units (never negative). */
  planned: MinorUnitsSchema.min(0, 'a planned amount cannot be negative'),
  /** Currency of every amount on the line. */
  currency: CurrencyCodeSchema,
  /** An entered estimate at completion; derived when absent. */
  forecast: MinorUnitsSchema.min(0).optional(),
});
/** A budget line, as stored. */
export type BudgetLine = z.infer<typeof BudgetLineSchema>;
/** A budget line, as accepted on input. */
export type BudgetLineInput = z.input<typeof BudgetLineSchema>;

/**
 * Money against a budget: a commitment (a purchase order or signed contract not yet invoiced) or an
 * actual (an invoiced or paid expense).
 */
export const ExpenseSchema = z.object({
  /** Id. */
  id: ExpenseIdSchema,
  /** Owning campaign. */
  campaignId: CampaignIdSchema,
  /** Budget line charged, if known. */
  budgetLineId: BudgetLineIdSchema.optional(),
  /** Cost category. */
  category: CostCategorySchema,
  /** `commitment` (PO / contract) or `actual` (invoice / payment). */
  kind: z.enum(['commitment', 'actual']),
  /** Amount in minor units. */
  amount: MinorUnitsSchema.min(0, 'an expense cannot be negative; record a credit as its own line'),
  /** Currency of the amount. */
  currency: CurrencyCodeSchema,
  /** Date incurred. */
  date: IsoDateSchema,
  /** Task the cost belongs to. */
  taskId: TaskIdSchema.optional(),
  /** Supplier or agency. */
  vendor: z.string().max(500).optional(),
  /** What was bought. */
  description: z.string().max(5000).optional(),
  /** PO number, invoice number, … */
  reference: z.string().max(200).optional(),
  /** Who recorded it. */
  recordedBy: MemberIdSchema.optional(),
});
/** An expense or commitment, as stored. */
export type Expense = z.infer<typeof ExpenseSchema>;
/** An expense or commitment, as accepted on input. */
export type ExpenseInput = z.input<typeof ExpenseSchema>;
