import { resolveDuration } from '../../calendar/duration.js';
import { CampaignKitError } from '../../core/errors.js';
import { invalidField, parseInput } from '../../core/validate.js';
import { findCycle } from '../../graph/findCycle.js';
import { ProcessTemplateSchema, type ProcessTemplate, type ProcessTemplateInput, type StageLink } from '../../model/template.js';

/** The links of a template: the explicit ones, or a finish-to-start chain in stage order. */
export function stageLinks(template: ProcessTemplate): StageLink[] {
  if (template.links !== undefined) return template.links;
  return template.stages.slice(1).map((stage, i) => ({ from: (template.stages[i] as ProcessTemplate['stages'][number]).id, to: stage.id, type: 'FS', lag: '0d' }));
}

/**
 * Validates a process template: stage ids unique, links between known stages and without a cycle,
 * durations in working time (not elapsed or percent), approval steps gating tasks the stage has.
 *
 * @example
 * ```ts
 * defineTemplate({
 *   id: 'launch-lite', name: 'Launch (lite)',
 *   stages: [
 *     { id: 'plan', name: 'Plan', ownerRole: 'manager', duration: '3d' },
 *     { id: 'go', name: 'Go live', ownerRole: 'market', duration: '1d', approvals: [{ name: 'Legal', approverRoles: ['legal'] }] },
 *   ],
 * }).stages[1].approvals[0]; // { name: 'Legal', approverRoles: ['legal'], rule: 'all', slaBasis: 'working' }
 * ```
 */
export function defineTemplate(input: ProcessTemplateInput): ProcessTemplate {
  const template = parseInput(ProcessTemplateSchema, input, 'template');
  const ids = template.stages.map((s) => s.id as string);
  template.stages.forEach((stage, i) => {
    if (ids.indexOf(stage.id) !== i) throw invalidField('template', ['stages', i, 'id'], `stage id '${stage.id}' is used twice`);
    const duration = resolveDuration(stage.duration, undefined, ['stages', i, 'duration']);
    if (duration.elapsed || duration.percent !== undefined || duration.minutes < 0) {
      throw invalidField('template', ['stages', i, 'duration'], 'a stage duration is working time such as 3d or 4h');
    }
    stage.tasks.forEach((task, j) => {
      if (task.duration === undefined) return;
      const d = resolveDuration(task.duration, undefined, ['stages', i, 'tasks', j, 'duration']);
      if (d.elapsed || d.percent !== undefined || d.minutes < 0) {
        throw invalidField('template', ['stages', i, 'tasks', j, 'duration'], 'a task duration is working time such as 2d or 4h');
      }
    });
    const names = stage.tasks.length === 0 ? [stage.name] : stage.tasks.map((t) => t.name);
    stage.approvals.forEach((step, j) => {
      if (step.task !== undefined && !names.includes(step.task)) {
        throw invalidField('template', ['stages', i, 'approvals', j, 'task'], `stage '${stage.id}' has no task named '${step.task}'`);
      }
    });
  });
  const links = template.links ?? [];
  links.forEach((link, i) => {
    if (!ids.includes(link.from)) throw invalidField('template', ['links', i, 'from'], `no stage '${link.from}'`);
    if (!ids.includes(link.to)) throw invalidField('template', ['links', i, 'to'], `no stage '${link.to}'`);
    if (link.from === link.to) throw invalidField('template', ['links', i, 'to'], 'a stage cannot depend on itself');
  });
  const index = new Map(ids.map((id, i) => [id, i]));
  const cycle = findCycle(ids.length, (stage, visit) => {
    for (const link of links) {
      const to = link.from === ids[stage] ? index.get(link.to) : undefined;
      if (to !== undefined) visit(to);
    }
  }).map((i) => ids[i] ?? '');
  if (cycle.length > 0) {
    throw new CampaignKitError('CYCLE', `Template '${template.id}' has a cycle of stages: ${cycle.join(' -> ')}`, { details: { cycle } });
  }
  return template;
}
