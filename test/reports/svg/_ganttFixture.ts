import type { GanttRow, GanttView } from '../../../src/reports/gantt/ganttView.js';

/** A row with the fields a picture reads, defaults for the rest. */
export function row(fields: Partial<GanttRow> & Pick<GanttRow, 'id' | 'start' | 'finish'>): GanttRow {
  return {
    name: fields.id,
    wbs: '1',
    level: 1,
    parentId: null,
    summary: false,
    milestone: false,
    manual: false,
    duration: 480,
    percentComplete: 0,
    critical: false,
    totalFloat: 0,
    freeFloat: 0,
    baseline: null,
    deadline: null,
    constraint: null,
    ...fields,
  };
}

const days = ['02', '03', '04', '05', '06', '07', '08'].map((d) => `2026-03-${d}`);

/**
 * One week, Monday 2026-03-02 to Sunday 2026-03-08, in day columns with the weekend off. At
 * `width: 940, labelWidth: 240` a day is exactly 100px of the bar area, so x is easy to check.
 */
export function weekView(rows: readonly GanttRow[], extra: Partial<GanttView> = {}): GanttView {
  return {
    from: '2026-03-02',
    to: '2026-03-08',
    start: '2026-03-02T08:00',
    finish: '2026-03-06T17:00',
    today: null,
    minutesPerDay: 480,
    rows,
    links: [],
    criticalPath: [],
    scale: { unit: 'day', ticks: days.map((d) => ({ key: d, start: d, end: d })), nonWorking: [{ start: '2026-03-07', end: '2026-03-08' }] },
    ...extra,
  };
}

/** Every attribute of the first element matching `selector` (`<tag … data-x="v"`), by regex over the markup. */
export function attributesOf(svg: string, pattern: RegExp): Record<string, string> {
  const match = pattern.exec(svg);
  if (match === null) throw new Error(`no element matches ${pattern}`);
  const attributes: Record<string, string> = {};
  for (const [, name, value] of match[0].matchAll(/([\w:-]+)="([^"]*)"/g)) if (name !== undefined && value !== undefined) attributes[name] = value;
  return attributes;
}
