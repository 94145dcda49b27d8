import * as z from 'zod';
import { resolveDuration } from '../../calendar/duration.js';
import { invalidField, parseInput } from '../../core/validate.js';
import type { Approval } from '../../model/approval.js';
import type { Dependency } from '../../model/dependency.js';
import { TemplateIdSchema } from '../../model/ids.js';
import { MemberSchema } from '../../model/member.js';
import { NameSchema, type DurationInput } from '../../model/primitives.js';
import type { Task } from '../../model/task.js';
import type { ProcessTemplate, ProcessTemplateInput, StageApproval, StagePlan, TemplateLessonInput } from '../../model/template.js';
import { calendarContext, type CalendarOptionsInput } from '../calendarOptions.js';
import { normalizeLocal } from '../_time.js';
import { formatMinutes } from './_formatMinutes.js';
import { defineTemplate } from './defineTemplate.js';

/** Options of {@link templateFromCampaign}, besides the calendar. */
export const TemplateFromCampaignOptionsSchema = z.object({
  /** Id of the new template. */
  id: TemplateIdSchema,
  /** Its name. */
  name: NameSchema,
  /** What it is for. */
  description: z.string().max(20000).optional(),
  /** Role (or department) each member played, for owner and approver roles; wins over `members`. */
  roleOf: z.record(z.string(), z.string().min(1).max(100)).default({}),
  /** Members, whose department gives their role when `roleOf` does not. */
  members: z.array(MemberSchema).default([]),
  /** `planned` durations as scheduled, or `actual` durations as the campaign ran. */
  durations: z.enum(['planned', 'actual']).default('planned'),
});

/** Options of {@link templateFromCampaign}. */
export interface TemplateFromCampaignOptions extends z.input<typeof TemplateFromCampaignOptionsSchema>, CalendarOptionsInput {}

/** What {@link templateFromCampaign} reads: a campaign's plan, as instantiated and run. */
export interface CampaignPlan {
  /** Tasks; those with a `stageId` are grouped into that stage, others become a stage each. */
  readonly tasks: readonly Task[];
  /** Dependencies; links across stages become stage links. */
  readonly links: readonly Dependency[];
  /** Approvals on tasks become approval steps. */
  readonly approvals?: readonly Approval[];
  /** Stage plans from instantiation, for stage names, owner roles, SLAs and outputs. */
  readonly stages?: readonly StagePlan[];
  /** Lessons learned in the campaign (stored lessons fit as they are); the template keeps their text, category, tags and metric, in this order. */
  readonly lessons?: readonly TemplateLessonInput[];
}

/**
 * Saves a campaign's plan as a new process template: its stages (by `stageId`), their tasks,
 * checklists and acceptance criteria (the checklist items instantiation added as `accept-*`), the
 * links between stages, and approval steps with approver roles. Durations are the planned ones, or
 * with `durations: 'actual'` how long each task and stage actually took on the calendar, so the next
 * campaign starts from what really happened. The campaign's lessons learned go into the template's
 * `lessons` with their text, category, tags and metric.
 *
 * @example
 * ```ts
 * const template = templateFromCampaign({ tasks, links, approvals, stages }, { id: 'launch-2027', name: 'Launch 2027', durations: 'actual' });
 * template.stages.map((s) => [s.id, s.duration]); // [['research', '4d'], ['plan', '5d'], ...]
 * ```
 */
