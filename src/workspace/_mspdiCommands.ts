import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { NIGHT_SHIFT_CALENDAR, STANDARD_CALENDAR, TWENTY_FOUR_HOUR_CALENDAR } from '../calendar/standardCalendars.js';
import { CampaignIdSchema, MemberIdSchema } from '../model/ids.js';
import { CurrencyCodeSchema, IsoDateSchema, NameSchema } from '../model/primitives.js';
import type { Baseline } from '../schedule/baseline.js';
import type { WorkspaceContext } from './_context.js';
import { baselineNumber, mspdiRecords, type MspdiRecords } from './_mspdiRecords.js';
import { assertCanList, readEvery } from './_reader.js';
import { readSchedule } from './_readSchedule.js';
import type { RecordData, RecordType } from './_records.js';
import { reschedule, scheduleInputOf } from './_reschedule.js';
import { requirePeopleOf } from './_references.js';
import { campaignScope } from './_resources.js';
import { runCommand } from './_runCommand.js';
import type { CommandSession } from './_session.js';
import type { ImportMspdiOptions, MspdiImport } from './campaignService.js';

const BUILT_IN_CALENDAR_IDS: ReadonlySet<string> = new Set([STANDARD_CALENDAR.id, TWENTY_FOUR_HOUR_CALENDAR.id, NIGHT_SHIFT_CALENDAR.id]);

const OptionsSchema = z.strictObject({
  /** Campaign id. */
  id: CampaignIdSchema.optional(),
  /** Campaign name. */
  name: NameSchema.optional(),
  /** Accountable member. */
  ownerId: MemberIdSchema,
  /** Budget currency. */
  currency: CurrencyCodeSchema,
  /** Prefix of every id made from the file. */
  idPrefix: z.string().max(100).optional(),
  /** Planned first day. */
  plannedStart: IsoDateSchema.optional(),
});

// The MSPDI reader loads the XML parser; it is imported when a file is read, so the main entry
// does not load it for hosts that never import or export one.
const interop = async () => Promise.all([import('../interop/mspdi/parseMspdi.js'), import('../interop/mspdi/toMspdi.js')]);

/** Refuses the import when any id it would create is taken, naming them all. */
async function refuseTakenIds(session: CommandSession, records: MspdiRecords, idPrefix: string): Promise<void> {
  const keys: [RecordType, string][] = [
    ...records.calendars.map((c): [RecordType, string] => ['calendar', c.id]),
    ...records.tasks.map((t): [RecordType, string] => ['task', t.id]),
    ...records.dependencies.map((d): [RecordType, string] => ['dependency', d.id]),
    ...records.baselines.map((b): [RecordType, string] => ['baseline', b.id]),
  ];
  for (const type of ['calendar', 'task', 'dependency', 'baseline'] as const) {
    await session.load(type, keys.filter(([t]) => t === type).map(([, id]) => id));
  }
  const taken = keys.filter(([type, id]) => session.versionOf(type, id) !== 0).map(([, id]) => id);
  if (taken.length > 0) {
    throw new CampaignKitError('CONFLICT', `Ids ${taken.join(', ')} are already used (ids are unique across campaigns); import with another idPrefix than '${idPrefix}'`, {
      details: { ids: taken },
    });
  }
}

function announce(session: CommandSession, records: MspdiRecords): void {
  const { campaign } = records;
  session.emit('campaign.created', { type: 'campaign', id: campaign.id }, { campaign: session.get('campaign', campaign.id) ?? campaign });
  for (const calendar of records.calendars) session.emit('calendar.created', { type: 'calendar', id: calendar.id }, { calendar });
  for (const { id } of records.tasks) {
    const task = session.get('task', id);
    if (task !== undefined) session.emit('task.created', { type: 'task', id }, { task });
  }
  for (const dependency of records.dependencies) session.emit('dependency.added', { type: 'dependency', id: dependency.id }, { dependency });
  for (const b of records.baselines) session.emit('baseline.saved', { type: 'baseline', id: b.id }, { baselineId: b.id, name: b.name, savedAt: b.savedAt, replaced: false });
}

