import { parseInput } from '../core/validate.js';
import type { Calendar, CalendarInput } from '../model/calendar.js';
import { CalendarIdSchema, CampaignIdSchema } from '../model/ids.js';
import type { Page } from '../store/storageAdapter.js';
import { changesSchema, PageOptionsSchema } from './_changes.js';
import type { WorkspaceContext } from './_context.js';
import { createEntity, deleteEntity, updateEntity, type EntitySpec } from './_entityCommands.js';
import { readOne, readPage } from './_reader.js';
import { CalendarRecordSchema } from './_records.js';
import { reschedule } from './_reschedule.js';
import type { Changes, PageOptions, UpdateOptions } from './serviceTypes.js';

/** A working calendar of a campaign, as stored: a `Calendar` with its campaign. */
export type CampaignCalendar = Calendar & { readonly campaignId: string };

/** A new calendar of a campaign: a calendar with `campaignId`, `id` optional. */
export type NewCalendar = Omit<CalendarInput, 'id'> & { readonly id?: string; readonly campaignId: string };

/** Changes to a calendar; `null` clears `base`. */
export type CalendarChanges = Changes<Omit<CalendarInput, 'id'>>;

/** Filters and paging of {@link CalendarService.list}. */
export interface CalendarListOptions extends PageOptions {
  /** The campaign. */
  readonly campaignId: string;
}

/**
 * Working calendars, stored per campaign (a campaign's `calendarId`, a task's `calendarId` and a
 * calendar's `base` name calendars of the same campaign, or the built-in `standard`, `24-hours`
 * and `night-shift`). Every change reschedules the campaign.
 */
export interface CalendarService {
  /**
   * Creates a calendar in a campaign (`campaign.update`).
   *
   * @example
   * ```ts
   * await workspace.calendars.create({ id: 'shanghai', campaignId: 'launch', name: 'Shanghai office', base: 'standard',
   *   exceptions: [{ name: 'Labour Day', from: '2026-05-01', to: '2026-05-05' }] });
   * ```
   */
  create(input: NewCalendar): Promise<CampaignCalendar>;
  /** Changes a calendar (`campaign.update`) and reschedules its campaign. */
  update(id: string, changes: CalendarChanges, options?: UpdateOptions): Promise<CampaignCalendar>;
  /** Deletes a calendar nothing refers to (`campaign.update`). */
  delete(id: string, options?: UpdateOptions): Promise<void>;
  /** One calendar (`campaign.read`). */
  get(id: string): Promise<CampaignCalendar>;
  /** A campaign's calendars. */
  list(options: CalendarListOptions): Promise<Page<CampaignCalendar>>;
}

const SPEC: EntitySpec<'calendar'> = {
  type: 'calendar',
  schema: CalendarRecordSchema,
  changes: changesSchema(CalendarRecordSchema.shape, {
    id: 'a calendar keeps its id',
    campaignId: 'a calendar cannot move to another campaign; create it there instead',
  }),
  commands: { create: 'calendar.create', update: 'calendar.update', delete: 'calendar.delete' },
  permission: 'campaign.update',
  created: (session, calendar) => session.emit('calendar.created', { type: 'calendar', id: calendar.id }, { calendar }),
  updated: (session, calendar, fields) => session.emit('calendar.updated', { type: 'calendar', id: calendar.id }, { calendar, fields }),
  deleted: (session, calendar) => session.emit('calendar.deleted', { type: 'calendar', id: calendar.id }, { calendarId: calendar.id }),
  // A calendar that is still used fails here: the scheduler cannot find it.
  effect: async (session, change) => {
    const campaignId = (change.after ?? change.before)?.campaignId;
    if (campaignId !== undefined) await reschedule(session, campaignId, [{ kind: 'rebuild' }]);
  },
};

const ListSchema = PageOptionsSchema.extend({
  /** Campaign. */
  campaignId: CampaignIdSchema,
});

/** Builds the calendar service of a workspace. */
export function createCalendarService(ctx: WorkspaceContext): CalendarService {
  return {
    create: async (input) => createEntity(ctx, SPEC, input),
    update: async (id, changes, options) => updateEntity(ctx, SPEC, parseInput(CalendarIdSchema, id, 'calendar id'), changes, options),
    delete: async (id, options) => deleteEntity(ctx, SPEC, parseInput(CalendarIdSchema, id, 'calendar id'), options),
    get: async (id) => readOne(ctx, 'calendar', parseInput(CalendarIdSchema, id, 'calendar id')),
    list: async (options) => readPage<'calendar'>(ctx, { type: 'calendar', ...parseInput(ListSchema, options, 'calendar list options') }),
  };
}
