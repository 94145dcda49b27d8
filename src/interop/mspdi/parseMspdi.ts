import { STANDARD_CALENDAR } from '../../calendar/standardCalendars.js';
import { createWorkingCalendar, type WorkingCalendar } from '../../calendar/workingCalendar.js';
import { CampaignKitError } from '../../core/errors.js';
import { parseInput } from '../../core/validate.js';
import type { CalendarInput } from '../../model/calendar.js';
import type { Baseline } from '../../schedule/baseline.js';
import type { ScheduleLinkInput, ScheduleProjectInput, ScheduleTaskInput } from '../../schedule/scheduleInput.js';
import { calendarsOf } from './_readCalendar.js';
import { assignmentsByTask, resourceCalendarsOf } from './_readResources.js';
import { readTasks } from './_readTasks.js';
import { MspdiDocumentSchema, ParseMspdiOptionsSchema } from './_schemas.js';
import { DEFAULT_MAX_XML_BYTES, DEFAULT_MAX_XML_REFERENCES, child, children, parseXml, text } from './_xml.js';
import type { MspdiWarning } from './mspdiWarning.js';

/** A project read from MSPDI: a `scheduleProject` input plus what else the file holds. */
export interface MspdiProject extends ScheduleProjectInput {
  /** Project name. */
  readonly name?: string;
  /** Tasks, with the project summary task (UID 0) left out. */
  readonly tasks: (ScheduleTaskInput & { readonly name?: string })[];
  /** Links, read from each task's PredecessorLink elements. */
  readonly links: ScheduleLinkInput[];
  /** Calendars by MSPDI UID (as strings). */
  readonly calendars: CalendarInput[];
  /** Saved baselines by number (0 = "Baseline", 1–10 = "Baseline1"…). */
  readonly baselines: { readonly number: number; readonly baseline: Baseline }[];
  /** What the file has that could not be read as written, and how it was read instead; empty for a sound file. */
  readonly warnings: MspdiWarning[];
}

/** Options of {@link parseMspdi}. */
export interface ParseMspdiOptions {
  /** Refuse documents larger than this many UTF-8 bytes (default 50 MiB). */
  readonly maxBytes?: number;
  /** Refuse documents whose text has more character and entity references (`&#65;`, `&amp;`) than this (default 1,000,000). */
  readonly maxReferences?: number;
}

const localDateTime = (value: string | undefined): string | undefined => (value === undefined ? undefined : value.slice(0, 16));
const num = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

/**
 * Reads a Microsoft Project XML (MSPDI) file into a `scheduleProject` input: tasks (ids are
 * the MSPDI UIDs, or the ids {@link toMspdi} wrote), the outline (summary tasks), durations in their entered units, predecessor links
 * with type and lag, constraints, deadlines, calendars with work weeks and (recurring) exceptions,
 * project settings, actuals and baselines. What the file has but cannot be read as written (a link
 * to a missing task, an impossible outline level, a missing calendar) is read another way and
 * listed in `warnings`.
 *
 * Throws `VALIDATION` for arguments of the wrong type; `LIMIT_EXCEEDED` for documents over
 * `maxBytes` or `maxReferences` or nesting elements more than 100 deep; `PARSE` for malformed XML,
 * entity declarations (entities are never expanded), a root other than `<Project>` or an unreadable
 * duration.
 *
 * @example
 * ```ts
 * const project = parseMspdi(readFileSync('plan.xml', 'utf8'));
 * const schedule = scheduleProject(project);
 * for (const w of project.warnings) console.warn(w.code, w.path, w.message);
 * ```
 */
export function parseMspdi(xml: string, options: ParseMspdiOptions = {}): MspdiProject {
  const source = parseInput(MspdiDocumentSchema, xml, 'MSPDI document');
  const limits = parseInput(ParseMspdiOptionsSchema, options, 'MSPDI options');
  const doc = parseXml(source, { maxBytes: limits.maxBytes ?? DEFAULT_MAX_XML_BYTES, maxReferences: limits.maxReferences ?? DEFAULT_MAX_XML_REFERENCES });
  const project = child(doc, 'Project');
  if (!project) throw new CampaignKitError('PARSE', 'Not an MSPDI document: the root element must be <Project>');
  const start = localDateTime(text(project, 'StartDate'));
  if (!start) throw new CampaignKitError('PARSE', 'The MSPDI project has no StartDate');
  const minutesPerDay = num(text(project, 'MinutesPerDay')) ?? 480;
  const settings = {
    minutesPerDay,
    minutesPerWeek: num(text(project, 'MinutesPerWeek')) ?? 2400,
    daysPerMonth: num(text(project, 'DaysPerMonth')) ?? 20,
    // Project's CriticalSlackLimit is in days.
    criticalSlack: (num(text(project, 'CriticalSlackLimit')) ?? 0) * minutesPerDay,
  };
  const warnings: MspdiWarning[] = [];
  const warn = (warning: MspdiWarning) => warnings.push(warning);
  const calendars = calendarsOf(children(child(project, 'Calendars'), 'Calendar'), warn);
  const calendarIds = new Set(calendars.map((c) => c.id));
  const calendarUid = text(project, 'CalendarUID');
  const projectCalendarId = calendarUid !== undefined && calendarIds.has(calendarUid) ? calendarUid : undefined;
  if (calendarUid !== undefined && calendarUid !== '-1' && projectCalendarId === undefined) {
    warn({ code: 'MISSING_CALENDAR', message: `The project calendar UID ${calendarUid} is not in the file; the project uses Standard`, path: 'Project/CalendarUID' });
  }
  const resourceCalendars = resourceCalendarsOf(children(child(project, 'Resources'), 'Resource'), calendarIds);

  // Split tasks measure their gaps on their calendar; each calendar is compiled once.
  const byId = new Map(calendars.map((c) => [c.id, c]));
  const working = new Map<string | undefined, WorkingCalendar>();
  const workingCalendar = (id: string | undefined): WorkingCalendar => {
    const known = working.get(id);
    if (known) return known;
    const key = id ?? projectCalendarId;
    const made = createWorkingCalendar((key === undefined ? undefined : byId.get(key)) ?? STANDARD_CALENDAR, { calendars });
    working.set(id, made);
    return made;
  };
  const read = readTasks(project, {
    lengths: settings,
    calendarIds,
    resourceCalendars,
    assignments: assignmentsByTask(children(child(project, 'Assignments'), 'Assignment')),
    workingCalendar,
    warn,
  });
  const name = text(project, 'Name') ?? text(project, 'Title');
  return {
    ...(name ? { name } : {}),
    start,
    ...(projectCalendarId ? { calendar: projectCalendarId } : {}),
    calendars,
    settings,
    tasks: read.tasks,
    links: read.links,
    baselines: read.baselines,
    warnings,
  };
}
