import { resolveDuration } from '../calendar/duration.js';
import { formatLocal, parseLocal } from '../calendar/localTime.js';
import { CampaignKitError } from '../core/errors.js';
import { invalidField, parseInput } from '../core/validate.js';
import { ConstraintSchema, type Constraint } from '../model/task.js';
import type { DurationInput } from '../model/primitives.js';
import { engineFor, scheduleStructure, type BuiltSchedule } from './_build.js';
import { propagate } from './_incremental.js';
import { C_ALAP, CONSTRAINT_CODES } from './_network.js';
import { normalizeLinks, normalizeProject, refuseNegative } from './_normalize.js';
import { hasSummaryLinks, leavesUnder } from './_summaries.js';
import { refuseUnsupportedDates } from './_supportedDates.js';
import { ScheduleLinkSchema, ScheduleProjectSchema, type ScheduleLinkInput, type ScheduleProjectInput } from './scheduleInput.js';
import { scheduleResult, type ScheduleResult, type ScheduledTask } from './scheduleProject.js';

/** What a change did. */
export interface ScheduleChange {
  /** Ids of the tasks (and the summaries above them) whose dates, floats or critical flag changed. */
  readonly changed: string[];
  /** Project finish after the change. */
  readonly finish: string;
}

/**
 * A schedule built once and changed in place, rescheduling only what each change can reach (see
 * {@link prepareSchedule}). Reads give what {@link scheduleProject} gives for the changed input.
 */
export interface PreparedSchedule {
  /** The whole schedule. */
  result(): ScheduleResult;
  /** One task's schedule. */
  task(id: string): ScheduledTask;
  /** Project finish. */
  finish(): string;
  /** The input as it stands after every change so far. */
  input(): ScheduleProjectInput;
  /** Changes a task's duration. */
  setDuration(id: string, duration: DurationInput): ScheduleChange;
  /** Sets (or, with `undefined`, clears) a task's constraint. */
  setConstraint(id: string, constraint: Constraint | undefined): ScheduleChange;
  /** Adds a link; one that would close a cycle is refused with `CYCLE` and nothing changes. */
  addLink(link: ScheduleLinkInput): ScheduleChange;
  /** Removes the link from `from` to `to`. */
  removeLink(from: string, to: string): ScheduleChange;
}

type Parsed = ReturnType<typeof ScheduleProjectSchema.parse>;

/**
 * Builds a schedule for interactive use, a Gantt chart that reschedules on every keystroke or a
 * what-if analysis: each change recomputes only the tasks it can reach, stopping where dates come
 * out unchanged, and reports which tasks changed. Bad changes throw and leave the schedule as it
 * was. Projects with as-late-as-possible tasks or links on summary tasks are recomputed in full on
 * each change, since there one change can reach any task.
 *
 * @example
 * ```ts
 * const plan = prepareSchedule({
 *   start: '2026-03-02T08:00',
 *   tasks: [{ id: 'brief', duration: '2d' }, { id: 'design', duration: '3d' }],
 *   links: [{ from: 'brief', to: 'design' }],
 * });
 * plan.setDuration('brief', '3d'); // { changed: ['brief', 'design'], finish: '2026-03-09T17:00' }
 * plan.task('design').earlyStart;   // '2026-03-05T08:00'
 * ```
 */
