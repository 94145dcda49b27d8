import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The adapter subpaths must load when their driver is not installed: the caller passes the client
// in, and no file under src/ imports a driver, not even for types (the published declarations
// would then need @types/pg and friends).
const srcDir = new URL('../../src', import.meta.url).pathname;
const DRIVERS = String.raw`(pg|pg-pool|mysql2(?:/promise)?|better-sqlite3)`;
// An import or export statement, or a dynamic import() or require() call (not the words in a message).
const DRIVER_IMPORT = new RegExp(
  String.raw`^\s*(?:import|export)\b[^;]*?from\s*['"]${DRIVERS}['"]|^\s*import\s*['"]${DRIVERS}['"]|(?<![\w'"(])(?:import|require)\s*\(\s*['"]${DRIVERS}['"]`,
  'm',
);

/** The code of a file without its comments (TSDoc examples do import drivers). */
function codeOf(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('database drivers stay optional', () => {
  it('has adapter sources to check', () => {
    expect(sourceFiles(join(srcDir, 'adapters')).length).toBeGreaterThan(10);
  });

  it('imports no driver anywhere under src/', () => {
    const offenders = sourceFiles(srcDir)
      .map((file) => ({ file: relative(srcDir, file), driver: DRIVER_IMPORT.exec(codeOf(file))?.slice(1).find((name) => name !== undefined) }))
      .filter((hit) => hit.driver !== undefined);
    expect(offenders).toEqual([]);
  });
});
