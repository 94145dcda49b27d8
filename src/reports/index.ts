/**
 * campaignkit/reports: what people look at. Gantt data and adapters for the Gantt components
 * integrators use, progress and budget series, dashboards, reports in Markdown and HTML, and
 * pictures as SVG strings. Pure and browser-safe: plain data in, plain data or strings out.
 *
 * @packageDocumentation
 */

// Gantt view data
export { buildGanttView } from './gantt/buildGanttView.js';
export type { GanttBaseline, GanttViewOptions } from './gantt/buildGanttView.js';
export type { GanttLink, GanttRow, GanttScale, GanttView } from './gantt/ganttView.js';
