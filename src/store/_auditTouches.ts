import type { AuditPatch, RecordKey } from './storageAdapter.js';

/**
 * The records an audit entry changed: the distinct `[type, id]` its patches start with (the
 * workspace's patches run from its record state). Adapters index them so `readAudit({ touches })`
 * finds a record's history without scanning the trail.
 */
export function touchedRecords(patches: readonly AuditPatch[]): RecordKey[] {
  const seen = new Set<string>();
  const keys: RecordKey[] = [];
  for (const { path } of patches) {
    const [type, id] = path;
    if (typeof type !== 'string' || typeof id !== 'string') continue;
    const key = `${type}\u0000${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push({ type, id });
  }
  return keys;
}
