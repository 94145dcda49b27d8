import type { WorkspaceContext } from './_context.js';

/**
 * What the audit trail says happened to each task of a campaign, for the views that need history
 * the records do not keep: when it was first assigned, first started and last finished (instants),
 * and its percent complete as reported, by local day.
 */
export interface TaskTimeline {
  /** First command that gave the task an assignee (or created it with one). */
  assignedAt?: string;
  /** First command that moved it into `in_progress`. */
  startedAt?: string;
  /** Last command that moved it into `done`. */
  finishedAt?: string;
  /** Percent complete as reported: the last reading of each local day, in day order. */
  readonly progress: { date: string; percentComplete: number }[];
}

type Fields = { readonly assigneeIds?: unknown; readonly statusCategory?: unknown; readonly percentComplete?: unknown };

/** Reads the campaign's audit trail once, oldest first, into a timeline per task id. */
export async function taskTimelines(ctx: WorkspaceContext, campaignId: string, localDay: (instant: string) => string): Promise<Map<string, TaskTimeline>> {
  const timelines = new Map<string, TaskTimeline>();
  const of = (taskId: string): TaskTimeline => {
    let timeline = timelines.get(taskId);
    if (timeline === undefined) timelines.set(taskId, (timeline = { progress: [] }));
    return timeline;
  };
  const note = (taskId: string, at: string, fields: Fields) => {
    const timeline = of(taskId);
    if (Array.isArray(fields.assigneeIds) && fields.assigneeIds.length > 0) timeline.assignedAt ??= at;
    if (fields.statusCategory === 'in_progress') timeline.startedAt ??= at;
    if (fields.statusCategory === 'done') timeline.finishedAt = at;
    else if (typeof fields.statusCategory === 'string') delete timeline.finishedAt;
    if (typeof fields.percentComplete === 'number') {
      const date = localDay(at);
      const last = timeline.progress.at(-1);
      if (last?.date === date) last.percentComplete = fields.percentComplete;
      else timeline.progress.push({ date, percentComplete: fields.percentComplete });
    }
  };
  let cursor: string | undefined;
  do {
    const page = await ctx.storage.readAudit({ campaignId, limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    for (const entry of page.items) {
      for (const patch of entry.patches) {
        const [type, taskId, field] = patch.path;
        if (type !== 'task' || typeof taskId !== 'string' || patch.op === 'remove') continue;
        if (patch.path.length === 2 && typeof patch.value === 'object' && patch.value !== null) note(taskId, entry.at, patch.value as Fields);
        else if (patch.path.length === 3 && typeof field === 'string') note(taskId, entry.at, { [field]: patch.value });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return timelines;
}
