import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { buildGanttView } from '../../../src/reports/gantt/buildGanttView.js';
import { toMermaidGantt } from '../../../src/reports/mermaid/toMermaidGantt.js';
import { row, weekView } from '../svg/_ganttFixture.js';

/** What Mermaid's Gantt database holds after reading a text (the parts these tests read). */
interface MermaidGanttDb {
  getTasks(): { task: string; id: string; startTime: Date; endTime: Date; section: string }[];
}

// Mermaid parses in Node as long as the text has no title (titles go through DOMPurify, which needs
// a window); the browser test covers titles.
async function mermaidTasks(text: string): Promise<ReturnType<MermaidGanttDb['getTasks']>> {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  return (diagram.db as unknown as MermaidGanttDb).getTasks();
}

const plan = buildGanttView(
  {
    start: '2026-03-02T08:00',
    tasks: [
      { id: 'launch', name: 'Launch' },
      { id: 'brief', name: 'Brief: agency', parent: 'launch', duration: '2d', percentComplete: 100 },
      { id: 'design', name: 'Design', parent: 'launch', duration: '3d', percentComplete: 40 },
      { id: 'go live', name: 'Go live', milestone: true },
    ],
    links: [
      { from: 'brief', to: 'design' },
      { from: 'design', to: 'go live' },
    ],
  },
  { today: '2026-03-04T12:00' },
);

describe('toMermaidGantt', () => {
  it('writes sections, tags, safe ids and explicit dates', () => {
    expect(toMermaidGantt(plan, { title: 'Spring launch' })).toBe(
      [
        'gantt',
        '    title Spring launch',
        '    dateFormat YYYY-MM-DD HH:mm',
        '    todayMarker off',
        '    section 1 Launch',
        '    1.1 Brief#58; agency :done, brief, 2026-03-02 08:00, 2026-03-03 17:00',
        '    1.2 Design :crit, active, design, 2026-03-04 08:00, 2026-03-06 17:00',
        '    section Tasks',
        '    2 Go live :crit, milestone, go_live, 2026-03-06 17:00, 2026-03-06 17:00',
        '    Today :vert, today, 2026-03-04 12:00, 2026-03-04 12:00',
        '',
      ].join('\n'),
    );
  });

  it('is read by Mermaid with every task at its scheduled dates', async () => {
    const tasks = await mermaidTasks(toMermaidGantt(plan));
    expect(tasks.map((t) => [t.id, t.section])).toEqual([
      ['brief', '1 Launch'],
      ['design', '1 Launch'],
      ['go_live', 'Tasks'],
      ['today', 'Tasks'],
    ]);
    // Local times on both sides, so the host's time zone does not matter.
    expect(tasks[1]?.startTime.getTime()).toBe(new Date('2026-03-04T08:00').getTime());
    expect(tasks[1]?.endTime.getTime()).toBe(new Date('2026-03-06T17:00').getTime());
  });

  it('keeps every task whatever its name holds: colons, hashes, semicolons, percents, keywords, Chinese', async () => {
    const names = ['a: b', 'a # b', 'a ; b', '#35; literal', '5% off', '%%{init}', 'Title design', 'section two', 'click here', 'excludes weekends', 'gantt', '2026-03-02 kick-off', '发布会：准备; #1', 'line\nbreak', '<b>x</b> & y', '   '];
    const view = weekView(names.map((name, i) => row({ id: `t${i}`, name, wbs: String(i + 1), start: '2026-03-02T08:00', finish: '2026-03-03T17:00' })));
    const text = toMermaidGantt(view, { wbs: false });
    const tasks = await mermaidTasks(text);
    expect(tasks.map((t) => t.id)).toEqual(names.map((_, i) => `t${i}`));
    expect(text).toContain('    #84;itle design :t6,');
    expect(text).toContain('    发布会：准备#59; #35;1 :t12,');
    expect(text).toContain('    16 :t15,');
    // Written as given, the same names lose tasks or break the text.
    const raw = ['gantt', '    dateFormat YYYY-MM-DD HH:mm', ...names.map((name, i) => `    ${name} :t${i}, 2026-03-02 08:00, 2026-03-03 17:00`)].join('\n');
    const kept = await mermaidTasks(raw).then((t) => t.length, () => 0);
    expect(kept).toBeLessThan(names.length);
  });

  it('makes ids Mermaid can read: no tag words, no clashes', async () => {
    const view = weekView(['done', 'a b', 'a_b', '任务', 'x,y'].map((id, i) => row({ id, wbs: String(i + 1), start: '2026-03-02T08:00', finish: '2026-03-02T17:00' })));
    const tasks = await mermaidTasks(toMermaidGantt(view));
    expect(tasks.map((t) => t.id)).toEqual(['done_', 'a_b', 'a_b_2', '__', 'x_y']);
  });

  it('leaves out excludes, because Mermaid would stretch date-time ends past excluded days', async () => {
    const friday = toMermaidGantt(weekView([row({ id: 'a', start: '2026-03-06T08:00', finish: '2026-03-09T17:00' })]));
    expect(friday).not.toContain('excludes');
    const [plain] = await mermaidTasks(friday);
    const [excluded] = await mermaidTasks(friday.replace('todayMarker off', 'todayMarker off\n    excludes weekends'));
    expect(plain?.endTime.getTime()).toBe(new Date('2026-03-09T17:00').getTime());
    expect(excluded?.endTime.getTime()).toBe(new Date('2026-03-11T17:00').getTime());
  });

  it('relies on a parser that does reject broken text', async () => {
    await expect(mermaid.parse('gantt\n    dateFormat YYYY-MM-DD HH:mm\n    Task without data\n')).rejects.toThrow(/Parse error/);
    await expect(mermaid.parse('gantt\n    dateFormat YYYY-MM-DD HH:mm\n    click here :a, 2026-03-02 08:00, 2026-03-03 08:00\n')).rejects.toThrow(/Parse error/);
  });

  it('writes no today marker without a today, and no sections without top-level summaries', () => {
    const text = toMermaidGantt(weekView([row({ id: 'a', start: '2026-03-02T08:00', finish: '2026-03-02T17:00' })]));
    expect(text).toBe('gantt\n    dateFormat YYYY-MM-DD HH:mm\n    todayMarker off\n    1 a :a, 2026-03-02 08:00, 2026-03-02 17:00\n');
  });

  it('refuses what is not a Gantt view', () => {
    for (const bad of [null, {}, { ...plan, rows: [{ id: 'x' }] }]) {
      try {
        toMermaidGantt(bad as never);
        expect.unreachable();
      } catch (error) {
        expect(isCampaignKitError(error, 'VALIDATION')).toBe(true);
      }
    }
  });
});
