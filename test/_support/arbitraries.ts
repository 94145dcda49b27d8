import fc from 'fast-check';
import type { LinkType } from '../../src/model/dependency.js';

/** A task of a generated network. */
export interface RandomTask<D> {
  readonly id: string;
  readonly duration: D;
}

/** A link of a generated network. */
export interface RandomLink<L> {
  readonly from: string;
  readonly to: string;
  readonly type: LinkType;
  readonly lag: L;
}

/** A generated acyclic network: tasks in shuffled order, at most one link per pair of tasks. */
export interface RandomNetwork<D, L> {
  readonly tasks: RandomTask<D>[];
  readonly links: RandomLink<L>[];
}

/** What {@link acyclicNetwork} generates. */
export interface NetworkOptions<D, L> {
  /** Largest number of tasks (at least 1 is generated). */
  readonly maxTasks: number;
  /** Durations. */
  readonly duration: fc.Arbitrary<D>;
  /** Lags. */
  readonly lag: fc.Arbitrary<L>;
  /** Link types to draw from (default all four). */
  readonly types?: readonly LinkType[];
  /** Largest number of links drawn (duplicates and self-pairs are dropped afterwards); default 2 × tasks. */
  readonly maxLinks?: (tasks: number) => number;
}

const ALL_TYPES: readonly LinkType[] = ['FS', 'SS', 'FF', 'SF'];

/**
 * Random acyclic networks. Links always run from a lower to a higher task number, so there can be
 * no cycle; the task list is then shuffled, so the input order says nothing about the dependency
 * order. Task ids are `t0`, `t1`, … by task number.
 */
export function acyclicNetwork<D, L>(options: NetworkOptions<D, L>): fc.Arbitrary<RandomNetwork<D, L>> {
  const types = options.types ?? ALL_TYPES;
  return fc.integer({ min: 1, max: options.maxTasks }).chain((n) => {
    const edge = fc.record({
      a: fc.nat(n - 1),
      b: fc.nat(n - 1),
      type: fc.constantFrom(...types),
      lag: options.lag,
    });
    return fc
      .record({
        durations: fc.array(options.duration, { minLength: n, maxLength: n }),
        edges: fc.array(edge, { maxLength: options.maxLinks?.(n) ?? 2 * n }),
        order: shuffled(Array.from({ length: n }, (_, i) => i)),
      })
      .map(({ durations, edges, order }) => {
        const seen = new Set<string>();
        const links: RandomLink<L>[] = [];
        for (const e of edges) {
          if (e.a === e.b) continue;
          const [from, to] = e.a < e.b ? [e.a, e.b] : [e.b, e.a];
          const key = `${from}>${to}`;
          if (seen.has(key)) continue;
          seen.add(key);
          links.push({ from: `t${from}`, to: `t${to}`, type: e.type, lag: e.lag });
        }
        return { tasks: order.map((i) => ({ id: `t${i}`, duration: durations[i] as D })), links };
      });
  });
}

/** The same items in a random order. */
export function shuffled<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

const MS_PER_MINUTE = 60_000;

/**
 * Local wall-clock date-times `YYYY-MM-DDTHH:mm` between `from` and `to` (inclusive), at any
 * minute of the day, working or not.
 */
export function localDateTime(from = '2025-01-01T00:00', to = '2028-12-31T23:59'): fc.Arbitrary<string> {
  const lo = Date.parse(`${from}:00Z`) / MS_PER_MINUTE;
  const hi = Date.parse(`${to}:00Z`) / MS_PER_MINUTE;
  return fc.integer({ min: lo, max: hi }).map((minute) => new Date(minute * MS_PER_MINUTE).toISOString().slice(0, 16));
}
