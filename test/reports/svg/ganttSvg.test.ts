import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { buildGanttView } from '../../../src/reports/gantt/buildGanttView.js';
import { ganttSvg } from '../../../src/reports/svg/ganttSvg.js';
import { attributesOf, row, weekView } from './_ganttFixture.js';

// At this size a day is 100px of the bar area, which starts 240px from the left.
const SIZE = { width: 940, labelWidth: 240 };

const brief = row({ id: 'brief', name: 'Brief', start: '2026-03-02T08:00', finish: '2026-03-02T17:00', percentComplete: 100 });
const design = row({ id: 'design', name: 'Design', wbs: '2', start: '2026-03-03T08:00', finish: '2026-03-04T17:00', percentComplete: 40, critical: true });

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return isCampaignKitError(error) ? error.code : 'raw';
  }
}

describe('ganttSvg', () => {
  it('draws a one-task chart exactly', () => {
    const svg = ganttSvg(weekView([row({ id: 'a', name: 'Brief', start: '2026-03-02T08:00', finish: '2026-03-02T17:00', percentComplete: 50 })]), { width: 340, labelWidth: 200, title: 'Tiny' });
    expect(svg).toBe(
      [
        '<svg xmlns="http://www.w3.org/2000/svg" width="340" height="56" viewBox="0 0 340 56" role="img" aria-label="Tiny" font-family="Arial, Helvetica, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, Hiragino Sans GB, sans-serif" font-size="12">',
        '<title>Tiny</title>',
        '<rect x="0" y="0" width="340" height="56" fill="#ffffff"/>',
        '<svg x="0" y="0" width="200" height="56">',
        '<rect x="0" y="0" width="200" height="28" fill="#f8f9fa"/>',
        '<line x1="0" y1="56" x2="200" y2="56" stroke="#dadce0" stroke-width="0.5"/>',
        '<text x="6" y="46.2" fill="#202124">1 Brief</text>',
        '<line x1="199.5" y1="0" x2="199.5" y2="56" stroke="#dadce0" stroke-width="1"/>',
        '</svg>',
        '<svg x="200" y="0" width="140" height="56">',
        '<rect data-non-working="2026-03-07/2026-03-08" x="100" y="28" width="40" height="28" fill="#eceff1"/>',
        '<rect x="0" y="0" width="140" height="28" fill="#f8f9fa"/>',
        ...['2', '3', '4', '5', '6', '7', '8'].flatMap((day, i) => [
          `<line x1="${i * 20}" y1="0" x2="${i * 20}" y2="56" stroke="#dadce0" stroke-width="1"/>`,
          `<text data-tick="2026-03-0${day}" x="${i * 20 + 3}" y="18.2" fill="#202124">${day}</text>`,
        ]),
        '<line x1="0" y1="28" x2="140" y2="28" stroke="#dadce0" stroke-width="1"/>',
        '<line x1="0" y1="56" x2="140" y2="56" stroke="#dadce0" stroke-width="0.5"/>',
        '<g data-task-id="a" data-kind="task">',
        '<title>1 Brief',
        '2026-03-02 08:00 – 2026-03-02 17:00',
        '50%</title>',
        '<rect data-part="bar" x="6.67" y="33.6" width="7.5" height="12.6" rx="2" fill="#8ab4f8"/>',
        '<rect data-part="progress" x="6.67" y="33.6" width="3.75" height="12.6" rx="2" fill="#1a73e8"/>',
        '</g>',
        '</svg>',
        '</svg>',
      ].join('\n'),
    );
  });

  it('places a bar by calendar minutes since the first day, so nights take their width', () => {
    const svg = ganttSvg(weekView([brief, design]), SIZE);
    // 2026-03-03T08:00 is 1 day and 8 hours in: 133.33px; it ends at 2 days 17 hours: 270.83px.
    expect(attributesOf(svg, /<g data-task-id="design"[\s\S]*?<rect data-part="bar"[^>]*>/)).toMatchObject({ x: '133.33', width: '137.5', y: '61.6', height: '12.6' });
    expect(attributesOf(svg, /<rect data-non-working[^>]*>/)).toMatchObject({ x: '500', width: '200' });
  });

  it('draws critical bars and their progress in the critical colours', () => {
    const svg = ganttSvg(weekView([brief, design]), SIZE);
    expect(attributesOf(svg, /<g data-task-id="design"[\s\S]*?<rect data-part="bar"[^>]*>/).fill).toBe('#f28b82');
    expect(attributesOf(svg, /<g data-task-id="design"[\s\S]*?<rect data-part="progress"[^>]*>/)).toMatchObject({ width: '55', fill: '#c5221f' });
    expect(attributesOf(svg, /<g data-task-id="brief"[\s\S]*?<rect data-part="bar"[^>]*>/).fill).toBe('#8ab4f8');
  });

  it('draws a milestone as a diamond centred on its date and a summary as a bracket over its span', () => {
    const svg = ganttSvg(
      weekView([
        row({ id: 'phase', summary: true, start: '2026-03-02T08:00', finish: '2026-03-04T17:00' }),
        row({ id: 'go', wbs: '2', milestone: true, start: '2026-03-06T17:00', finish: '2026-03-06T17:00', critical: true }),
      ]),
      SIZE,
    );
    expect(attributesOf(svg, /<path data-part="milestone"[^>]*>/)).toMatchObject({ d: 'M470.83,59.5 L479.23,67.9 L470.83,76.3 L462.43,67.9 Z', fill: '#f28b82' });
    expect(attributesOf(svg, /<path data-part="summary"[^>]*>/).d).toMatch(/^M33\.33,[\d.]+ L270\.83,/);
  });

  it('draws the baseline beneath, the deadline, the overrun past a missed one, and the constraint', () => {
    const late = row({
      id: 'late',
      start: '2026-03-03T08:00',
      finish: '2026-03-04T17:00',
      baseline: { start: '2026-03-02T08:00', finish: '2026-03-03T17:00' },
      deadline: { date: '2026-03-03T17:00', missed: true },
      constraint: { type: 'SNET', date: '2026-03-03T08:00' },
    });
    const svg = ganttSvg(weekView([late]), SIZE);
    expect(attributesOf(svg, /<rect data-part="baseline"[^>]*>/)).toMatchObject({ x: '33.33', width: '137.5', y: '47.6', height: '3.92' });
    expect(attributesOf(svg, /<path data-part="deadline"[^>]*>/)).toMatchObject({ fill: '#a50e0e' });
    expect(attributesOf(svg, /<path data-part="deadline"[^>]*>/).d).toMatch(/^M170\.83,/);
    // From the deadline (1 day 17 h) to the finish (2 days 17 h): one day.
    expect(attributesOf(svg, /<rect data-part="overrun"[^>]*>/)).toMatchObject({ x: '170.83', width: '100' });
    expect(attributesOf(svg, /<path data-part="constraint"[^>]*>/)).toMatchObject({ 'data-constraint': 'SNET', d: 'M136.69,30.24 H133.33 V53.76 H136.69' });
    expect(svg).not.toContain('data-part="overrun" x="170.83" width="0"');
  });

  it('marks a met deadline in the deadline colour without an overrun', () => {
    const svg = ganttSvg(weekView([{ ...design, deadline: { date: '2026-03-05T17:00', missed: false } }]), SIZE);
    expect(attributesOf(svg, /<path data-part="deadline"[^>]*>/).fill).toBe('#188038');
    expect(svg).not.toContain('data-part="overrun"');
  });

  it('routes FS, SS, FF and SF arrows between the right ends of the bars', () => {
    const links = (['FS', 'SS', 'FF'] as const).map((type) => ({ id: `brief-${type}`, from: 'brief', to: 'design', type, lag: 0, lagElapsed: false, lagUnit: 'd' as const }));
    const back = [
      { id: 'design-SF', from: 'design', to: 'brief', type: 'SF' as const, lag: 0, lagElapsed: false, lagUnit: 'd' as const },
      { id: 'design-FS', from: 'design', to: 'brief', type: 'FS' as const, lag: 0, lagElapsed: false, lagUnit: 'd' as const },
    ];
    const svg = ganttSvg(weekView([brief, design], { links: [...links, ...back] }), SIZE);
    const route = (id: string): string | undefined => attributesOf(svg, new RegExp(`<g data-link-id="${id}"[^>]*>\\n<path[^>]*>`)).d;
    // Finish of brief (70.83, row 0 middle 39.9) to start of design (133.33, row 1 middle 67.9).
    expect(route('brief-FS')).toBe('M70.83,39.9 L76.83,39.9 L76.83,67.9 L128.33,67.9');
    expect(route('brief-SS')).toBe('M33.33,39.9 L27.33,39.9 L27.33,67.9 L128.33,67.9');
    expect(route('brief-FF')).toBe('M70.83,39.9 L276.83,39.9 L276.83,67.9 L275.83,67.9');
    expect(route('design-SF')).toBe('M133.33,67.9 L127.33,67.9 L127.33,39.9 L75.83,39.9');
    // A successor that starts before its predecessor ends: around through the gap between the rows.
    expect(route('design-FS')).toBe('M270.83,67.9 L276.83,67.9 L276.83,53.9 L27.33,53.9 L27.33,39.9 L28.33,39.9');
    expect(svg).toContain('data-link-type="SF"');
  });

  it('draws the today line at its minute', () => {
    const svg = ganttSvg(weekView([brief], { today: '2026-03-04T12:00' }), SIZE);
    expect(attributesOf(svg, /<line data-today[^>]*>/)).toMatchObject({ x1: '250', x2: '250', stroke: '#e37400' });
  });

  it('escapes names, keeps Chinese, and drops the control characters XML forbids', () => {
    const svg = ganttSvg(weekView([{ ...brief, name: '<script>&"\'\u0001 发布会' }]), { ...SIZE, title: 'Plan <b>' });
    expect(svg).toContain('1 &lt;script&gt;&amp;&quot;&apos; 发布会');
    expect(svg).toContain('aria-label="Plan &lt;b&gt;"');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('\u0001');
  });

  it('gives the same string for the same input', () => {
    const view = buildGanttView(
      {
        start: '2026-03-02T08:00',
        tasks: [
          { id: 'launch', name: '发布会' },
          { id: 'brief', parent: 'launch', duration: '2d', percentComplete: 50 },
          { id: 'go', milestone: true },
        ],
        links: [{ from: 'brief', to: 'go' }],
      },
      { scale: 'day', today: '2026-03-03T10:00' },
    );
    expect(ganttSvg(view)).toBe(ganttSvg(structuredClone(view)));
    expect(ganttSvg(view)).toMatch(/data-task-id="launch"[\s\S]*data-task-id="brief"[\s\S]*data-task-id="go"/);
  });

  it('uses the colours and sizes it is given, and refuses ones that are not', () => {
    const svg = ganttSvg(weekView([design]), { ...SIZE, rowHeight: 40, colors: { critical: 'purple' } });
    expect(attributesOf(svg, /<rect data-part="bar"[^>]*>/)).toMatchObject({ fill: 'purple', y: '36', height: '18' });
    expect(codeOf(() => ganttSvg(weekView([design]), { colors: { bar: 'url(https://example.com/x)' } }))).toBe('VALIDATION');
    expect(codeOf(() => ganttSvg(weekView([design]), { width: 300, labelWidth: 280 }))).toBe('VALIDATION');
    expect(codeOf(() => ganttSvg(weekView([design], { to: '2026-03-01' })))).toBe('VALIDATION');
    expect(codeOf(() => ganttSvg({ rows: 'nope' } as never))).toBe('VALIDATION');
  });
});
