import { Gantt, ProjectModel } from '@bryntum/gantt-trial';
import { localText, until } from './_report.js';

// Loads adapter output into Bryntum's ProjectModel, lets its engine schedule, draws it with the
// Gantt widget, and reports the dates the engine settled on and the bars and arrows drawn.
window.renderGantt = async (data) => {
  const project = new ProjectModel(data);
  await project.commitAsync();
  new Gantt({ appendTo: 'chart', project, detectCSSCompatibilityIssues: false, height: 500, columns: [{ type: 'name', width: 200 }], features: { baselines: true } });
  await until(() => document.querySelectorAll('.b-gantt-task-wrap').length >= project.taskStore.count, 'Bryntum to draw its bars');
  await until(() => document.querySelectorAll('.b-sch-dependency:not(.b-click-area)').length >= project.dependencyStore.count, 'Bryntum to draw its arrows');
  const tasks = [];
  project.taskStore.traverse((task) => {
    tasks.push({
      id: String(task.id),
      start: localText(task.startDate),
      end: localText(task.endDate),
      duration: task.duration,
      durationUnit: task.durationUnit,
      manuallyScheduled: task.manuallyScheduled,
      percentDone: task.percentDone,
      parent: task.parent && !task.parent.isRoot ? String(task.parent.id) : null,
      constraintType: task.constraintType ?? null,
      deadline: task.deadlineDate ? localText(task.deadlineDate) : null,
      baselines: task.baselines.count,
    });
  });
  return {
    count: project.taskStore.count,
    tasks,
    links: project.dependencyStore.records.map((d) => ({ id: String(d.id), from: String(d.fromEvent.id), to: String(d.toEvent.id), type: d.type, lag: d.lag, lagUnit: d.lagUnit })),
    bars: document.querySelectorAll('.b-gantt-task-wrap').length,
    arrows: document.querySelectorAll('.b-sch-dependency:not(.b-click-area)').length,
  };
};
