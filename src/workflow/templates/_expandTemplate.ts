import { resolveDuration } from '../../calendar/duration.js';
import { invalidField, parseInput } from '../../core/validate.js';
import type { Approval, ApprovalStage } from '../../model/approval.js';
import { DependencySchema, type Dependency, type LinkType } from '../../model/dependency.js';
import type { CampaignId, StageId } from '../../model/ids.js';
import type { DurationInput } from '../../model/primitives.js';
import { TaskSchema, type Task } from '../../model/task.js';
import type { ProcessTemplate, Stage, StagePlan } from '../../model/template.js';
import { membersInRoleParsed, type RoleDirectory } from '../roleDirectory.js';
import { workflowFor, type StatusWorkflow } from '../status/statusWorkflow.js';
import { createApproval } from '../approvals/createApproval.js';
import { formatMinutes } from './_formatMinutes.js';
import { stageLinks } from './defineTemplate.js';

/** What instantiation needs besides the template. */
export interface ExpandOptions {
  readonly campaignId: CampaignId;
  readonly directory: RoleDirectory;
  readonly durations: Readonly<Record<string, DurationInput>>;
  readonly idPrefix: string;
  readonly workflows: readonly StatusWorkflow[];
}

/** Tasks, links, approvals and stage plans of a template, before dates are scheduled. */
export interface Expanded {
  readonly tasks: Task[];
  readonly links: Dependency[];
  readonly approvals: Approval[];
  readonly stages: StagePlan[];
  readonly unassignedRoles: string[];
}

interface StageTasks {
  readonly stage: Stage;
  readonly tasks: Task[];
}

/** Task durations of a stage: explicit ones as written, the others from the stage's duration. */
function taskDurations(stage: Stage, stageDuration: DurationInput, path: (string | number)[]): DurationInput[] {
  const specs = stage.tasks.length === 0 ? [{ name: stage.name, milestone: false, checklist: [], duration: undefined }] : stage.tasks;
  if (stage.taskOrder === 'parallel') return specs.map((t) => t.duration ?? (t.milestone ? '0d' : stageDuration));
  const total = resolveDuration(stageDuration).minutes;
  const explicit = specs.reduce((sum, t) => sum + (t.duration !== undefined ? resolveDuration(t.duration).minutes : 0), 0);
  const implicit = specs.filter((t) => t.duration === undefined && !t.milestone).length;
  const left = total - explicit;
  if (implicit > 0 && left < 0) {
    throw invalidField('template', path, `the tasks of stage '${stage.id}' that name a duration already take longer than the stage's ${String(stageDuration)}`);
  }
  const share = implicit === 0 ? 0 : Math.floor(left / implicit);
  let remainder = implicit === 0 ? 0 : left - share * implicit;
  return specs.map((t) => {
    if (t.duration !== undefined) return t.duration;
    if (t.milestone) return '0d';
    const minutes = share + remainder;
    remainder = 0;
    return formatMinutes(minutes);
  });
}

function links(from: StageTasks, to: StageTasks, type: LinkType): [Task, Task][] {
  const starts = (s: StageTasks) => (s.stage.taskOrder === 'sequential' ? s.tasks.slice(0, 1) : s.tasks);
  const ends = (s: StageTasks) => (s.stage.taskOrder === 'sequential' ? s.tasks.slice(-1) : s.tasks);
  const left = type[0] === 'S' ? starts(from) : ends(from);
  const right = type[1] === 'S' ? starts(to) : ends(to);
  return left.flatMap((a) => right.map((b): [Task, Task] => [a, b]));
}

