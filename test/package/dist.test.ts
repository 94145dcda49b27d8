import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// These tests load the built package the way a user does: through its name and export map. They run
// in child Node processes so no bundler resolution hides a broken `exports` entry.
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
};
const subpaths = Object.keys(pkg.exports).filter((key) => key !== './package.json');

function runNode(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
}

describe('the built package', () => {
  it.each(subpaths)('exports %s to ESM importers', (subpath) => {
    const specifier = subpath === '.' ? 'campaignkit' : `campaignkit/${subpath.slice(2)}`;
    const out = runNode(['--input-type=module', '-e', `const m = await import(${JSON.stringify(specifier)}); console.log(Object.keys(m).length);`]);
    expect(Number(out.trim())).toBeGreaterThan(0);
  });

  it.each(subpaths)('exports %s to CommonJS requirers', (subpath) => {
    const specifier = subpath === '.' ? 'campaignkit' : `campaignkit/${subpath.slice(2)}`;
    const out = runNode(['-e', `console.log(Object.keys(require(${JSON.stringify(specifier)})).length);`]);
    expect(Number(out.trim())).toBeGreaterThan(0);
  });

  it('recognises its errors across the ESM and CommonJS copies', () => {
    const out = runNode([
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module';
       const esm = await import('campaignkit');
       const cjs = createRequire(import.meta.url)('campaignkit');
       const e = new cjs.CampaignKitError('CYCLE', 'a -> b -> a');
       console.log(JSON.stringify([esm.isCampaignKitError(e, 'CYCLE'), e instanceof esm.CampaignKitError]));`,
    ]);
    expect(JSON.parse(out)).toEqual([true, false]);
  });

  it('validates a task with the schemas it ships', () => {
    const require = createRequire(import.meta.url);
    const ck = require('campaignkit') as typeof import('../../src/index.js');
    const task = ck.parseInput(ck.TaskSchema, { id: 't1', campaignId: 'c1', name: 'Brief' }, 'task');
    expect(task).toMatchObject({ id: 't1', duration: '1d', status: 'todo', priority: 'medium' });
  });
});