/**
 * `campaigns.importMspdi`: the file is read and turned into records before the command starts, so
 * a file that fails to parse or validate stores nothing; the command then refuses taken ids,
 * writes the campaign with everything in it in one change, schedules it and announces it.
 */
export async function importMspdiCommand(ctx: WorkspaceContext, xml: string, options: ImportMspdiOptions): Promise<MspdiImport> {
  const parsed = parseInput(OptionsSchema, options, 'MSPDI import options');
  const [{ parseMspdi }] = await interop();
  const project = parseMspdi(xml);
  const campaignId = parsed.id ?? ctx.ids.next('campaign');
  const idPrefix = parsed.idPrefix ?? `${campaignId}-`;
  const records = mspdiRecords(project, { ...parsed, id: campaignId, idPrefix, savedBy: ctx.actor.id, at: new Date(ctx.clock.now()).toISOString() });
  const { campaign } = records;
  return runCommand(ctx, { name: 'campaign.importMspdi', target: { type: 'campaign', id: campaign.id } }, async (session) => {
    session.authorize('campaign.create', campaignScope('campaign', undefined));
    session.authorize('task.create', campaignScope('task', campaign.id));
    await requirePeopleOf(session, campaign, 'MSPDI import options');
    await session.reserve('campaign', campaign.id);
    await refuseTakenIds(session, records, idPrefix);
    session.change((draft) => {
      draft.campaign[campaign.id] = campaign;
      for (const calendar of records.calendars) draft.calendar[calendar.id] = calendar;
      for (const task of records.tasks) draft.task[task.id] = task;
      for (const dependency of records.dependencies) draft.dependency[dependency.id] = dependency;
      for (const baseline of records.baselines) draft.baseline[baseline.id] = baseline;
    });
    await reschedule(session, campaign.id, [{ kind: 'rebuild' }]);
    announce(session, records);
    return {
      campaign: session.get('campaign', campaign.id) ?? campaign,
      taskIds: records.tasks.map((t) => t.id),
      dependencyIds: records.dependencies.map((d) => d.id),
      calendarIds: records.calendars.map((c) => c.id),
      baselineNames: records.baselines.map((b) => b.name),
      warnings: project.warnings,
    };
  });
}

/** The stored baselines Project has a field for, by number. */
function numberedBaselines(baselines: readonly { readonly name: string; readonly tasks: Baseline['tasks'] }[]): { number: number; baseline: Baseline }[] {
  return baselines.flatMap(({ name, tasks }) => {
    const number = baselineNumber(name);
    return number === undefined ? [] : [{ number, baseline: { tasks } }];
  });
}

/**
 * `campaigns.exportMspdi`: `toMspdi` of the campaign's schedule input with its computed schedule
 * and the baselines named as Project names them. Built-in calendars are written only when
 * something uses them.
 */
export async function exportMspdiOf(ctx: WorkspaceContext, id: string): Promise<string> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  assertCanList(ctx, 'task', campaignId);
  const stored = await ctx.storage.get('campaign', campaignId);
  if (stored === null) throw new CampaignKitError('NOT_FOUND', `There is no campaign '${campaignId}'`, { details: { ids: [campaignId] } });
  const [calendars, tasks, dependencies, baselines, schedule, [, { toMspdi }]] = await Promise.all([
    readEvery(ctx, 'calendar', campaignId),
    readEvery(ctx, 'task', campaignId),
    readEvery(ctx, 'dependency', campaignId),
    readEvery(ctx, 'baseline', campaignId),
    readSchedule(ctx, campaignId),
    interop(),
  ]);
  const campaign = stored.data as RecordData<'campaign'>;
  const input = scheduleInputOf(campaign, calendars, tasks, dependencies);
  const used = new Set([input.calendar, ...tasks.map((t) => t.calendarId), ...calendars.map((c) => c.base)]);
  const written = (input.calendars ?? []).filter((c) => !BUILT_IN_CALENDAR_IDS.has(c.id) || used.has(c.id) || calendars.some((s) => s.id === c.id));
  return toMspdi({ ...input, calendars: written, name: campaign.name }, { schedule, baselines: numberedBaselines(baselines) });
}