/** Expands a validated template into a campaign's tasks, links, draft approvals and stage plans. */
export function expandTemplate(template: ProcessTemplate, options: ExpandOptions): Expanded {
  const { campaignId, directory, idPrefix } = options;
  const unassigned = new Set<string>();
  const approvals: Approval[] = [];
  const dependency = (from: string, to: string, type: LinkType, lag: DurationInput) =>
    parseInput(DependencySchema, { id: `${idPrefix}${from}->${to}`, campaignId, from, to, type, lag }, 'dependency');
  const depLinks: Dependency[] = [];
  const durationOf = (stage: Stage): DurationInput => (Object.hasOwn(options.durations, stage.id) ? options.durations[stage.id] : undefined) ?? stage.duration;
  const byStage: StageTasks[] = template.stages.map((stage, i) => {
    const duration = durationOf(stage);
    const durations = taskDurations(stage, duration, ['stages', i, 'duration']);
    const owners = membersInRoleParsed(directory, stage.ownerRole, campaignId);
    if (owners.length === 0) unassigned.add(stage.ownerRole);
    const specs = stage.tasks.length === 0 ? [{ name: stage.name, milestone: false, checklist: [] as string[], type: undefined }] : stage.tasks;
    const tasks = specs.map((spec, j) => {
      const id = specs.length === 1 ? `${idPrefix}${stage.id}` : `${idPrefix}${stage.id}-${j + 1}`;
      const closing = j === specs.length - 1;
      const checklist = [
        ...spec.checklist.map((text, k) => ({ id: `c${k + 1}`, text, done: false })),
        ...(closing ? stage.acceptanceCriteria.map((text, k) => ({ id: `accept-${k + 1}`, text, done: false })) : []),
      ];
      const type = spec.type ?? 'task';
      const workflow = workflowFor(type, options.workflows);
      const initial = workflow.statuses.find((s) => s.name === workflow.initial);
      return parseInput(
        TaskSchema,
        {
          id,
          campaignId,
          name: spec.name,
          type,
          stageId: stage.id,
          ...(owners[0] === undefined ? {} : { ownerId: owners[0] }),
          duration: durations[j],
          milestone: spec.milestone,
          status: workflow.initial,
          statusCategory: initial?.category ?? 'todo',
          checklist,
        },
        'task',
      );
    });
    if (stage.taskOrder === 'sequential') {
      tasks.slice(1).forEach((task, j) => depLinks.push(dependency((tasks[j] as Task).id, task.id, 'FS', '0d')));
    }
    const gated = new Map<string, Stage['approvals']>();
    for (const step of stage.approvals) {
      const name = step.task ?? (specs[specs.length - 1] as { name: string }).name;
      gated.set(name, [...(gated.get(name) ?? []), step]);
    }
    [...gated].forEach(([name, steps], k) => {
      const task = tasks[specs.findIndex((s) => s.name === name)] as Task;
      const stages: ApprovalStage[] = steps.map((step) => {
        const approvers = step.approverRoles.flatMap((role) => {
          const holders = membersInRoleParsed(directory, role, campaignId);
          if (holders.length === 0) {
            throw invalidField('role directory', ['assignees', role], `nobody holds role '${role}', which approves '${step.name}' in stage '${stage.id}'; assign at least one member`);
          }
          return holders;
        });
        return {
          name: step.name,
          approvers: [...new Set(approvers)],
          rule: step.rule,
          slaBasis: step.slaBasis,
          ...(step.slaHours === undefined ? {} : { slaHours: step.slaHours }),
          ...(step.escalateToRole === undefined ? {} : { escalateToRole: step.escalateToRole }),
        };
      });
      const id = `${idPrefix}${stage.id}-approval${gated.size === 1 ? '' : `-${k + 1}`}`;
      approvals.push(createApproval({ id, campaignId, title: steps.map((s) => s.name).join(', '), subject: { type: 'task', id: task.id }, stages }));
    });
    return { stage, tasks };
  });
  const index = new Map(byStage.map((s) => [s.stage.id as string, s]));
  for (const link of stageLinks(template)) {
    const from = index.get(link.from) as StageTasks;
    const to = index.get(link.to) as StageTasks;
    for (const [a, b] of links(from, to, link.type)) depLinks.push(dependency(a.id, b.id, link.type, link.lag));
  }
  const stages: StagePlan[] = byStage.map(({ stage, tasks }) => ({
    stageId: stage.id as StageId,
    name: stage.name,
    ownerRole: stage.ownerRole,
    taskIds: tasks.map((t) => t.id),
    sla: durationOf(stage),
    inputs: stage.inputs,
    outputs: stage.outputs,
    acceptanceCriteria: stage.acceptanceCriteria,
  }));
  return { tasks: byStage.flatMap((s) => s.tasks), links: depLinks, approvals, stages, unassignedRoles: [...unassigned].sort() };
}