export function templateFromCampaign(plan: CampaignPlan, options: TemplateFromCampaignOptions): ProcessTemplate {
  const parsed = parseInput(TemplateFromCampaignOptionsSchema, options, 'template options');
  const { calendar } = calendarContext(options);
  const roleOf = (member: string | undefined): string | undefined =>
    member === undefined
      ? undefined
      : ((Object.hasOwn(parsed.roleOf, member) ? parsed.roleOf[member] : undefined) ?? parsed.members.find((m) => m.id === member)?.department);
  const parents = new Set(plan.tasks.map((t) => t.parentId).filter((p) => p !== undefined));
  const leaves = plan.tasks.filter((t) => !parents.has(t.id));
  const stageOf = new Map(leaves.map((t) => [t.id as string, (t.stageId ?? t.id) as string]));
  const order = [...new Set(leaves.map((t) => stageOf.get(t.id) as string))];
  const byStart = (a: Task, b: Task) => (a.start ?? '').localeCompare(b.start ?? '') || a.id.localeCompare(b.id);
  const span = (tasks: readonly Task[], from: (t: Task) => string | undefined, to: (t: Task) => string | undefined): number | null => {
    const starts = tasks.map(from);
    const finishes = tasks.map(to);
    if (starts.some((s) => s === undefined) || finishes.some((f) => f === undefined)) return null;
    const first = (starts as string[]).map(normalizeLocal).sort()[0] as string;
    const last = (finishes as string[]).map(normalizeLocal).sort().reverse()[0] as string;
    return Math.max(0, calendar.workingMinutesBetween(first, last));
  };
  const actual = parsed.durations === 'actual';
  const stages = order.map((stageId) => {
    const tasks = leaves.filter((t) => stageOf.get(t.id) === stageId).sort(byStart);
    const meta = plan.stages?.find((s) => s.stageId === stageId);
    const inside = plan.links.filter((l) => stageOf.get(l.from) === stageId && stageOf.get(l.to) === stageId);
    const chained = tasks.length > 1 && inside.length === tasks.length - 1 && tasks.slice(1).every((t, i) => inside.some((l) => l.type === 'FS' && l.from === (tasks[i] as Task).id && l.to === t.id));
    const taskDuration = (t: Task): DurationInput => {
      const minutes = actual ? span([t], (x) => x.actualStart, (x) => x.actualFinish) : null;
      return minutes === null ? t.duration : formatMinutes(minutes);
    };
    const measured = actual ? span(tasks, (t) => t.actualStart, (t) => t.actualFinish) : null;
    const planned = span(tasks, (t) => t.start, (t) => t.finish);
    const fallback = Math.max(...tasks.map((t) => resolveDuration(taskDuration(t)).minutes));
    const duration: DurationInput = measured !== null ? formatMinutes(measured) : meta?.sla ?? formatMinutes(planned ?? fallback);
    const approvals: StageApproval[] = (plan.approvals ?? [])
      .filter((a) => a.subject.type === 'task' && tasks.some((t) => t.id === a.subject.id))
      .flatMap((a) =>
        a.stages.map((s): StageApproval => {
          const approverRoles = [...new Set(s.approvers.map((m) => roleOf(m)))];
          if (approverRoles.some((r) => r === undefined)) {
            throw invalidField('template options', ['roleOf'], `say which role approver(s) ${s.approvers.filter((m) => roleOf(m) === undefined).join(', ')} of approval '${a.id}' played`);
          }
          return {
            name: s.name,
            approverRoles: approverRoles as string[],
            rule: s.rule,
            slaBasis: s.slaBasis,
            ...(s.slaHours === undefined ? {} : { slaHours: s.slaHours }),
            ...(s.escalateToRole === undefined ? {} : { escalateToRole: s.escalateToRole }),
            task: (tasks.find((t) => t.id === a.subject.id) as Task).name,
          };
        }),
      );
    const ownerRole = meta?.ownerRole ?? roleOf(tasks[0]?.ownerId) ?? 'manager';
    return {
      id: stageId,
      name: meta?.name ?? (tasks.length === 1 ? (tasks[0] as Task).name : stageId),
      ownerRole,
      inputs: meta?.inputs ?? [],
      outputs: meta?.outputs ?? [],
      duration,
      acceptanceCriteria: [...new Set([...(meta?.acceptanceCriteria ?? []), ...tasks.flatMap((t) => t.checklist.filter((c) => c.id.startsWith('accept-')).map((c) => c.text))])],
      taskOrder: chained ? ('sequential' as const) : ('parallel' as const),
      tasks: tasks.map((t) => ({
        name: t.name,
        duration: taskDuration(t),
        milestone: t.milestone,
        ...(t.type === 'task' ? {} : { type: t.type }),
        checklist: t.checklist.filter((c) => !c.id.startsWith('accept-')).map((c) => c.text),
      })),
      approvals,
    };
  });
  const links = new Map<string, NonNullable<ProcessTemplateInput['links']>[number]>();
  for (const l of plan.links) {
    const from = stageOf.get(l.from);
    const to = stageOf.get(l.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}|${to}|${l.type}`;
    if (!links.has(key)) links.set(key, { from, to, type: l.type, lag: l.lag });
  }
  return defineTemplate({
    id: parsed.id,
    name: parsed.name,
    ...(parsed.description === undefined ? {} : { description: parsed.description }),
    stages,
    links: [...links.values()],
    lessons: (plan.lessons ?? []).map((lesson) => ({
      text: lesson.text,
      ...(lesson.category === undefined ? {} : { category: lesson.category }),
      tags: lesson.tags ?? [],
      ...(lesson.metric === undefined ? {} : { metric: lesson.metric }),
    })),
  });
}
