import * as z from 'zod';
import { CampaignKitError } from '../core/errors.js';
import { parseInput } from '../core/validate.js';
import { BaselineNameSchema, type StoredBaseline } from '../model/baseline.js';
import { CampaignIdSchema } from '../model/ids.js';
import { compareToBaseline, saveBaseline, type BaselineVariance } from '../schedule/baseline.js';
import type { WorkspaceContext } from './_context.js';
import { assertCanList, readEvery } from './_reader.js';
import { readSchedule } from './_readSchedule.js';
import { reschedule } from './_reschedule.js';
import { resourceOf } from './_resources.js';
import { runCommand } from './_runCommand.js';
import { calendarOf } from './_workflowQueries.js';
import type { BaselineComparison, BaselineOptions } from './campaignService.js';

/** Project's first baseline is called "Baseline"; so is ours when no name is given. */
const DEFAULT_NAME = 'Baseline';

const OptionsSchema = z.strictObject({
  /** Name. */
  name: BaselineNameSchema.default(DEFAULT_NAME),
});

function missing(campaignId: string, name: string): CampaignKitError {
  return new CampaignKitError('NOT_FOUND', `Campaign '${campaignId}' has no baseline named '${name}'`, { details: { ids: [name], type: 'baseline' } });
}

/**
 * `campaigns.saveBaseline`: the campaign's current schedule saved under a name, replacing a
 * baseline of that name (one command, so undo brings the old one back). The schedule document is
 * written too, so a concurrent command that moves dates conflicts instead of slipping between.
 */
export async function saveBaselineCommand(ctx: WorkspaceContext, id: string, options: BaselineOptions): Promise<StoredBaseline> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const { name } = parseInput(OptionsSchema, options, 'baseline options');
  return runCommand(ctx, { name: 'campaign.saveBaseline', target: { type: 'campaign', id: campaignId } }, async (session) => {
    const campaign = await session.require('campaign', campaignId);
    session.authorize('campaign.update', resourceOf('campaign', campaign));
    await session.loadCampaign('baseline', campaignId);
    const existing = session.all('baseline', campaignId).find((b) => b.name === name);
    const baselineId = existing?.id ?? ctx.ids.next('baseline');
    if (existing === undefined) await session.reserve('baseline', baselineId);
    const { prepared } = await reschedule(session, campaignId, []);
    const { tasks } = saveBaseline(prepared.result());
    const baseline: StoredBaseline = { id: baselineId as StoredBaseline['id'], campaignId: campaign.id, name, savedAt: session.at, savedBy: ctx.actor.id as StoredBaseline['savedBy'], tasks };
    session.change((draft) => {
      draft.baseline[baselineId] = baseline;
    });
    session.emit('baseline.saved', { type: 'baseline', id: baselineId }, { baselineId, name, savedAt: baseline.savedAt, replaced: existing !== undefined });
    return baseline;
  });
}

/** `campaigns.deleteBaseline`: removes a named baseline (Project's "Clear Baseline"). */
export async function deleteBaselineCommand(ctx: WorkspaceContext, id: string, options: BaselineOptions): Promise<void> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const { name } = parseInput(OptionsSchema, options, 'baseline options');
  await runCommand(ctx, { name: 'campaign.deleteBaseline', target: { type: 'campaign', id: campaignId } }, async (session) => {
    const campaign = await session.require('campaign', campaignId);
    session.authorize('campaign.update', resourceOf('campaign', campaign));
    await session.loadCampaign('baseline', campaignId);
    const existing = session.all('baseline', campaignId).find((b) => b.name === name);
    if (existing === undefined) throw missing(campaignId, name);
    session.change((draft) => {
      delete draft.baseline[existing.id];
    });
    session.emit('baseline.deleted', { type: 'baseline', id: existing.id }, { baselineId: existing.id, name });
  });
}

/** `campaigns.baselines`: the campaign's baselines, by name. */
export async function baselinesOf(ctx: WorkspaceContext, id: string): Promise<StoredBaseline[]> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  assertCanList(ctx, 'task', campaignId);
  const baselines = await readEvery(ctx, 'baseline', campaignId);
  return baselines.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * `campaigns.compareToBaseline`: each task's start, finish and duration now against a named
 * baseline, start and finish variance in working minutes on the campaign's calendar.
 */
export async function compareToBaselineOf(ctx: WorkspaceContext, id: string, options: BaselineOptions): Promise<BaselineComparison> {
  const campaignId = parseInput(CampaignIdSchema, id, 'campaign id');
  const { name } = parseInput(OptionsSchema, options, 'baseline options');
  assertCanList(ctx, 'task', campaignId);
  const [baselines, result, { calendar, calendars }] = await Promise.all([readEvery(ctx, 'baseline', campaignId), readSchedule(ctx, campaignId), calendarOf(ctx, campaignId)]);
  const baseline = baselines.find((b) => b.name === name);
  if (baseline === undefined) throw missing(campaignId, name);
  const tasks: BaselineVariance[] = compareToBaseline(result, baseline, { calendars, ...(calendar === undefined ? {} : { calendar }) });
  return { baseline: { name: baseline.name, savedAt: baseline.savedAt, savedBy: baseline.savedBy }, tasks };
}
