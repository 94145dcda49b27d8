import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = new URL('../../src', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// Node built-ins, with or without the `node:` prefix.
const NODE_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](node:[^'"]+|fs|path|os|crypto|child_process|net|http|https|stream|util|events|worker_threads)['"]/;

describe('the core is browser-safe', () => {
  const files = sourceFiles(srcDir).filter((file) => !relative(srcDir, file).startsWith('adapters/'));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('imports no Node built-in anywhere under src/ outside adapters', () => {
    const offenders = files
      .map((file) => ({ file: relative(srcDir, file), match: NODE_IMPORT.exec(readFileSync(file, 'utf8'))?.[1] }))
      .filter((hit) => hit.match !== undefined);
    expect(offenders).toEqual([]);
  });
});
