import * as z from 'zod';
import { CurrencySchema } from '../../core/money.js';
import { CostCategorySchema } from '../../model/budget.js';
import { InstantSchema, IsoDateSchema, LocalDateTimeSchema, MinorUnitsSchema, TagsSchema } from '../../model/primitives.js';
import { LabelSchema, MetricUnitSchema, NoteSchema } from './_common.js';

/**
 * What the retrospective (复盘) is built from: the KPI rows of the effect tracking table
 * (`buildTrackingTable` gives them), schedule variance against a baseline (`compareToBaseline`
 * gives it in working minutes), stage cycle times with their SLAs, budget by category, and the
 * lessons the team wrote down. Money is integer minor units of `currency`; durations are working
 * minutes, shown in working days of `minutesPerDay`.
 */

/** One KPI target against its actual value, with the team's explanation. */
export const RetrospectiveKpiSchema = z.object({
  /** The activity (活动名称), e.g. the campaign or a part of it. */
  activity: LabelSchema,
  /** The key metric's display name (关键指标). */
  metric: LabelSchema,
  /** Unit of `target` and `actual` (rates as fractions, `currency` in minor units). */
  unit: MetricUnitSchema,
  /** Target value (目标值). */
  target: z.number().finite(),
  /** Actual value (实际值), `null` when it could not be computed. */
  actual: z.number().finite().nullable(),
  /** Why the actual differs (原因分析). */
  reason: NoteSchema.optional(),
  /** What to change next time (改进方向). */
  improvement: NoteSchema.optional(),
});

/** One task's finish against the baseline. */
export const ScheduleVarianceSchema = z.object({
  /** Task name. */
  task: LabelSchema,
  /** Finish in the baseline. */
  baselineFinish: LocalDateTimeSchema,
  /** Actual finish, or `null` when the task has not finished. */
  actualFinish: LocalDateTimeSchema.nullable(),
  /** Working minutes from the baseline finish to the actual (or forecast) finish; positive is late. */
  varianceMinutes: z.number().finite(),
});

/** One process stage's cycle time against its SLA. */
export const StageCycleSchema = z.object({
  /** Stage name. */
  stage: LabelSchema,
  /** Time the SLA allows, in working minutes. */
  slaMinutes: z.number().finite().min(0),
  /** Time the stage took, in working minutes. */
  actualMinutes: z.number().finite().min(0),
});

/** One cost category's planned and actual amounts. */
export const BudgetCategoryVarianceSchema = z.object({
  /** Cost category id. */
  category: CostCategorySchema,
  /** Planned amount. */
  planned: MinorUnitsSchema.min(0),
  /** Actual amount. */
  actual: MinorUnitsSchema.min(0),
});

/** A lesson learned. */
export const RetrospectiveLessonSchema = z.object({
  /** What the team learned. */
  text: z.string().trim().min(1, 'must not be empty').max(5000),
  /** Its category, e.g. `planning`, `creative`, `vendor`. */
  category: LabelSchema.optional(),
  /** Labels. */
  tags: TagsSchema.default([]),
});

/** Input of `retrospectiveReport`. */
export const RetrospectiveReportInputSchema = z
  .object({
    /** Campaign name. */
    campaign: LabelSchema,
    /** The campaign's first and last day. */
    period: z.object({
      /** First day. */
      from: IsoDateSchema,
      /** Last day. */
      to: IsoDateSchema,
    }),
    /** When the report was generated. */
    generatedAt: InstantSchema,
    /** Currency of the money. */
    currency: CurrencySchema,
    /** Working minutes in a working day, for showing durations in days (default 480). */
    minutesPerDay: z.int().min(1).max(1440).default(480),
    /** Results against targets: the seed table. */
    kpis: z.array(RetrospectiveKpiSchema).default([]),
    /** Finish variance against the baseline, per task. */
    schedule: z.array(ScheduleVarianceSchema).default([]),
    /** Stage cycle times. */
    stages: z.array(StageCycleSchema).default([]),
    /** Budget by category. */
    budget: z.array(BudgetCategoryVarianceSchema).default([]),
    /** Lessons learned. */
    lessons: z.array(RetrospectiveLessonSchema).default([]),
  })
  .refine((input) => input.period.from <= input.period.to, { message: 'period.to must not be before period.from', path: ['period', 'to'] });

/** Input of `retrospectiveReport`, as accepted (lists may be left out). */
export type RetrospectiveReportInput = z.input<typeof RetrospectiveReportInputSchema>;
