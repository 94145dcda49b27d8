import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import { parseMspdi } from '../../src/interop/mspdi/parseMspdi.js';
import { toMspdi } from '../../src/interop/mspdi/toMspdi.js';
import { saveBaseline } from '../../src/schedule/baseline.js';
import { scheduleProject } from '../../src/schedule/scheduleProject.js';
import { conformanceDir } from '../_support/conformance.js';
import { projectComputed } from '../_support/mspdiExpected.js';

const root = conformanceDir();
const files = root === undefined ? [] : readdirSync(join(root, 'mspdi')).filter((f) => f.endsWith('.xml')).sort();

describe.skipIf(root === undefined)('MSPDI round trip: parse, write, parse gives the same input', () => {
  it.each(files)('%s', (file) => {
    const first = parseMspdi(readFileSync(join(root ?? '', 'mspdi', file), 'utf8'));
    const again = parseMspdi(toMspdi(first, { baselines: first.baselines }));
    expect(first.warnings).toEqual([]);
    expect(again).toEqual(first);
  });
});

const campaign = {
  name: 'Smart speaker launch',
  start: '2026-03-02T08:00',
  calendars: [
    {
      id: 'shanghai',
      name: 'Shanghai office',
      week: { mon: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '18:00' }], tue: [{ from: '09:00', to: '18:00' }], sat: [], sun: [] },
      exceptions: [
        { name: 'Qingming', from: '2026-04-04', to: '2026-04-06' },
        { name: 'Team day', from: '2026-01-01', to: '2026-12-31', recurrence: { type: 'monthlyWeekday' as const, every: 1, week: 'last' as const, weekday: 'fri' as const } },
      ],
    },
  ],
  tasks: [
    { id: 'plan', name: 'Plan & research' },
    { id: 'research', name: 'Demand research', parent: 'plan', duration: '3d' },
    { id: 'brief', name: 'Brief <draft>', parent: 'plan', duration: '1.5d', calendar: 'shanghai' },
    { id: 'review', name: 'Cross-department review', duration: '2d', constraint: { type: 'SNET' as const, date: '2026-03-09T08:00' }, deadline: '2026-03-20T17:00' },
    { id: 'go', name: 'Go / no-go', duration: '0d', milestone: true },
  ],
  links: [
    { from: 'research', to: 'brief', type: 'SS' as const, lag: '1d' },
    { from: 'plan', to: 'review' },
    { from: 'review', to: 'go', type: 'FF' as const, lag: '-2h' },
  ],
};

describe('MSPDI writing', () => {
  it('keeps campaignkit ids, names, outline, links and calendars through a round trip', () => {
    const back = parseMspdi(toMspdi(campaign));
    expect(back.tasks.map((t) => [t.id, t.name, t.parent])).toEqual([
      ['plan', 'Plan & research', undefined],
      ['research', 'Demand research', 'plan'],
      ['brief', 'Brief <draft>', 'plan'],
      ['review', 'Cross-department review', undefined],
      ['go', 'Go / no-go', undefined],
    ]);
    expect(back.links).toEqual([
      { from: 'research', to: 'brief', type: 'SS', lag: '1d' },
      { from: 'plan', to: 'review', type: 'FS' },
      { from: 'review', to: 'go', type: 'FF', lag: '-2h' },
    ]);
    // Calendar ids become MSPDI UIDs; what they describe survives.
    expect(scheduleProject(back).tasks).toEqual(scheduleProject(campaign).tasks);
  });

  it('writes the computed schedule the way Project stores it', () => {
    const schedule = scheduleProject(campaign);
    const written = projectComputed(toMspdi(campaign, { schedule }));
    const review = schedule.tasks.find((t) => t.id === 'review');
    expect(written.find((t) => t.uid === '4')).toEqual({
      uid: '4',
      summary: false,
      earlyStart: review?.earlyStart,
      earlyFinish: review?.earlyFinish,
      lateStart: review?.lateStart,
      lateFinish: review?.lateFinish,
      totalFloat: review?.totalFloat,
      freeFloat: review?.freeFloat,
      critical: review?.critical,
    });
  });

  it('carries baselines', () => {
    const baseline = saveBaseline(scheduleProject(campaign));
    expect(parseMspdi(toMspdi(campaign, { baselines: [{ number: 0, baseline }] })).baselines).toEqual([{ number: 0, baseline: { tasks: baseline.tasks } }]);
  });
});

describe('MSPDI reading refuses bad documents', () => {
  it('rejects malformed XML with the line', () => {
    let caught: unknown;
    try {
      parseMspdi('<Project><Tasks></Project>');
    } catch (e) {
      caught = e;
    }
    expect(isCampaignKitError(caught, 'PARSE')).toBe(true);
    expect((caught as { details: { line: number } }).details.line).toBe(1);
  });

  it('rejects entity declarations instead of expanding them', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><Project><Name>&b;</Name></Project>';
    expect(() => parseMspdi(bomb)).toThrow(expect.objectContaining({ code: 'PARSE' }));
  });

  it('rejects a document over the size limit', () => {
    expect(() => parseMspdi(`<Project><Name>${'x'.repeat(2000)}</Name></Project>`, { maxBytes: 1000 })).toThrow(expect.objectContaining({ code: 'LIMIT_EXCEEDED' }));
  });

  it('rejects XML that is not a project', () => {
    expect(() => parseMspdi('<Workbook/>')).toThrow(expect.objectContaining({ code: 'PARSE' }));
  });
});
