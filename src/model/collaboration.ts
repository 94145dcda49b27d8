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
  /** Media (MIME) type, e.g. `image/png`. */
  contentType: z.string().max(200).optional(),
  /** A checksum of the bytes, algorithm first, e.g. `sha256:9f86d081…`, so a host can tell a version changed. */
  checksum: z.string().regex(/^[a-z0-9-]{2,20}:[A-Za-z0-9+/=_-]{8,200}$/, 'expected a checksum such as sha256:9f86d081884c7d65…').optional(),
  /** Version number, starting at 1; every version of one file shares the attachment id. */
  version: z.int().min(1).default(1),
  /** Who uploaded this version. */
  uploadedBy: MemberIdSchema.optional(),
  /** When. */
  uploadedAt: InstantSchema.optional(),
});
/** An attachment reference. */
export type Attachment = z.infer<typeof AttachmentSchema>;

/**
 * A deliverable a workspace keeps: one attachment id with every version of it, oldest first. The
 * versions are the {@link Attachment}s the collaboration functions work on.
 */
export const StoredAttachmentSchema = z.object({
  /** Id, shared by every version. */
  id: AttachmentIdSchema,
  /** Campaign. */
  campaignId: CampaignIdSchema,
  /** Task the deliverable belongs to, if any. */
  taskId: TaskIdSchema.optional(),
  /** Every version, oldest first. */
  versions: z.array(AttachmentSchema).min(1).max(1000),
});
/** A deliverable with its versions, as a workspace stores it. */
export type StoredAttachment = z.infer<typeof StoredAttachmentSchema>;
