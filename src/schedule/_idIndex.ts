/**
 * Maps task ids to dense indexes for computeCpm. Ids that are one common prefix followed by a
 * canonical decimal number (`'10234'`, `'task-17'`, `'t5'`) in a dense range are read as numbers
 * into a flat table: no hashing, a few character reads per lookup. Any other ids (UUIDs, names) go
 * through a Map. Both give the same answers; the table is only a faster road to them.
 */
export interface IdIndex {
  /** The index of `id`, or -1 when it is not a task id. */
  get(id: unknown): number;
}

const ZERO = 48;
const NINE = 57;

/** The canonical number after `prefixLength` characters, or -1 (no digits, a leading zero, too long). */
function numberAfter(id: string, prefixLength: number): number {
  const length = id.length - prefixLength;
  if (length < 1 || length > 9) return -1;
  let value = 0;
  for (let k = prefixLength; k < id.length; k++) {
    const c = id.charCodeAt(k);
    if (c < ZERO || c > NINE) return -1;
    value = value * 10 + (c - ZERO);
  }
  // '007' and '7' must not name the same task.
  if (length > 1 && id.charCodeAt(prefixLength) === ZERO) return -1;
  return value;
}

function prefixOf(id: string): string {
  let end = id.length;
  while (end > 0 && id.charCodeAt(end - 1) >= ZERO && id.charCodeAt(end - 1) <= NINE) end--;
  return id.slice(0, end);
}

/**
 * Builds the index; `onDuplicate(i)` is called (and must throw) for an id seen before. Returns the
 * dense table when the ids allow it.
 */
export function buildIdIndex(ids: readonly string[], onDuplicate: (i: number) => never): IdIndex {
  const n = ids.length;
  const prefix = n > 0 ? prefixOf(ids[0] as string) : '';
  const numbers = new Int32Array(n);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let dense = n > 0;
  for (let i = 0; i < n && dense; i++) {
    const id = ids[i] as string;
    const value = id.startsWith(prefix) ? numberAfter(id, prefix.length) : -1;
    if (value < 0) dense = false;
    numbers[i] = value;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (dense && max - min < 4 * n + 64) {
    const table = new Int32Array(max - min + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const slot = (numbers[i] as number) - min;
      if (table[slot] !== -1) onDuplicate(i);
      table[slot] = i;
    }
    const p = prefix.length;
    return {
      get(id) {
        if (typeof id !== 'string' || (p > 0 && !id.startsWith(prefix))) return -1;
        const slot = numberAfter(id, p) - min;
        return slot < 0 || slot >= table.length ? -1 : (table[slot] as number);
      },
    };
  }
  const map = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    map.set(ids[i] as string, i);
    // A set that does not grow the map found a duplicate: one hash operation per task.
    if (map.size === i) onDuplicate(i);
  }
  return { get: (id) => map.get(id as string) ?? -1 };
}
