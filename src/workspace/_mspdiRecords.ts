import { DEFAULT_DURATION_SETTINGS, resolveDuration, type DurationSettings } from '../calendar/duration.js';
import { parseInput } from '../core/validate.js';
import type { MspdiProject } from '../interop/mspdi/parseMspdi.js';
import { StoredBaselineSchema, type StoredBaseline } from '../model/baseline.js';
import { CampaignSchema, type Campaign } from '../model/campaign.js';
import { DependencySchema, type Dependency } from '../model/dependency.js';
import type { DurationInput } from '../model/primitives.js';
import { TaskSchema, type Task } from '../model/task.js';
import type { Baseline } from '../schedule/baseline.js';
import { CalendarRecordSchema, type RecordData } from './_records.js';

/** The records an MSPDI file becomes in a campaign, each parsed by its model schema. */
export interface MspdiRecords {
  readonly campaign: Campaign;
  readonly calendars: RecordData<'calendar'>[];
  readonly tasks: Task[];
  readonly dependencies: Dependency[];
  readonly baselines: StoredBaseline[];
}

/** What the campaign gets from the caller rather than from the file. */
export interface MspdiCampaignFields {
  readonly id: string;
  readonly name?: string | undefined;
  readonly ownerId: string;
  readonly currency: string;
  readonly plannedStart?: string | undefined;
  readonly idPrefix: string;
  /** Who imports, recorded as each baseline's `savedBy`. */
  readonly savedBy: string;
  /** The command's time, each baseline's `savedAt` when the file does not say. */
  readonly at: string;
}

/** Project's baseline 0 is "Baseline"; 1–10 are "Baseline1" … "Baseline10". */
export function baselineName(number: number): string {
  return number === 0 ? 'Baseline' : `Baseline${number}`;
}

/** The MSPDI baseline number of a stored baseline's name, or `undefined` for a name Project has no field for. */
export function baselineNumber(name: string): number | undefined {
  if (name === 'Baseline') return 0;
  const match = /^Baseline([1-9]|10)$/.exec(name);
  return match === null ? undefined : Number(match[1]);
}

function sameSettings(settings: MspdiProject['settings']): boolean {
  const given = settingsOf(settings);
  return given.minutesPerDay === DEFAULT_DURATION_SETTINGS.minutesPerDay && given.minutesPerWeek === DEFAULT_DURATION_SETTINGS.minutesPerWeek && given.daysPerMonth === DEFAULT_DURATION_SETTINGS.daysPerMonth;
}

function settingsOf(settings: MspdiProject['settings']): DurationSettings {
  return {
    minutesPerDay: settings?.minutesPerDay ?? DEFAULT_DURATION_SETTINGS.minutesPerDay,
    minutesPerWeek: settings?.minutesPerWeek ?? DEFAULT_DURATION_SETTINGS.minutesPerWeek,
    daysPerMonth: settings?.daysPerMonth ?? DEFAULT_DURATION_SETTINGS.daysPerMonth,
  };
}

/**
 * A duration as the workspace reads it. The workspace schedules with an 8-hour day, 40-hour week
 * and 20-day month; a file with other lengths has its working days, weeks and months written as
 * the minutes they stand for, so every task keeps its length of work.
 */
function durationFor(settings: DurationSettings | undefined): (input: DurationInput) => DurationInput {
  if (settings === undefined) return (input) => input;
  return (input) => {
    const resolved = resolveDuration(input, settings);
    return resolved.elapsed || resolved.percent !== undefined ? input : `${resolved.minutes}m`;
  };
}

function taskOf(task: MspdiProject['tasks'][number], campaignId: string, id: (uid: string) => string, duration: (input: DurationInput) => DurationInput): Task {
  return parseInput(
    TaskSchema,
    {
      id: id(task.id),
      campaignId,
      name: task.name === undefined || task.name.trim() === '' ? `Task ${task.id}` : task.name,
      ...(task.parent === undefined ? {} : { parentId: id(task.parent) }),
      ...(task.duration === undefined ? (task.milestone ? { duration: '0d' } : {}) : { duration: duration(task.duration) }),
      milestone: task.milestone ?? false,
      ...(task.constraint === undefined ? {} : { constraint: task.constraint }),
      ...(task.deadline === undefined ? {} : { deadline: task.deadline }),
      ...(task.calendar === undefined ? {} : { calendarId: id(task.calendar) }),
      ...(task.actualStart === undefined ? {} : { actualStart: task.actualStart }),
      ...(task.actualFinish === undefined ? {} : { actualFinish: task.actualFinish }),
      percentComplete: task.percentComplete ?? 0,
    },
    `task ${task.id}`,
  );
}

function baselineOf(number: number, baseline: Baseline, fields: MspdiCampaignFields, id: (uid: string) => string): StoredBaseline {
  const tasks = Object.fromEntries(Object.entries(baseline.tasks).map(([uid, saved]) => [id(uid), saved]));
  return parseInput(
    StoredBaselineSchema,
    { id: id(`baseline-${number}`), campaignId: fields.id, name: baselineName(number), savedAt: baseline.savedAt ?? fields.at, savedBy: fields.savedBy, tasks },
    `baseline ${number}`,
  );
}

/**
 * The campaign, calendars, tasks, dependencies and baselines of an MSPDI project, every id (and
 * every reference to one) with `idPrefix` in front. Throws `VALIDATION` for a record its model
 * refuses, so a file that cannot be stored is refused before anything is written.
 */
export function mspdiRecords(project: MspdiProject, fields: MspdiCampaignFields): MspdiRecords {
  const id = (uid: string): string => `${fields.idPrefix}${uid}`;
  const duration = durationFor(sameSettings(project.settings) ? undefined : settingsOf(project.settings));
  const campaign = parseInput(
    CampaignSchema,
    {
      id: fields.id,
      name: fields.name ?? project.name ?? fields.id,
      ownerId: fields.ownerId,
      currency: fields.currency,
      plannedStart: fields.plannedStart ?? project.start.slice(0, 10),
      ...(typeof project.calendar === 'string' ? { calendarId: id(project.calendar) } : {}),
    },
    'campaign',
  );
  const calendars = project.calendars.map((calendar) =>
    parseInput(CalendarRecordSchema, { ...calendar, id: id(calendar.id), ...(calendar.base === undefined ? {} : { base: id(calendar.base) }), campaignId: campaign.id }, `calendar ${calendar.id}`),
  );
  const tasks = project.tasks.map((task) => taskOf(task, campaign.id, id, duration));
  const dependencies = project.links.map((link, i) =>
    parseInput(
      DependencySchema,
      { id: id(`link-${i + 1}`), campaignId: campaign.id, from: id(link.from), to: id(link.to), type: link.type ?? 'FS', lag: duration(link.lag ?? '0d') },
      `link ${i + 1}`,
    ),
  );
  const baselines = project.baselines.map(({ number, baseline }) => baselineOf(number, baseline, fields, id));
  return { campaign, calendars, tasks, dependencies, baselines };
}
