/**
 * MSPDI reading and writing at sizes that used to take quadratic time: one task with 80,000
 * assignments on 20,000 resources and calendars, and 150,000 tasks written. Run alone with
 * `npx tsx bench/mspdi.ts`, or as part of `npm run bench`.
 */
import { parseMspdi } from '../src/interop/mspdi/parseMspdi.js';
import { toMspdi } from '../src/interop/mspdi/toMspdi.js';
import { largeMspdi } from '../test/interop/_largeMspdi.js';
import { measure } from './measure.js';

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

/** Benchmark rows: what, result, compared with, note. */
export function mspdiBenchmarks(): string[][] {
  const xml = largeMspdi({ assignments: 80_000, resources: 20_000, calendars: 20_000 });
  const read = measure(() => parseMspdi(xml), { warmup: 1, runs: 5 });
  const tasks = { start: '2026-01-05T08:00', tasks: Array.from({ length: 150_000 }, (_, i) => ({ id: String(i + 1), duration: '2d' })) };
  const write = measure(() => toMspdi(tasks), { warmup: 1, runs: 3 });
  return [
    ['parseMspdi, 80k assignments on one task, 20k resources × 20k calendars', `${ms(read.median)} median`, `${(xml.length / 2 ** 20).toFixed(1)} MiB document`, 'previous (quadratic) reader: 70 s on the same document'],
    ['toMspdi, 150k tasks', `${ms(write.median)} median`, '', 'overflowed the stack above ~125k numeric ids'],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of mspdiBenchmarks()) console.log(row.join('  |  '));
}
