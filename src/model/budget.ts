import * as z from 'zod';
import { CurrencySchema } from '../core/money.js';
import { ApprovalIdSchema, BudgetLineIdSchema, CampaignIdSchema, ExpenseIdSchema, MemberIdSchema, StageIdSchema, TaskIdSchema } from './ids.js';
import { InstantSchema, IsoDateSchema, MinorUnitsSchema } from './primitives.js';

/** Built-in cost categories; hosts may use their own category ids as well. */
export const COST_CATEGORIES = ['media', 'creative', 'materials', 'venue', 'travel', 'agency', 'labour', 'other'] as const;
/** One of the built-in {@link COST_CATEGORIES}. */
export type BuiltInCostCategory = (typeof COST_CATEGORIES)[number];

/** A category id: a built-in one or a host-defined one (lower-case, `a-z0-9-_`). */
export const CostCategorySchema = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'expected a category id such as media or venue');

/** One explicit period of a time-phased line: the amount is spread evenly over its working days. */
export const PhasingPeriodSchema = z
  .object({
    /** First day of the period. */
    from: IsoDateSchema,
    /** Last day of the period (inclusive). */
    to: IsoDateSchema,
    /** Amount planned in the period, in minor units. */
    amount: MinorUnitsSchema.min(0, 'a period amount cannot be negative'),
  })
  .refine((p) => p.from <= p.to, { message: 'to must not be before from', path: ['to'] });

/**
 * How a line's planned amount spreads over the working days of its task: `even`, `front` loaded
 * (linearly falling), `back` loaded (linearly rising), or explicit periods with their own amounts.
 */
export const PhasingProfileSchema = z.union([
  z.enum(['even', 'front', 'back']),
  z.object({
    /** Explicit periods, not overlapping; their amounts add up to the line's planned amount. */
    periods: z.array(PhasingPeriodSchema).min(1),
  }),
]);
/** See {@link PhasingProfileSchema}. */
export type PhasingProfile = z.infer<typeof PhasingProfileSchema>;

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
  currency: CurrencySchema,
  /** An entered estimate at completion; derived when absent. */
  forecast: MinorUnitsSchema.min(0, 'a forecast cannot be negative').optional(),
  /** How the planned amount spreads over the task's working days; `even` when absent. */
  phasing: PhasingProfileSchema.optional(),
});
/** A budget line, as stored. */
export type BudgetLine = z.infer<typeof BudgetLineSchema>;
/** A budget line, as accepted on input. */
export type BudgetLineInput = z.input<typeof BudgetLineSchema>;

/** One correction of a recorded expense (the audit trail holds the old and new values). */
export const ExpenseCorrectionSchema = z.object({
  /** When. */
  at: InstantSchema,
  /** Who. */
  by: MemberIdSchema,
  /** Why, e.g. "invoice amount was mistyped". */
  reason: z.string().min(1).max(2000),
  /** The fields changed. */
  fields: z.array(z.string().min(1).max(100)).min(1),
});

/**
 * Money against a budget: a commitment (a purchase order or signed contract not yet invoiced) or an
 * actual (an invoiced or paid expense).
 */
export const ExpenseSchema = z
  .object({
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
    currency: CurrencySchema,
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
    /**
     * For an actual: the commitment (PO or contract) it invoices. The invoiced amount is released
     * from that commitment, so the same money is not counted as both committed and actual.
     */
    commitmentId: ExpenseIdSchema.optional(),
    /** Corrections made since it was recorded, oldest first: when, by whom, why and which fields. */
    corrections: z.array(ExpenseCorrectionSchema).max(1000).default([]),
    /** When it was voided; a voided expense counts in no total, threshold or KPI. */
    voidedAt: InstantSchema.optional(),
    /** Who voided it. */
    voidedBy: MemberIdSchema.optional(),
    /** Why it was voided. */
    voidReason: z.string().min(1).max(2000).optional(),
  })
  .refine((e) => e.commitmentId === undefined || e.kind === 'actual', {
    message: 'only an actual expense can invoice a commitment',
    path: ['commitmentId'],
  });
/** An expense or commitment, as stored. */
export type Expense = z.infer<typeof ExpenseSchema>;
/** An expense or commitment, as accepted on input. */
export type ExpenseInput = z.input<typeof ExpenseSchema>;

