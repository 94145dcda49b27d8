import * as z from 'zod';
import { IsoDateSchema, LocalDateTimeSchema, NameSchema, finishesBeforeStart } from '../../model/primitives.js';

// UIDs are built from ids by UTF-8 percent-encoding; a lone surrogate has no UTF-8 form, so two
// different ids could otherwise meet in one UID.
const WELL_FORMED = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

/** An id that goes into a UID: 1–200 characters of well-formed Unicode. */
export const ItemIdSchema = z.string().min(1).max(200).regex(WELL_FORMED, 'must be well-formed Unicode (no lone surrogate)');

const UrlSchema = z
  .url()
  .max(2000)
  .refine((url) => !/[\s\u0000-\u001f\u007f"]/.test(url), 'must not contain spaces, quotes or control characters');

const itemFields = {
  /** Id of the item, unique within its kind; it makes the event's UID, so keep it when the item changes. */
  id: ItemIdSchema,
  /** Longer text shown with the event (line breaks are kept). */
  description: z.string().max(20000).optional(),
  /** A link to the item in the host application. */
  url: UrlSchema.optional(),
  /** Category names the calendar can filter or colour by. */
  categories: z.array(z.string().min(1).max(200)).max(50).optional(),
  /**
   * Revision of the event (RFC 5545 `SEQUENCE`, default 0). Subscribed calendars replace the whole
   * feed and need no revision; for a file imported again, raise it when the item changes so that
   * clients which compare revisions take the new version.
   */
  sequence: z.int().min(0).max(2_147_483_647).optional(),
};

/** A milestone: a point in time, exported as a 15-minute event starting at `at`. */
export const MilestoneItemSchema = z.object({
  /** Discriminator. */
  kind: z.literal('milestone'),
  ...itemFields,
  /** The milestone's name, the event's summary. */
  name: NameSchema,
  /** When it falls, local `YYYY-MM-DDTHH:mm` in the calendar's time zone. */
  at: LocalDateTimeSchema,
});

/** A deadline: a day, exported as an all-day event. */
export const DeadlineItemSchema = z.object({
  /** Discriminator. */
  kind: z.literal('deadline'),
  ...itemFields,
  /** What is due, the event's summary. */
  name: NameSchema,
  /** The day, `YYYY-MM-DD`. */
  date: IsoDateSchema,
});

/** An approval that is due: a point in time, exported as a 15-minute event starting at `due`. */
export const ApprovalItemSchema = z.object({
  /** Discriminator. */
  kind: z.literal('approval'),
  ...itemFields,
  /** The approval's title, the event's summary. */
  title: NameSchema,
  /** When the decision is due, local `YYYY-MM-DDTHH:mm` in the calendar's time zone. */
  due: LocalDateTimeSchema,
  /** Who is asked to decide, by display name; listed at the end of the description. */
  approvers: z.array(z.string().min(1).max(200)).max(100).optional(),
});

/** A task: a timed event from `start` to `finish`, or all-day events over its days. */
export const TaskItemSchema = z
  .object({
    /** Discriminator. */
    kind: z.literal('task'),
    ...itemFields,
    /** The task's name, the event's summary. */
    name: NameSchema,
    /** Start, local `YYYY-MM-DDTHH:mm` (or a date `YYYY-MM-DD`). */
    start: LocalDateTimeSchema,
    /** Finish, local `YYYY-MM-DDTHH:mm` (or a date `YYYY-MM-DD`, the task's last day). */
    finish: LocalDateTimeSchema,
    /**
     * Show the task as all-day over the days it touches rather than at its times. Default: true when
     * both `start` and `finish` are bare dates.
     */
    allDay: z.boolean().optional(),
  })
  .refine((task) => !finishesBeforeStart(task.start, task.finish), { path: ['finish'], message: 'a task cannot finish before it starts' });

/** One thing to put in the calendar: a milestone, a deadline, an approval due, or a task. */
export const CalendarItemSchema = z.discriminatedUnion('kind', [MilestoneItemSchema, DeadlineItemSchema, ApprovalItemSchema, TaskItemSchema]);

/** One thing to put in the calendar (see {@link CalendarItemSchema}). */
export type CalendarItem = z.input<typeof CalendarItemSchema>;
/** The kinds of {@link CalendarItem}: `milestone`, `deadline`, `approval`, `task`. */
export type CalendarItemKind = CalendarItem['kind'];
