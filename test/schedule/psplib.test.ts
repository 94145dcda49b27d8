import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCpm, type CpmLink, type CpmTask } from '../../src/schedule/computeCpm.js';
import { conformanceDir } from '../_support/conformance.js';

interface Instance {
  name: string;
  mpmTime: number;
  tasks: CpmTask[];
  links: CpmLink[];
}

/** Reads a PSPLIB single-mode `.sm` file: precedence relations, durations and the MPM-Time answer. */
function readInstance(path: string, name: string): Instance {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const section = (title: string): string[] => {
    const at = lines.findIndex((l) => l.startsWith(title));
    const body: string[] = [];
    for (let i = at + 2; i < lines.length && !(lines[i] ?? '').startsWith('*'); i++) body.push(lines[i] ?? '');
    return body.filter((l) => l.trim() !== '');
  };
  const info = section('PROJECT INFORMATION:')[0]?.trim().split(/\s+/) ?? [];
  const mpmTime = Number(info[5]);
  const links: CpmLink[] = [];
  for (const row of section('PRECEDENCE RELATIONS:')) {
    const [job, , count, ...succ] = row.trim().split(/\s+/);
    expect(succ.length).toBe(Number(count));
    for (const s of succ) links.push({ from: String(job), to: s });
  }
  const tasks = section('REQUESTS/DURATIONS:')
    .slice(1)
    .map((row) => {
      const [job, , duration] = row.trim().split(/\s+/);
      return { id: String(job), duration: Number(duration) };
    });
  return { name, mpmTime, tasks, links };
}

const root = conformanceDir();

describe.skipIf(root === undefined)('PSPLIB: computeCpm reproduces every instance\'s MPM-Time', () => {
  const sets = ['j30', 'j60', 'j90', 'j120'];
  it.each(sets)('%s', (set) => {
    const dir = join(root ?? '', 'psplib', set);
    const files = readdirSync(dir).filter((f) => f.endsWith('.sm'));
    expect(files.length).toBe(set === 'j120' ? 600 : 480);
    const mismatches: string[] = [];
    for (const file of files) {
      const instance = readInstance(join(dir, file), file);
      const result = computeCpm(instance);
      if (result.finish !== instance.mpmTime) mismatches.push(`${file}: ${result.finish} != ${instance.mpmTime}`);
      // The supersink is always on the critical path and finishes the project.
      expect(result.criticalPath.at(-1)).toBe(instance.tasks.at(-1)?.id);
    }
    expect(mismatches).toEqual([]);
  });
});
