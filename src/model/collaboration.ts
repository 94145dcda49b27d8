import * as z from 'zod';
import { AttachmentIdSchema, CampaignIdSchema, CommentIdSchema, MemberIdSchema, TaskIdSchema } from './ids.js';
import { InstantSchema } from './primitives.js';

/** A comment on a campaign or task; `parentId` makes it a threaded reply. */
export const CommentSchema = z.object({
  /** Id. */
  id: CommentIdSchema,
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Task commented on, if any. */
  taskId: TaskIdSchema.optional(),
  /** The comment this one replies to. */
  parentId: CommentIdSchema.optional(),
  /** Author. */
  authorId: MemberIdSchema,
  /** Text; `@member-id` mentions are extracted into `mentions`. */
  body: z.string().min(1).max(20000),
  /** Members mentioned. */
  mentions: z.array(MemberIdSchema).default([]),
  /** Attachments referenced by the comment. */
  attachmentIds: z.array(AttachmentIdSchema).default([]),
  /** When it was written. */
  createdAt: InstantSchema,
});
/** A comment. */
export type Comment = z.infer<typeof CommentSchema>;

/** A reference to a file kept elsewhere (object storage, a DAM): never the bytes themselves. */
export const AttachmentSchema = z.object({
  /** Id. */
  id: AttachmentIdSchema,
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Task the file belongs to, if any. */
  taskId: TaskIdSchema.optional(),
  /** File name. */
  name: z.string().min(1).max(500),
  /** Where the host keeps it: a URL or a storage key. */
  ref: z.string().min(1).max(2000),
  /** Size in bytes. */
  size: z.int().min(0).optional(),
  /** MIME type. */
  contentType: z.string().max(200).optional(),
  /** Version number, starting at 1; every version of one file shares the attachment id. */
  version: z.int().min(1).default(1),
  /** Who uploaded this version. */
  uploadedBy: MemberIdSchema.optional(),
  /** When. */
  uploadedAt: InstantSchema.optional(),
});
/** An attachment reference. */
export type Attachment = z.infer<typeof AttachmentSchema>;
