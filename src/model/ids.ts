import * as z from 'zod';

/**
 * Branded string ids: a `TaskId` cannot be passed where a `CampaignId` is expected, though both are
 * plain strings at run time (and in JSON).
 */
function idSchema<const B extends string>(brand: B) {
  return z.string().min(1, 'id must not be empty').max(200).brand<B>().describe(brand);
}

/** Id of a {@link Campaign}. */
export const CampaignIdSchema = idSchema('CampaignId');
/** Id of a campaign. */
export type CampaignId = z.infer<typeof CampaignIdSchema>;
/** Id of a task. */
export const TaskIdSchema = idSchema('TaskId');
/** Id of a task. */
export type TaskId = z.infer<typeof TaskIdSchema>;
/** Id of a dependency (link). */
export const DependencyIdSchema = idSchema('DependencyId');
/** Id of a dependency (link). */
export type DependencyId = z.infer<typeof DependencyIdSchema>;
/** Id of a working calendar. */
export const CalendarIdSchema = idSchema('CalendarId');
/** Id of a working calendar. */
export type CalendarId = z.infer<typeof CalendarIdSchema>;
/** Id of a budget line. */
export const BudgetLineIdSchema = idSchema('BudgetLineId');
/** Id of a budget line. */
export type BudgetLineId = z.infer<typeof BudgetLineIdSchema>;
/** Id of an expense or commitment. */
export const ExpenseIdSchema = idSchema('ExpenseId');
/** Id of an expense or commitment. */
export type ExpenseId = z.infer<typeof ExpenseIdSchema>;
/** Id of a KPI target. */
export const KpiTargetIdSchema = idSchema('KpiTargetId');
/** Id of a KPI target. */
export type KpiTargetId = z.infer<typeof KpiTargetIdSchema>;
/** Id of a measurement. */
export const MeasurementIdSchema = idSchema('MeasurementId');
/** Id of a measurement. */
export type MeasurementId = z.infer<typeof MeasurementIdSchema>;
/** Id of an objective. */
export const ObjectiveIdSchema = idSchema('ObjectiveId');
/** Id of an objective. */
export type ObjectiveId = z.infer<typeof ObjectiveIdSchema>;
/** Id of a key result. */
export const KeyResultIdSchema = idSchema('KeyResultId');
/** Id of a key result. */
export type KeyResultId = z.infer<typeof KeyResultIdSchema>;
/** Id of a member (a person or an agency account). */
export const MemberIdSchema = idSchema('MemberId');
/** Id of a member. */
export type MemberId = z.infer<typeof MemberIdSchema>;
/** Id of a comment. */
export const CommentIdSchema = idSchema('CommentId');
/** Id of a comment. */
export type CommentId = z.infer<typeof CommentIdSchema>;
/** Id of an attachment reference. */
export const AttachmentIdSchema = idSchema('AttachmentId');
/** Id of an attachment reference. */
export type AttachmentId = z.infer<typeof AttachmentIdSchema>;
/** Id of a process template. */
export const TemplateIdSchema = idSchema('TemplateId');
/** Id of a process template. */
export type TemplateId = z.infer<typeof TemplateIdSchema>;
/** Id of a stage within a process template. */
export const StageIdSchema = idSchema('StageId');
/** Id of a stage within a process template. */
export type StageId = z.infer<typeof StageIdSchema>;
/** Id of an approval. */
export const ApprovalIdSchema = idSchema('ApprovalId');
/** Id of an approval. */
export type ApprovalId = z.infer<typeof ApprovalIdSchema>;
/** Id of a lesson learned in a campaign's retrospective. */
export const LessonIdSchema = idSchema('LessonId');
/** Id of a lesson learned. */
export type LessonId = z.infer<typeof LessonIdSchema>;
