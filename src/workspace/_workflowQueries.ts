import * as z from 'zod';
import { STANDARD_CALENDAR } from '../calendar/standardCalendars.js';
import { createWorkingCalendar, type WorkingCalendar } from '../calendar/workingCalendar.js';
import { canParsed } from '../access/can.js';
import { invalidField, parseInput } from '../core/validate.js';
import { CampaignIdSchema } from '../model/ids.js';
import { InstantSchema } from '../model/primitives.js';
import { inboxParsed, type Inbox } from '../workflow/collaboration/inbox.js';
import { dueRemindersParsed, type Reminder } from '../workflow/reminders/dueReminders.js';
import { risksParsed, type Risk } from '../workflow/reminders/risks.js';
import type { WorkspaceContext } from './_context.js';
import type { ReminderQueryOptions } from './campaignService.js';
import type { InboxQueryOptions } from './createWorkspace.js';
import { assertCanList, readEvery, readEveryStored, readOne, readPlanForDerivedView, readStoredDelegations } from './_reader.js';
import { withBuiltInCalendars } from './_reschedule.js';
import { campaignScope } from './_resources.js';


const ReminderSchema = z.strictObject({
  /** Lead. */
  leadHours: z.number().positive().max(10_000).optional(),
});
const InboxSchema = z.strictObject({
  /** Campaigns. */
  campaignIds: z.array(CampaignIdSchema).max(1000),
  /** Since. */
  since: InstantSchema.optional(),
});

/** Delegations come from the store only: one passed by the caller could be forged. */
function refuseGivenDelegations(options: unknown, what: string): void {
  if (typeof options === 'object' && options !== null && Object.hasOwn(options, 'delegations')) {
    throw invalidField(what, ['delegations'], 'delegations cannot be passed; approvers record them with members.delegate');
  }
}

/** The campaign's calendar (Standard when it names none) and every calendar it may refer to. */
export async function calendarOf(ctx: WorkspaceContext, campaignId: string) {
  const campaign = await readOne(ctx, 'campaign', campaignId);
  const calendars = withBuiltInCalendars(await readEvery(ctx, 'calendar', campaignId));
  const calendar = calendars.find((c) => c.id === (campaign.calendarId ?? 'standard'));
  return { calendars, timeZone: ctx.timeZone, ...(calendar === undefined ? {} : { calendar }) };
}

/** Working-time arithmetic on the campaign's calendar that {@link calendarOf} found (Standard when it names none). */
export function workingCalendarOf(found: Awaited<ReturnType<typeof calendarOf>>): WorkingCalendar {
  return createWorkingCalendar(found.calendar ?? STANDARD_CALENDAR, { calendars: found.calendars });
}

/** What is due soon or overdue in a campaign now: tasks and approval stages, with whom to tell. */
export async function remindersOf(ctx: WorkspaceContext, id: string, options: ReminderQueryOptions): Promise<Reminder[]> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  refuseGivenDelegations(options, 'reminder options');
  const { leadHours } = parseInput(ReminderSchema, options, 'reminder options');
  assertCanList(ctx, 'task', campaignId);
  const [{ tasks }, approvals, calendar, delegations, stages] = await Promise.all([
    readPlanForDerivedView(ctx, campaignId),
    readEvery(ctx, 'approval', campaignId),
    calendarOf(ctx, campaignId),
    readStoredDelegations(ctx),
    readEveryStored(ctx, 'stage', campaignId),
  ]);
  const now = new Date(ctx.clock.now()).toISOString();
  return dueRemindersParsed({ tasks, approvals, stages }, { ...calendar, now, delegations, ...(leadHours === undefined ? {} : { leadHours }) });
}

/** Delay risks of a campaign now: deadlines at risk, critical tasks not started, float consumed. */
export async function risksOf(ctx: WorkspaceContext, id: string): Promise<Risk[]> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  assertCanList(ctx, 'task', campaignId);
  const campaign = await readOne(ctx, 'campaign', campaignId);
  const [{ tasks, links }, calendar, stages] = await Promise.all([readPlanForDerivedView(ctx, campaignId), calendarOf(ctx, campaignId), readEveryStored(ctx, 'stage', campaignId)]);
  const now = new Date(ctx.clock.now()).toISOString();
  return risksParsed({ tasks, links, stages }, { ...calendar, now, start: `${campaign.plannedStart}T00:00` });
}

/** The actor's inbox across campaigns: open tasks, mentions and approvals waiting for them. */
export async function inboxOf(ctx: WorkspaceContext, options: InboxQueryOptions): Promise<Inbox> {
  refuseGivenDelegations(options, 'inbox options');
  const { campaignIds, since } = parseInput(InboxSchema, options, 'inbox options');
  const delegations = await readStoredDelegations(ctx);
  const readable = campaignIds.filter((id) => canParsed(ctx.actor, 'task.read', campaignScope('task', id), ctx.policy).allowed);
  const parts = await Promise.all(
    readable.map(async (campaignId) => {
      const [tasks, approvals, comments] = await Promise.all([
        readEvery(ctx, 'task', campaignId),
        readEvery(ctx, 'approval', campaignId),
        readEvery(ctx, 'comment', campaignId),
      ]);
      return { tasks, approvals, comments };
    }),
  );
  const now = new Date(ctx.clock.now()).toISOString();
  return inboxParsed(
    ctx.actor.id,
    { tasks: parts.flatMap((p) => p.tasks), approvals: parts.flatMap((p) => p.approvals), comments: parts.flatMap((p) => p.comments) },
    { now, delegations, ...(since === undefined ? {} : { since }) },
  );
}