export function prepareSchedule(input: ScheduleProjectInput): PreparedSchedule {
  // `current` is our own parsed copy: changes replace single task objects in it rather than
  // copying the whole task list, so a change costs what it reaches, not the project's size.
  let current: Parsed = parseInput(ScheduleProjectSchema, input, 'schedule input');
  let built: BuiltSchedule = scheduleStructure(normalizeProject(current));
  let inFull = recomputesInFull(built);

  const taskIndex = (id: string, path: string = 'id'): number => {
    if (typeof id !== 'string') throw invalidField('schedule change', [path], 'expected a task id (a string)');
    const i = built.structure.index.get(id);
    if (i === undefined) throw new CampaignKitError('NOT_FOUND', `Unknown task "${id}"`, { details: { ids: [id] } });
    return i;
  };
  const leafOf = (id: string, what: string): number => {
    const v = built.structure.leafOf[taskIndex(id)] as number;
    if (v === -1) throw invalidField('schedule change', ['id'], `"${id}" is a summary task; its ${what} rolls up from its subtasks`);
    return v;
  };

  /** Schedules `next` from scratch; if that throws, nothing has changed. */
  const rebuild = (next: Parsed): ScheduleChange => {
    const before = scheduleResult(built).tasks;
    const rebuilt = scheduleStructure(normalizeProject(next));
    current = next;
    built = rebuilt;
    inFull = recomputesInFull(built);
    const changed = scheduleResult(built)
      .tasks.filter((t, i) => JSON.stringify(t) !== JSON.stringify(before[i]))
      .map((t) => t.id);
    return { changed, finish: formatLocal(built.engine.finish) };
  };

  /** Names the touched leaves and every summary above them. */
  const report = (touched: Set<number>): ScheduleChange => {
    const { structure } = built;
    const ids = new Set<string>();
    for (const v of touched) {
      for (let i = structure.leafTask[v] as number; i !== -1; i = structure.parent[i] as number) ids.add(structure.ids[i] as string);
    }
    return { changed: [...ids], finish: formatLocal(built.engine.finish) };
  };

  /** `current` with task i patched: a new task list for a rebuild to try (the old one stays valid). */
  const withTask = (i: number, patch: Partial<Parsed['tasks'][number]>): Parsed => ({
    ...current,
    tasks: current.tasks.map((t, k) => (k === i ? { ...t, ...patch } : t)),
  });
  /**
   * Patches task i and updates the engine in place with `update`, which returns the leaves it
   * touched. If that throws, or puts a date outside the supported range, the task is restored and
   * the schedule rebuilt from the input as it was, so a refused change leaves nothing behind.
   */
  const changeInPlace = (i: number, patch: Partial<Parsed['tasks'][number]>, update: () => Set<number>): ScheduleChange => {
    const previous = current.tasks[i] as Parsed['tasks'][number];
    current.tasks[i] = { ...previous, ...patch };
    try {
      const touched = update();
      refuseUnsupportedDates(built.structure, built.engine, touched);
      return report(touched);
    } catch (e) {
      current.tasks[i] = previous;
      built = scheduleStructure(normalizeProject(current));
      inFull = recomputesInFull(built);
      throw e;
    }
  };

  /** Applies a new link list; between leaves the dates carry over and update from the link's ends. */
  const relink = (links: Parsed['links'], from: number, to: number): ScheduleChange => {
    const next: Parsed = { ...current, links };
    const { structure } = built;
    const leafFrom = structure.leafOf[from] as number;
    const leafTo = structure.leafOf[to] as number;
    if (leafFrom === -1 || leafTo === -1 || inFull) return rebuild(next);
    const relinked = { ...structure, links: normalizeLinks(links, structure.index, structure.parent, structure.settings) };
    const engine = engineFor(relinked);
    engine.adopt(built.engine);
    // The new engine works on copies, so until it is adopted below the schedule is unchanged.
    const touched = propagate(engine, [leafTo], [leafFrom]);
    refuseUnsupportedDates(relinked, engine, touched);
    current = next;
    built = { structure: relinked, engine };
    inFull = recomputesInFull(built);
    return report(touched);
  };

  return {
    result: () => scheduleResult(built),
    task: (id) => scheduleResult(built).tasks[taskIndex(id)] as ScheduledTask,
    finish: () => formatLocal(built.engine.finish),
    input: () => ({ ...current, tasks: [...current.tasks], links: [...current.links] }),

    setDuration(id, duration) {
      const v = leafOf(id, 'duration');
      const i = built.structure.leafTask[v] as number;
      const task = current.tasks[i] as Parsed['tasks'][number];
      const resolved = resolveDuration(duration, built.structure.settings, ['duration']);
      const minutes = refuseNegative(resolved, ['duration'], 'a duration must be a non-negative time, not a percentage');
      const net = built.engine.net;
      const simple = !inFull && (net.elapsed[v] === 1) === resolved.elapsed && task.remainingDuration === undefined && net.assignmentStart[v] === net.assignmentStart[v + 1];
      if (!simple) return rebuild(withTask(i, { duration }));
      return changeInPlace(i, { duration }, () => {
        net.duration[v] = minutes;
        net.remaining[v] = Math.round(minutes * (1 - (task.percentComplete ?? 0) / 100));
        if (task.milestone === undefined) net.milestone[v] = minutes === 0 ? 1 : 0;
        return propagate(built.engine, [v], [v]);
      });
    },

    setConstraint(id, constraint) {
      const v = leafOf(id, 'constraint');
      const parsed = constraint === undefined ? undefined : parseInput(ConstraintSchema, constraint, 'constraint');
      const i = built.structure.leafTask[v] as number;
      const code = CONSTRAINT_CODES.indexOf(parsed?.type ?? 'ASAP');
      if (inFull || code === C_ALAP) return rebuild(withTask(i, { constraint: parsed }));
      const date = parsed !== undefined && 'date' in parsed ? parseLocal(parsed.date) : Number.NaN;
      return changeInPlace(i, { constraint: parsed }, () => {
        built.engine.net.constraint[v] = code;
        built.engine.net.constraintDate[v] = date;
        return propagate(built.engine, [v], [v]);
      });
    },

    addLink(link) {
      const parsed = parseInput(ScheduleLinkSchema, link, 'link');
      const from = taskIndex(parsed.from);
      const to = taskIndex(parsed.to);
      refuseCycle(built, from, to);
      return relink([...current.links, parsed], from, to);
    },

    removeLink(from, to) {
      const [f, t] = [taskIndex(from, 'from'), taskIndex(to, 'to')];
      const at = current.links.findIndex((l) => l.from === from && l.to === to);
      if (at === -1) throw new CampaignKitError('NOT_FOUND', `There is no link from "${from}" to "${to}"`, { details: { ids: [from, to] } });
      return relink(
        current.links.filter((_, k) => k !== at),
        f,
        t,
      );
    },
  };
}

