import { resolveDuration } from '../calendar/duration.js';
import type { DurationInput } from '../model/primitives.js';
import type { TaskFactInput } from '../reports/series/taskHistory.js';
import { localDateTime } from '../workflow/_time.js';
import type { WorkspaceContext } from './_context.js';

type Fields = Readonly<Record<string, unknown>>;

/** The fields of a stored task a burn chart reads, as a fact carries them. */
function factFields(fields: Fields): Omit<TaskFactInput, 'at' | 'taskId' | 'kind'> {
  const out: { statusCategory?: TaskFactInput['statusCategory']; duration?: number; percentComplete?: number; points?: number } = {};
  if (typeof fields.statusCategory === 'string') out.statusCategory = fields.statusCategory as TaskFactInput['statusCategory'];
  if (fields.duration !== undefined) out.duration = Math.max(0, resolveDuration(fields.duration as DurationInput).minutes);
  if (typeof fields.percentComplete === 'number') out.percentComplete = fields.percentComplete;
  if (Object.hasOwn(fields, 'storyPoints')) out.points = typeof fields.storyPoints === 'number' ? fields.storyPoints : 0;
  return out;
}

/**
 * A campaign's task history as burn charts read it, from its audit trail: a task created (or
 * brought back by an undo) is `added`, a change of its status, duration, progress or story points
 * is `changed`, a deletion is `removed` — each at the command's wall-clock time in the workspace's
 * time zone. Summary tasks are left out (their subtasks carry the work), as are changes no burn
 * chart reads.
 */
export async function taskFactsOf(ctx: WorkspaceContext, campaignId: string, summaries: ReadonlySet<string>): Promise<TaskFactInput[]> {
  const facts: TaskFactInput[] = [];
  const present = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await ctx.storage.readAudit({ campaignId, limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    for (const entry of page.items) {
      const at = localDateTime(entry.at, ctx.timeZone);
      for (const patch of entry.patches) {
        const [type, taskId, field] = patch.path;
        if (type !== 'task' || typeof taskId !== 'string' || summaries.has(taskId)) continue;
        if (patch.path.length === 2) {
          if (patch.op === 'remove') {
            if (present.delete(taskId)) facts.push({ at, taskId, kind: 'removed' });
          } else if (typeof patch.value === 'object' && patch.value !== null) {
            facts.push({ at, taskId, kind: present.has(taskId) ? 'changed' : 'added', ...factFields(patch.value as Fields) });
            present.add(taskId);
          }
        } else if (patch.path.length === 3 && typeof field === 'string' && present.has(taskId)) {
          const fields = factFields(patch.op === 'remove' ? (field === 'storyPoints' ? { storyPoints: null } : {}) : { [field]: patch.value });
          if (Object.keys(fields).length > 0) facts.push({ at, taskId, kind: 'changed', ...fields });
        }
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return facts;
}