/**
 * Threshold levels as fractions over (or under) the planned amount: `{ warn: 0.05, block: 0.1 }`
 * warns above +5 % and blocks above +10 %. Reaching a level exactly is still within it.
 */
export const ThresholdLevelsSchema = z
  .object({
    /** Warn when the amount is more than this fraction over planned (0.05 = +5 %). */
    warn: z.number().min(0, 'a threshold is a fraction ≥ 0, e.g. 0.05 for +5 %').finite().optional(),
    /** Block (and, by policy, reject new expenses) when more than this fraction over planned. */
    block: z.number().min(0, 'a threshold is a fraction ≥ 0, e.g. 0.1 for +10 %').finite().optional(),
    /** Warn when the forecast is more than this fraction under planned (money left unused). */
    under: z.number().min(0).max(1, 'an underspend threshold is a fraction between 0 and 1').optional(),
  })
  .refine((l) => l.warn === undefined || l.block === undefined || l.block >= l.warn, {
    message: 'block must not be below warn',
    path: ['block'],
  });
/** See {@link ThresholdLevelsSchema}. */
export type ThresholdLevels = z.infer<typeof ThresholdLevelsSchema>;

/** Which thresholds apply where, and what a blocking level does to a new expense. */
export const BudgetThresholdsSchema = z.object({
  /** Levels for the campaign's total cost. */
  campaign: ThresholdLevelsSchema.optional(),
  /** Levels for every category that has none of its own. */
  defaultCategory: ThresholdLevelsSchema.optional(),
  /** Levels per category id. */
  categories: z.record(CostCategorySchema, ThresholdLevelsSchema).default({}),
  /** Levels per budget line id. */
  lines: z.record(z.string().min(1), ThresholdLevelsSchema).default({}),
  /** What crossing a blocking level does to a new expense: `reject` it, or only `alert`. */
  onBlock: z.enum(['reject', 'alert']).default('reject'),
});
/** A threshold policy, as stored. */
export type BudgetThresholds = z.infer<typeof BudgetThresholdsSchema>;
/** A threshold policy, as accepted on input. */
export type BudgetThresholdsInput = z.input<typeof BudgetThresholdsSchema>;

/** An hourly labour rate for one person or one job role, valid over a date range. */
export const LabourRateSchema = z
  .object({
    /** The person the rate is for; a person's rate wins over their role's. */
    memberId: MemberIdSchema.optional(),
    /** The job role the rate is for, e.g. `designer` or `copywriter`. */
    role: z.string().min(1).max(100).optional(),
    /** Cost of one hour in minor units. */
    rate: MinorUnitsSchema.min(0, 'a rate cannot be negative'),
    /** Currency of the rate. */
    currency: CurrencySchema,
    /** First day the rate applies. */
    effectiveFrom: IsoDateSchema,
    /** Last day the rate applies (inclusive); open-ended when absent. */
    effectiveTo: IsoDateSchema.optional(),
  })
  .refine((r) => (r.memberId === undefined) !== (r.role === undefined), {
    message: 'a rate is for exactly one of memberId or role',
    path: ['memberId'],
  })
  .refine((r) => r.effectiveTo === undefined || r.effectiveFrom <= r.effectiveTo, {
    message: 'effectiveTo must not be before effectiveFrom',
    path: ['effectiveTo'],
  });
/** An hourly labour rate. */
export type LabourRate = z.infer<typeof LabourRateSchema>;
/** An hourly labour rate, as accepted on input. */
export type LabourRateInput = z.input<typeof LabourRateSchema>;

/**
 * An expense or commitment waiting for its budget approval: what will be recorded once the
 * approval's last stage approves it, in the same command; nothing is recorded if it is rejected.
 */
export const ExpenseRequestSchema = z.object({
  /** The id the expense will have. */
  id: ExpenseIdSchema,
  /** The campaign. */
  campaignId: CampaignIdSchema,
  /** The approval deciding it. */
  approvalId: ApprovalIdSchema,
  /** The expense as requested. */
  expense: ExpenseSchema,
  /** Who asked. */
  requestedBy: MemberIdSchema,
  /** When. */
  requestedAt: InstantSchema,
  /** `pending` until the approval ends: `recorded`, `rejected` or `cancelled`. */
  status: z.enum(['pending', 'recorded', 'rejected', 'cancelled']),
});
/** An expense waiting for its budget approval. */
export type ExpenseRequest = z.infer<typeof ExpenseRequestSchema>;
