import { defineConfig } from 'tsup';

/**
 * One build for every public entry point. Each key becomes `dist/<key>.{js,cjs,d.ts,d.cts}` and has
 * a matching `exports` entry in package.json (the package tests check that the two agree).
 */
export const entry = {
  index: 'src/index.ts',
  interop: 'src/interop/index.ts',
  reports: 'src/reports/index.ts',
  testing: 'src/testing/index.ts',
  'adapters/postgres': 'src/adapters/postgres/index.ts',
  'adapters/mysql': 'src/adapters/mysql/index.ts',
  'adapters/sqlite': 'src/adapters/sqlite/index.ts',
};

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  // TypeScript 6 deprecates options the dts bundler still sets; silence that, not real errors.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  treeshake: true,
  splitting: true,
  // Runtime dependencies and optional drivers stay imports; the bundle never inlines them.
  external: [/^[^./]/],
});
