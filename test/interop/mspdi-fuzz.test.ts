import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import { parseMspdi } from '../../src/interop/mspdi/parseMspdi.js';
import { toMspdi } from '../../src/interop/mspdi/toMspdi.js';
import { saveBaseline } from '../../src/schedule/baseline.js';
import { scheduleProject } from '../../src/schedule/scheduleProject.js';

/** `ok`, the code of the CampaignKitError thrown, or `raw …` for anything else that escaped. */
function outcome(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (error) {
    return isCampaignKitError(error) ? error.code : `raw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}

const parseUntyped = parseMspdi as (...args: unknown[]) => unknown;
const writeUntyped = toMspdi as (...args: unknown[]) => unknown;

const office = [
  { from: '09:00', to: '12:00' },
  { from: '13:00', to: '18:00' },
];
const plan = {
  name: 'Launch',
  start: '2026-03-02T08:00',
  calendar: 'office',
  calendars: [
    {
      id: 'office',
      name: 'Office',
      week: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
      workWeeks: [{ name: 'Summer', from: '2026-07-01', to: '2026-08-31', week: { fri: [{ from: '09:00', to: '13:00' }] } }],
      exceptions: [
        { name: 'Holiday', from: '2026-04-06', to: '2026-04-06' },
        { name: 'Team day', from: '2026-01-01', to: '2026-12-31', recurrence: { type: 'monthlyWeekday' as const, every: 1, week: 'last' as const, weekday: 'fri' as const } },
      ],
    },
    { id: 'night', name: 'Night', base: 'office', week: { sat: [{ from: '20:00', to: '24:00' }] } },
  ],
  tasks: [
    { id: 'plan', name: 'Plan & research' },
    { id: 'research', parent: 'plan', duration: '3d', assignments: [{ resource: 'ana', work: '24h' }, { resource: 'bo', work: '12h', units: 0.5, calendar: 'night' }] },
    { id: 'brief', parent: 'plan', duration: '2d', splits: [{ after: '1d', gap: '2d' }], calendar: 'night' },
    { id: 'review', duration: '2ed', constraint: { type: 'SNET' as const, date: '2026-03-09T08:00' }, deadline: '2026-03-20T17:00', percentComplete: 50, actualStart: '2026-03-09T08:00', remainingDuration: '1ed' },
    { id: 'shoot', manual: true, start: '2026-03-16T08:00', finish: '2026-03-18T17:00', duration: '3d' },
    { id: 'go', duration: '0d', milestone: true },
  ],
  links: [
    { from: 'research', to: 'brief', type: 'SS' as const, lag: '1d' },
    { from: 'plan', to: 'review', lag: '50%' },
    { from: 'review', to: 'go', type: 'FF' as const, lag: '-2h' },
  ],
};
const schedule = scheduleProject(plan);
const options = { schedule, baselines: [{ number: 0, baseline: saveBaseline(schedule) }] };
const document = toMspdi(plan, options);

const LEAF = /<([A-Za-z_]+)>([^<]*)<\/\1>/g;
const BLOCKS = ['Task', 'Calendar', 'Resource', 'Assignment', 'PredecessorLink', 'Baseline', 'TimephasedData', 'WeekDay', 'Exception', 'WorkWeek', 'ExtendedAttribute'];

const leafValue = fc.oneof(
  fc.constantFrom('', '0', '-1', '1.5', '1e309', 'NaN', '-0', '99999999999', 'PT', 'P1Y', '-PT8H0M0S', 'PT99999999999H', 'PT0.0001S'),
  fc.constantFrom('2026-02-30T08:00:00', '0001-01-01T00:00:00', '9999-12-31T23:59:00', '2026-03-02', '24:00:00', '-65535', '35', '53', '19', '20', '12'),
  fc.constantFrom('&#0;', '&#x10FFFF;', '&#xD800;', '&amp;', '&lt;', '<![CDATA[&amp;]]>', '__proto__', 'constructor', 'x'.repeat(600)),
  fc.string({ maxLength: 12 }),
);
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), value: leafValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.constantFrom('__proto__', 'constructor', 'UID', 'Task', 'OutlineLevel', 'x') }),
  fc.record({ kind: fc.constant('dropBlock' as const), at: fc.nat(), block: fc.constantFrom(...BLOCKS) }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 150 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(xml: string, m: Mutation): string {
  const leaves = [...xml.matchAll(LEAF)];
  const leaf = leaves[m.at % Math.max(1, leaves.length)];
  const start = leaf?.index ?? 0;
  const whole = leaf?.[0] ?? '';
  const name = leaf?.[1] ?? '';
  const end = start + whole.length;
  switch (m.kind) {
    case 'text':
      return `${xml.slice(0, start)}<${name}>${m.value}</${name}>${xml.slice(end)}`;
    case 'delete':
      return xml.slice(0, start) + xml.slice(end);
    case 'duplicate':
      return xml.slice(0, end) + whole + xml.slice(end);
    case 'rename':
      return `${xml.slice(0, start)}<${m.name}>${leaf?.[2] ?? ''}</${m.name}>${xml.slice(end)}`;
    case 'dropBlock': {
      const blocks = [...xml.matchAll(new RegExp(`<${m.block}>[\\s\\S]*?</${m.block}>`, 'g'))];
      const block = blocks[m.at % Math.max(1, blocks.length)];
      return block?.index === undefined ? xml : xml.slice(0, block.index) + xml.slice(block.index + block[0].length);
    }
    case 'nest':
      return `${xml.slice(0, start)}${'<n>'.repeat(m.depth)}${whole}${'</n>'.repeat(m.depth)}${xml.slice(end)}`;
    case 'truncate':
      return xml.slice(0, m.at % xml.length);
  }
}

const anything = fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true });

describe('MSPDI fuzzing: only CampaignKitError escapes parseMspdi and toMspdi', () => {
  it('the base document parses cleanly', () => {
    expect(parseMspdi(document).warnings).toEqual([]);
  });

  it('parseMspdi with arbitrary arguments', () => {
    fc.assert(
      fc.property(anything, anything, (xml, opts) => {
        expect(outcome(() => parseUntyped(xml, opts))).not.toMatch(/^raw /);
      }),
      { numRuns: 300 },
    );
  });

  it('parseMspdi with near-valid documents: leaves changed, deleted, duplicated, renamed; blocks dropped; nesting; truncation', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const xml = mutations.reduce(mutate, document);
        expect(outcome(() => parseMspdi(xml))).not.toMatch(/^raw /);
      }),
      { numRuns: 600 },
    );
  });

  it('toMspdi with arbitrary arguments', () => {
    fc.assert(
      fc.property(anything, anything, (project, opts) => {
        expect(outcome(() => writeUntyped(project, opts))).not.toMatch(/^raw /);
      }),
      { numRuns: 300 },
    );
  });

  it('toMspdi with near-valid input: one task field, project field or schedule field replaced', () => {
    const taskKeys = ['id', 'parent', 'duration', 'calendar', 'constraint', 'deadline', 'manual', 'start', 'finish', 'splits', 'assignments', 'percentComplete', 'remainingDuration', 'milestone', 'placeholder'];
    const projectKeys = ['start', 'calendar', 'calendars', 'settings', 'links', 'name', 'tasks'];
    const tricky = fc.oneof(anything, fc.constantFrom('__proto__', 'plan', 'night', 'nobody', '0d', '-1d', '1e308d', '50%', 'PT', '2026-03-02T08:00', '9999-12-31T23:59', -1, 1.5, Number.NaN));
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...taskKeys), fc.constantFrom(...projectKeys), tricky, fc.boolean(), (at, taskKey, projectKey, value, onProject) => {
        const input: Record<string, unknown> = structuredClone(plan);
        const tasks = input.tasks as Record<string, unknown>[];
        if (onProject) input[projectKey] = value;
        else (tasks[at % tasks.length] as Record<string, unknown>)[taskKey] = value;
        expect(outcome(() => writeUntyped(input, options))).not.toMatch(/^raw /);
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('id', 'start', 'finish', 'earlyStart', 'lateFinish', 'totalFloat', 'critical'), tricky, (at, key, value) => {
        const tasks = schedule.tasks.map((t, i) => (i === at % schedule.tasks.length ? { ...t, [key]: value } : t));
        expect(outcome(() => writeUntyped(plan, { ...options, schedule: { ...schedule, tasks } }))).not.toMatch(/^raw /);
      }),
      { numRuns: 200 },
    );
  });
});
