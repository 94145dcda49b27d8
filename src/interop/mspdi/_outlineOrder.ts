import { CampaignKitError } from '../../core/errors.js';
import { invalidField } from '../../core/validate.js';
import type { ScheduleTaskInput } from '../../schedule/scheduleInput.js';

/** Deepest outline {@link toMspdi} writes; every task's OutlineNumber spells out its whole path. */
export const MAX_OUTLINE_LEVEL = 100;

/** One task in outline order. */
export interface OutlineEntry {
  readonly task: ScheduleTaskInput;
  /** OutlineLevel: 1 for a task without parent. */
  readonly level: number;
  /** True when other tasks name it as their parent. */
  readonly summary: boolean;
  /** OutlineNumber, e.g. `2.1.3`. */
  readonly outline: string;
}

function cycleThrough(tasks: readonly ScheduleTaskInput[], placed: ReadonlySet<string>): string[] {
  const parentOf = new Map(tasks.map((t) => [t.id, t.parent]));
  const start = tasks.find((t) => !placed.has(t.id));
  const seen: string[] = [];
  const at = new Map<string, number>();
  for (let id = start?.id; id !== undefined; id = parentOf.get(id)) {
    const earlier = at.get(id);
    if (earlier !== undefined) return [...seen.slice(earlier), id];
    at.set(id, seen.length);
    seen.push(id);
  }
  return seen;
}

/**
 * Tasks in outline order (parents before children, siblings in input order) with their outline
 * level and number. Throws `VALIDATION` for a parent that is not a task, `CYCLE` for tasks that are
 * each other's parents, and `LIMIT_EXCEEDED` for an outline deeper than {@link MAX_OUTLINE_LEVEL}.
 */
export function outlineOrder(tasks: readonly ScheduleTaskInput[]): OutlineEntry[] {
  const ids = new Set<string>();
  tasks.forEach((task, i) => {
    if (ids.has(task.id)) throw invalidField('MSPDI project', ['tasks', i, 'id'], `duplicate task id "${task.id}"`);
    ids.add(task.id);
  });
  const childrenOf = new Map<string | undefined, ScheduleTaskInput[]>();
  tasks.forEach((task, i) => {
    if (task.parent !== undefined && !ids.has(task.parent)) throw invalidField('MSPDI project', ['tasks', i, 'parent'], `unknown parent task "${task.parent}"`);
    const siblings = childrenOf.get(task.parent);
    if (siblings === undefined) childrenOf.set(task.parent, [task]);
    else siblings.push(task);
  });
  const out: OutlineEntry[] = [];
  const placed = new Set<string>();
  const stack = [{ siblings: childrenOf.get(undefined) ?? [], next: 0, level: 1, prefix: '' }];
  for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
    const task = top.siblings[top.next++];
    if (task === undefined) {
      stack.pop();
      continue;
    }
    if (top.level > MAX_OUTLINE_LEVEL) {
      throw new CampaignKitError('LIMIT_EXCEEDED', `Task "${task.id}" sits ${top.level} levels deep in the outline; MSPDI files are written up to ${MAX_OUTLINE_LEVEL} levels`, {
        details: { ids: [task.id], limit: MAX_OUTLINE_LEVEL },
      });
    }
    const outline = `${top.prefix}${top.next}`;
    const subtasks = childrenOf.get(task.id);
    placed.add(task.id);
    out.push({ task, level: top.level, summary: subtasks !== undefined, outline });
    if (subtasks !== undefined) stack.push({ siblings: subtasks, next: 0, level: top.level + 1, prefix: `${outline}.` });
  }
  if (placed.size < ids.size) {
    const cycle = cycleThrough(tasks, placed);
    throw new CampaignKitError('CYCLE', `Tasks are each other's parents: ${cycle.join(' -> ')}`, { details: { cycle, ids: cycle } });
  }
  return out;
}
