import * as z from 'zod';
import { CurrencySchema } from '../../core/money.js';
import { CostCategorySchema } from '../../model/budget.js';
import { finishesBeforeStart, InstantSchema, LocalDateTimeSchema, MinorUnitsSchema } from '../../model/primitives.js';
import { LabelSchema, MetricUnitSchema, NoteSchema } from './_common.js';

/**
 * What a daily or weekly report is built from: plain lists the workspace fills from storage, one
 * per section, each item already chosen for the period. Dates and times are local wall-clock
 * `YYYY-MM-DDTHH:mm` in the campaign's time zone (the workspace converts instants with its
 * `timeZone`), except `generatedAt`, an instant. Money is integer minor units of `currency`.
 */

const TaskItem = {
  /** Task name. */
  task: LabelSchema,
  /** The task's campaign, shown in a member's report. */
  campaign: LabelSchema.optional(),
  /** Who is accountable, shown in a campaign's report. */
  owner: LabelSchema.optional(),
};

/** A task that finished in the period. */
export const FinishedTaskSchema = z.object({
  ...TaskItem,
  /** When it actually finished. */
  finishedAt: LocalDateTimeSchema,
});

/** A task that started in the period. */
export const StartedTaskSchema = z.object({
  ...TaskItem,
  /** When it actually started. */
  startedAt: LocalDateTimeSchema,
});

/** A task past its due time and not finished, with what holds it up. */
export const LateTaskSchema = z.object({
  ...TaskItem,
  /** When it was due (its deadline or planned finish). */
  due: LocalDateTimeSchema,
  /** Why it is late, or what blocks it, as the team wrote it. */
  reason: NoteSchema.optional(),
});

/** A task due in the next period. */
export const UpcomingDeadlineSchema = z.object({
  ...TaskItem,
  /** When it is due. */
  due: LocalDateTimeSchema,
});

/** Money spent in one cost category since the last report. */
export const CategorySpendSchema = z.object({
  /** Cost category id (`media`, `venue`, … or the host's own). */
  category: CostCategorySchema,
  /** Actual spend in minor units of the report's `currency`. */
  amount: MinorUnitsSchema,
});

/** One KPI's reading at the previous report and now. */
export const KpiMovementSchema = z.object({
  /** Metric display name, e.g. `Leads` or `CTR`. */
  metric: LabelSchema,
  /** Unit of the values (rates as fractions, `currency` in minor units of the report's currency). */
  unit: MetricUnitSchema,
  /** Value at the previous report, `null` when there was none. */
  previous: z.number().finite().nullable(),
  /** Value now, `null` when it cannot be computed. */
  current: z.number().finite().nullable(),
  /** Target, if one is set. */
  target: z.number().finite().optional(),
  /** How the current value stands against the target (from `compareToTarget`), for the row's colour. */
  status: z.enum(['onTrack', 'atRisk', 'offTrack', 'unknown']).optional(),
});

/** An approval waiting for a decision. */
export const PendingDecisionSchema = z.object({
  /** What is to be decided, e.g. the approval's title. */
  title: LabelSchema,
  /** The approval stage waiting, e.g. `Legal review`. */
  stage: LabelSchema.optional(),
  /** Who is asked to decide (names). */
  waitingOn: z.array(LabelSchema).max(100).default([]),
  /** When the stage was submitted. */
  submittedAt: LocalDateTimeSchema.optional(),
  /** When the stage's SLA runs out. */
  due: LocalDateTimeSchema.optional(),
});

/** Whose report it is: a campaign's or a member's (across their campaigns). */
export const ReportSubjectSchema = z.discriminatedUnion('kind', [
  z.object({
    /** A campaign's report. */
    kind: z.literal('campaign'),
    /** Campaign name. */
    name: LabelSchema,
  }),
  z.object({
    /** A member's report. */
    kind: z.literal('member'),
    /** Member name. */
    name: LabelSchema,
  }),
]);

/** Input of `dailyReport` and `weeklyReport`. */
export const ProgressReportInputSchema = z
  .object({
    /** Whose report it is. */
    subject: ReportSubjectSchema,
    /** From the previous report to this one: the period the report covers. */
    period: z.object({
      /** When the previous report was made (local). */
      from: LocalDateTimeSchema,
      /** The instant of this report (local); days late are counted to it. */
      to: LocalDateTimeSchema,
    }),
    /** When the report was generated. */
    generatedAt: InstantSchema,
    /** Currency of the spend and of `currency` KPI values. */
    currency: CurrencySchema,
    /** Tasks that finished in the period. */
    finished: z.array(FinishedTaskSchema).default([]),
    /** Tasks that started in the period. */
    started: z.array(StartedTaskSchema).default([]),
    /** Tasks that are late at `period.to`. */
    late: z.array(LateTaskSchema).default([]),
    /** Spend since the previous report, by category. */
    spend: z.array(CategorySpendSchema).default([]),
    /** KPI movement since the previous report. */
    kpis: z.array(KpiMovementSchema).default([]),
    /** Approvals waiting for a decision. */
    decisions: z.array(PendingDecisionSchema).default([]),
    /** Tasks due in the next period (the next day, or the next week). */
    deadlines: z.array(UpcomingDeadlineSchema).default([]),
    /** A late task is `critical` (not `warning`) from this many days late; default 3. */
    criticalDaysLate: z.int().min(1).max(3650).default(3),
  })
  .refine((input) => !finishesBeforeStart(input.period.from, input.period.to), { message: 'period.to must not be before period.from', path: ['period', 'to'] });

/** Input of `dailyReport` and `weeklyReport`, as accepted (every list may be left out). */
export type ProgressReportInput = z.input<typeof ProgressReportInputSchema>;
