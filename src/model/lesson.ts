import * as z from 'zod';
import { CampaignIdSchema, LessonIdSchema, MemberIdSchema, StageIdSchema, TaskIdSchema } from './ids.js';
import { MetricIdSchema } from './kpi.js';
import { InstantSchema, TagsSchema } from './primitives.js';

/** What a lesson says: trimmed, 1–5000 characters. */
const LessonTextSchema = z.string().trim().min(1, 'must not be empty').max(5000);

/** What a lesson is about, a free label such as `schedule`, `budget`, `creative`, `channel` or `vendor`. */
const LessonCategorySchema = z.string().trim().min(1, 'must not be empty').max(100);

/**
 * A lesson learned in a campaign's retrospective (复盘): what went well or badly and what to do
 * next time, kept with the campaign and searchable across campaigns, so the next campaign starts
 * from it (`campaigns.saveAsTemplate` copies a campaign's lessons into the template).
 */
export const LessonSchema = z.object({
  /** Id. */
  id: LessonIdSchema,
  /** The campaign it was learned in. */
  campaignId: CampaignIdSchema,
  /** What was learned, e.g. "KOL posts booked less than two weeks ahead ran late; book three weeks ahead." */
  text: LessonTextSchema,
  /** What it is about: `schedule`, `budget`, `creative`, `channel`, `vendor` or a label of your own. */
  category: LessonCategorySchema.optional(),
  /** Free-form labels, e.g. `['kol', 'douyin']`. */
  tags: TagsSchema.default([]),
  /** The KPI metric it is about, e.g. `ctr`. */
  metric: MetricIdSchema.optional(),
  /** The template stage it is about (as a task's `stageId`), e.g. `execution`. */
  stageId: StageIdSchema.optional(),
  /** The task of the campaign it is about. */
  taskId: TaskIdSchema.optional(),
  /** Who recorded it; set by the workspace. */
  createdBy: MemberIdSchema,
  /** When it was recorded (ISO 8601 instant); set by the workspace. */
  createdAt: InstantSchema,
  /** When it was last changed; set by the workspace. */
  updatedAt: InstantSchema.optional(),
});
/** A lesson learned in a campaign. */
export type Lesson = z.infer<typeof LessonSchema>;
/** A lesson learned, as accepted on input (`tags` may be left out). */
export type LessonInput = z.input<typeof LessonSchema>;