/**
 * Throws `CYCLE` when a link from task `from` to task `to` would close a loop: when a leaf under
 * `from` can already be reached from a leaf under `to`. The cycle is reported through leaves, in
 * link order, first id repeated at the end.
 */
function refuseCycle({ structure, engine }: BuiltSchedule, from: number, to: number): void {
  const { graph, net } = engine;
  const targets = new Set(leavesUnder(structure, from));
  const cameFrom = new Int32Array(net.size).fill(-2);
  const stack: number[] = [];
  for (const s of leavesUnder(structure, to)) {
    cameFrom[s] = -1;
    stack.push(s);
  }
  while (stack.length > 0) {
    const u = stack.pop() as number;
    if (targets.has(u)) {
      const path: string[] = [];
      for (let x = u; x !== -1; x = cameFrom[x] as number) path.unshift(net.ids[x] as string);
      const cycle = [path[path.length - 1] as string, ...path];
      throw new CampaignKitError('CYCLE', `A link from "${structure.ids[from]}" to "${structure.ids[to]}" would close a cycle: ${cycle.join(' -> ')}`, {
        details: { cycle },
      });
    }
    for (let k = graph.succStart[u] as number, end = graph.succStart[u + 1] as number; k < end; k++) {
      const w = net.linkTo[graph.succLinks[k] as number] as number;
      if (cameFrom[w] === -2) {
        cameFrom[w] = u;
        stack.push(w);
      }
    }
  }
}

/** Whether one change can reach any task: as-late-as-possible tasks or links on summary tasks. */
function recomputesInFull({ structure, engine }: BuiltSchedule): boolean {
  return hasSummaryLinks(structure) || engine.net.constraint.includes(C_ALAP);
}
