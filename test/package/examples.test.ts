import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../examples/', import.meta.url);
// Examples that need a running service have their own tests next to the feature they show.
const standalone = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.startsWith('http-'));

describe('every example runs end to end', () => {
  it('has examples to run', () => {
    expect(standalone.length).toBeGreaterThanOrEqual(4);
  });

  it.each(standalone)('%s', (file) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', new URL(file, dir).pathname], { encoding: 'utf8', timeout: 60_000 });
    expect(out.length).toBeGreaterThan(200);
  });
});
