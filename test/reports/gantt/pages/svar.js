import { Gantt, Willow } from '@svar-ui/react-gantt';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { toSvarGantt } from '../../../../src/reports/gantt/adapters/toSvarGantt.ts';
import { localText, until } from './_report.js';

// Renders a Gantt view with SVAR's React Gantt and reports what its API holds and what it drew. The
// adapter runs here, in the browser, because it builds Dates in the browser's own time zone.
window.renderGantt = async (view) => {
  const data = toSvarGantt(view);
  let api;
  createRoot(document.getElementById('chart')).render(createElement(Willow, { fonts: false }, createElement(Gantt, { ...data, init: (instance) => (api = instance) })));
  await until(() => api && document.querySelectorAll('.wx-bar').length >= data.tasks.length, 'SVAR Gantt to draw its bars');
  // Links are drawn after the bars are placed.
  await until(() => document.querySelectorAll('.wx-line').length >= data.links.length, 'SVAR Gantt to draw its links');
  const tasks = data.tasks.map(({ id }) => {
    const task = api.getTask(id);
    return { id: String(task.id), start: localText(task.start), end: localText(task.end), type: task.type, parent: String(task.parent) };
  });
  const links = api.getState().links.map((link) => ({ id: String(link.id), from: String(link.source), to: String(link.target), type: link.type }));
  const scaleCells = [...document.querySelectorAll('.wx-scale .wx-cell')].map((cell) => cell.textContent);
  return { count: tasks.length, tasks, links, bars: document.querySelectorAll('.wx-bar').length, arrows: document.querySelectorAll('.wx-line').length, scaleCells };
};
