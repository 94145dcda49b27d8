import Gantt from 'frappe-gantt';
import { localText } from './_report.js';

// Draws adapter output with frappe-gantt and reports the tasks it kept and the bars and arrows it drew.
window.renderGantt = async (data) => {
  const chart = new Gantt('#chart', data, { view_mode: 'Day', scroll_to: 'start' });
  return {
    count: chart.tasks.length,
    tasks: chart.tasks.map((task) => ({ id: task.id, start: localText(task._start), end: localText(task._end), classes: document.querySelector(`.bar-wrapper[data-id="${task.id}"]`)?.getAttribute('class') ?? null, dependencies: task.dependencies })),
    links: chart.arrows.map((arrow) => ({ from: arrow.from_task.task.id, to: arrow.to_task.task.id })),
    bars: document.querySelectorAll('.bar-wrapper').length,
    arrows: document.querySelectorAll('.arrow path').length,
  };
};
