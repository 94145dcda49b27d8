import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where the external conformance data (files written by other tools, with known answers) lives:
 * `$CAMPAIGNKIT_CONFORMANCE`, or `../shared/conformance` beside the repository. `undefined` when
 * absent; callers skip with a printed notice, except in CI, where absence is a failure.
 */
export function conformanceDir(): string | undefined {
  const candidates = [process.env.CAMPAIGNKIT_CONFORMANCE, resolve(import.meta.dirname, '../../../shared/conformance')];
  const found = candidates.find((dir) => dir !== undefined && dir !== '' && existsSync(resolve(dir, 'mspdi')));
  if (found === undefined) {
    if (process.env.CAMPAIGNKIT_CI === '1') throw new Error('conformance data not found; set CAMPAIGNKIT_CONFORMANCE');
    console.warn('[campaignkit] conformance data not found (set CAMPAIGNKIT_CONFORMANCE): skipping conformance tests');
  }
  return found;
}
