import type { MemberId } from '../../model/ids.js';
import type { Task } from '../../model/task.js';

/** Members responsible for a task: its owner, then its assignees, without repeats. */
export function taskPeople(task: Task): MemberId[] {
  return [...new Set([...(task.ownerId === undefined ? [] : [task.ownerId]), ...task.assigneeIds])];
}

/** `uniqueRoles(['market', 'manager', 'market'])` → `['market', 'manager']`. */
export function uniqueRoles(roles: readonly (string | undefined)[]): string[] {
  return [...new Set(roles.filter((r): r is string => r !== undefined))];
}

/** "1 working hour", "6 working hours", "1.5 working hours", "45 working minutes". */
export function workingTimeText(minutes: number): string {
  const m = Math.abs(minutes);
  if (m < 60) return `${m} working minute${m === 1 ? '' : 's'}`;
  const hours = Math.round((m / 60) * 100) / 100;
  return `${hours} working hour${hours === 1 ? '' : 's'}`;
}

/** Sorts by a key list, comparing strings and numbers in order. */
export function byKeys<T>(key: (item: T) => readonly (string | number)[]) {
  return (a: T, b: T): number => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i] as string | number;
      const y = kb[i] as string | number;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}
