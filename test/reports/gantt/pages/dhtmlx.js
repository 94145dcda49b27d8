import { gantt } from 'dhtmlx-gantt';
import { localText } from './_report.js';

// Loads adapter output into DHTMLX Gantt and reports what the component holds and drew.
window.renderGantt = async (data) => {
  gantt.init('chart');
  gantt.parse(data);
  const tasks = [];
  gantt.eachTask((task) => {
    tasks.push({ id: String(task.id), start: localText(task.start_date), end: localText(task.end_date), type: task.type, parent: String(task.parent) });
  });
  return {
    count: gantt.getTaskCount(),
    tasks,
    links: gantt.getLinks().map((link) => ({ id: String(link.id), from: String(link.source), to: String(link.target), type: link.type })),
    bars: document.querySelectorAll('.gantt_task_line').length,
    arrows: document.querySelectorAll('.gantt_task_link').length,
  };
};
