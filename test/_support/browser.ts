import { existsSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';

/**
 * Headless Chromium for the tests that check output in a real browser. The binary is Debian's
 * `chromium` (or `CHROMIUM_PATH`); where it is absent the caller skips with the printed notice,
 * and where CI is running (`CAMPAIGNKIT_CI`) its absence fails instead.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run here. */
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

if (!HAS_CHROMIUM) {
  if (process.env.CAMPAIGNKIT_CI === '1') throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}; .ci/run installs Debian's chromium package`);
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (install Debian's chromium package or set CHROMIUM_PATH)`);
}

/** Starts headless Chromium with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Bundles a browser script (TypeScript or JavaScript, importing npm packages) into one IIFE string
 * to inline in a page, so a test page needs no server and no network.
 */
export async function bundleForBrowser(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: false,
    legalComments: 'none',
    loader: { '.css': 'text' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (file === undefined) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}
