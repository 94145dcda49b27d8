/** Deep equality of JSON values, ignoring the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  if (keys.length !== Object.keys(right).filter((key) => right[key] !== undefined).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && sameJson(left[key], right[key]));
}

/**
 * Makes `draft` equal to `next` key by key, so immer records one patch per changed field instead
 * of one for the whole entity; returns the changed keys in `next`'s order, then removed ones.
 */
export function assignFields(draft: Record<string, unknown>, next: Record<string, unknown>): string[] {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined) continue;
    if (!sameJson(draft[key], value)) {
      draft[key] = value;
      changed.push(key);
    }
  }
  for (const key of Object.keys(draft)) {
    if (next[key] === undefined && draft[key] !== undefined) {
      delete draft[key];
      changed.push(key);
    }
  }
  return changed;
}
