import { describe, expect, it } from 'vitest';
import { isCampaignKitError, type CampaignKitError, type ErrorCode } from '../../src/core/errors.js';
import { computeCpm, type CpmInput, type CpmLink, type CpmResult } from '../../src/schedule/computeCpm.js';

// Every expected value below was worked out by hand with the textbook forward and backward passes
// (ES >= 0, LF <= project finish, TF = LS - ES, FF = min over links of the link's slack and
// finish - EF); the comments show the arithmetic.

interface Row {
  es: number;
  ef: number;
  ls: number;
  lf: number;
  tf: number;
  ff: number;
  critical: boolean;
}

/** The result as one row per task id, for readable comparisons. */
function rows(input: CpmInput, result: CpmResult): Record<string, Row> {
  const out: Record<string, Row> = {};
  input.tasks.forEach((task, i) => {
    out[task.id] = {
      es: result.earlyStart[i] as number,
      ef: result.earlyFinish[i] as number,
      ls: result.lateStart[i] as number,
      lf: result.lateFinish[i] as number,
      tf: result.totalFloat[i] as number,
      ff: result.freeFloat[i] as number,
      critical: result.critical[i] === 1,
    };
  });
  return out;
}

/** `[es, ef, ls, lf, tf, ff, critical]` as a row. */
function row(es: number, ef: number, ls: number, lf: number, tf: number, ff: number, critical: boolean): Row {
  return { es, ef, ls, lf, tf, ff, critical };
}

function cpm(tasks: Record<string, number>, links: CpmLink[], criticalSlack?: number): { finish: number; criticalPath: string[]; rows: Record<string, Row> } {
  const input: CpmInput = { tasks: Object.entries(tasks).map(([id, duration]) => ({ id, duration })), links };
  const result = computeCpm(input, criticalSlack === undefined ? {} : { criticalSlack });
  return { finish: result.finish, criticalPath: result.criticalPath, rows: rows(input, result) };
}

function thrown(code: ErrorCode, run: () => unknown): CampaignKitError {
  try {
    run();
  } catch (e) {
    if (isCampaignKitError(e, code)) return e;
    throw e;
  }
  throw new Error(`expected a ${code} error`);
}

/** The cycle rotated to start at `first`, so any starting point of the same loop compares equal. */
function rotatedTo(cycle: readonly string[] | undefined, first: string): string[] {
  const loop = (cycle ?? []).slice(0, -1);
  const at = loop.indexOf(first);
  expect(cycle?.[0]).toBe(cycle?.at(-1));
  expect(at).toBeGreaterThanOrEqual(0);
  const rotated = [...loop.slice(at), ...loop.slice(0, at)];
  return [...rotated, first];
}

describe('finish-to-start links', () => {
  it('schedules a chain with a side branch, whose spare time is its float', () => {
    // a 0–3, b 3–5, c 5–9 on the critical path; d 3–5 can finish as late as 9.
    const r = cpm({ a: 3, b: 2, c: 4, d: 2 }, [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'a', to: 'd' },
    ]);
    expect(r.finish).toBe(9);
    expect(r.criticalPath).toEqual(['a', 'b', 'c']);
    expect(r.rows).toEqual({
      a: row(0, 3, 0, 3, 0, 0, true),
      b: row(3, 5, 3, 5, 0, 0, true),
      c: row(5, 9, 5, 9, 0, 0, true),
      d: row(3, 5, 7, 9, 4, 4, false),
    });
  });

  it('waits out a positive lag', () => {
    // b starts at 3 + 2; a's late finish is b's late start 5 minus the lag.
    const r = cpm({ a: 3, b: 2 }, [{ from: 'a', to: 'b', lag: 2 }]);
    expect(r.finish).toBe(7);
    expect(r.rows).toEqual({ a: row(0, 3, 0, 3, 0, 0, true), b: row(5, 7, 5, 7, 0, 0, true) });
  });

  it('overlaps by a lead (negative lag)', () => {
    // b starts at 3 - 1 = 2; a must finish by LS(b) + 1 = 3.
    const r = cpm({ a: 3, b: 2 }, [{ from: 'a', to: 'b', lag: -1 }]);
    expect(r.finish).toBe(4);
    expect(r.rows).toEqual({ a: row(0, 3, 0, 3, 0, 0, true), b: row(2, 4, 2, 4, 0, 0, true) });
  });

  it('waits for the latest of several predecessors', () => {
    // d waits for c (EF 5), not for b (EF 3); a and b have two units of float, b all of it free.
    const r = cpm({ a: 2, b: 1, c: 5, d: 1 }, [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'd' },
      { from: 'c', to: 'd' },
    ]);
    expect(r.finish).toBe(6);
    expect(r.rows).toEqual({
      a: row(0, 2, 2, 4, 2, 0, false),
      b: row(2, 3, 4, 5, 2, 2, false),
      c: row(0, 5, 0, 5, 0, 0, true),
      d: row(5, 6, 5, 6, 0, 0, true),
    });
  });
});

describe('start-to-start links', () => {
  it('starts the successor a lag after the predecessor starts', () => {
    // b 1–3; it may finish as late as 4. a: LS <= LS(b) - 1 = 1, but LF <= 4 binds first.
    const r = cpm({ a: 4, b: 2 }, [{ from: 'a', to: 'b', type: 'SS', lag: 1 }]);
    expect(r.finish).toBe(4);
    expect(r.rows).toEqual({ a: row(0, 4, 0, 4, 0, 0, true), b: row(1, 3, 2, 4, 1, 1, false) });
  });

  it('never starts a task before 0, even with a lead', () => {
    // b would start at 0 - 2; it starts at 0. a's free float: ES(b) - ES(a) + 2 = 2, capped by 4 - 4 = 0.
    const r = cpm({ a: 4, b: 2 }, [{ from: 'a', to: 'b', type: 'SS', lag: -2 }]);
    expect(r.rows).toEqual({ a: row(0, 4, 0, 4, 0, 0, true), b: row(0, 2, 2, 4, 2, 2, false) });
  });

  it('schedules the example from the documentation', () => {
    // b after a (3–5); c starts 1 after a (1–5). Everything ends at 5, so all are critical.
    const r = cpm({ a: 3, b: 2, c: 4 }, [
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c', type: 'SS', lag: 1 },
    ]);
    expect(r.finish).toBe(5);
    expect(r.rows).toEqual({
      a: row(0, 3, 0, 3, 0, 0, true),
      b: row(3, 5, 3, 5, 0, 0, true),
      c: row(1, 5, 1, 5, 0, 0, true),
    });
  });
});

describe('finish-to-finish links', () => {
  it('finishes the successor a lag after the predecessor finishes', () => {
    // EF(b) >= 3 + 1, so b runs 2–4; a must finish by LF(b) - 1 = 3.
    const r = cpm({ a: 3, b: 2 }, [{ from: 'a', to: 'b', type: 'FF', lag: 1 }]);
    expect(r.finish).toBe(4);
    expect(r.rows).toEqual({ a: row(0, 3, 0, 3, 0, 0, true), b: row(2, 4, 2, 4, 0, 0, true) });
  });

  it('lets the successor finish before the predecessor with a lead', () => {
    // EF(b) >= 5 - 1 = 4: b runs 2–4 and may slip to 3–5.
    const r = cpm({ a: 5, b: 2 }, [{ from: 'a', to: 'b', type: 'FF', lag: -1 }]);
    expect(r.finish).toBe(5);
    expect(r.rows).toEqual({ a: row(0, 5, 0, 5, 0, 0, true), b: row(2, 4, 3, 5, 1, 1, false) });
  });

  it('starts a long successor at 0 rather than before it', () => {
    // EF(b) >= 2 would put b at -1–2; it runs 0–3 and becomes the critical task, a gets 1 of float.
    const r = cpm({ a: 2, b: 3 }, [{ from: 'a', to: 'b', type: 'FF' }]);
    expect(r.finish).toBe(3);
    expect(r.criticalPath).toEqual(['b']);
    expect(r.rows).toEqual({ a: row(0, 2, 1, 3, 1, 1, false), b: row(0, 3, 0, 3, 0, 0, true) });
  });
});

describe('start-to-finish links', () => {
  it('finishes the successor a lag after the predecessor starts', () => {
    // EF(b) >= 0 + 4: b runs 2–4. a: LS <= LF(b) - 4 = 0.
    const r = cpm({ a: 3, b: 2 }, [{ from: 'a', to: 'b', type: 'SF', lag: 4 }]);
    expect(r.finish).toBe(4);
    expect(r.rows).toEqual({ a: row(0, 3, 0, 3, 0, 0, true), b: row(2, 4, 2, 4, 0, 0, true) });
  });

  it('starts the successor at 0 when a lead would put it earlier', () => {
    // EF(b) >= 0 - 1 would put b at -3; it runs 0–2 with one unit of float.
    const r = cpm({ a: 3, b: 2 }, [{ from: 'a', to: 'b', type: 'SF', lag: -1 }]);
    expect(r.finish).toBe(3);
    expect(r.rows).toEqual({ a: row(0, 3, 0, 3, 0, 0, true), b: row(0, 2, 1, 3, 1, 1, false) });
  });
});

describe('free float and total float', () => {
  const network = { a: 2, b: 1, c: 5, d: 1 };
  const links: CpmLink[] = [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'd' },
    { from: 'c', to: 'd' },
  ];

  it('gives a task no free float when its successor starts right after it, even with total float', () => {
    const a = cpm(network, links).rows.a;
    expect(a?.tf).toBe(2);
    expect(a?.ff).toBe(0);
  });

  it('marks as critical only the tasks whose float is at most the threshold', () => {
    expect(cpm(network, links).criticalPath).toEqual(['c', 'd']);
    expect(cpm(network, links, 1).criticalPath).toEqual(['c', 'd']);
    const all = cpm(network, links, 2);
    expect(new Set(all.criticalPath)).toEqual(new Set(['a', 'b', 'c', 'd']));
    // Dependency order: a before b before d, c before d.
    const at = (id: string) => all.criticalPath.indexOf(id);
    expect(at('a')).toBeLessThan(at('b'));
    expect(at('b')).toBeLessThan(at('d'));
    expect(at('c')).toBeLessThan(at('d'));
  });

  it('treats a negative threshold as stricter than zero', () => {
    expect(cpm(network, links, -1).criticalPath).toEqual([]);
  });
});

describe('degenerate networks', () => {
  it('gives an empty network a finish of 0 and no critical path', () => {
    const r = computeCpm({ tasks: [], links: [] });
    expect(r.finish).toBe(0);
    expect(r.criticalPath).toEqual([]);
    expect(r.earlyStart.length).toBe(0);
  });

  it('makes a single task the whole critical path', () => {
    const r = cpm({ only: 5 }, []);
    expect(r.finish).toBe(5);
    expect(r.criticalPath).toEqual(['only']);
    expect(r.rows.only).toEqual(row(0, 5, 0, 5, 0, 0, true));
  });

  it('puts a zero-length milestone at the end of its predecessor', () => {
    const r = cpm({ work: 2, done: 0 }, [{ from: 'work', to: 'done' }]);
    expect(r.rows.done).toEqual(row(2, 2, 2, 2, 0, 0, true));
    expect(r.criticalPath).toEqual(['work', 'done']);
  });

  it('returns results in input order, whatever the dependency order', () => {
    const r = computeCpm({ tasks: [{ id: 'late', duration: 1 }, { id: 'early', duration: 2 }], links: [{ from: 'early', to: 'late' }] });
    expect(Array.from(r.earlyStart)).toEqual([2, 0]);
    expect(r.criticalPath).toEqual(['early', 'late']);
  });
});

describe('invalid networks', () => {
  const tasks = [
    { id: 'a', duration: 1 },
    { id: 'b', duration: 2 },
    { id: 'c', duration: 3 },
  ];

  it('reports a cycle with its ids in link order, the first repeated at the end', () => {
    const error = thrown('CYCLE', () =>
      computeCpm({ tasks, links: [{ from: 'c', to: 'a' }, { from: 'b', to: 'c' }, { from: 'a', to: 'b' }] }),
    );
    expect(rotatedTo(error.details.cycle, 'a')).toEqual(['a', 'b', 'c', 'a']);
    expect(error.message).toContain('->');
  });

  it('reports only the tasks on the cycle, not those leading into or out of it', () => {
    const error = thrown('CYCLE', () =>
      computeCpm({
        tasks: [...tasks, { id: 'x', duration: 1 }],
        links: [
          { from: 'x', to: 'a' },
          { from: 'a', to: 'b', type: 'SS' },
          { from: 'b', to: 'a', type: 'FF', lag: -1 },
          { from: 'b', to: 'c' },
        ],
      }),
    );
    expect(rotatedTo(error.details.cycle, 'a')).toEqual(['a', 'b', 'a']);
  });

  it('refuses a second link between the same two tasks, naming it', () => {
    const error = thrown('VALIDATION', () =>
      computeCpm({ tasks, links: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'a', to: 'b', type: 'SS' }] }),
    );
    expect(error.details.issues?.map((i) => i.path)).toEqual([['links', 2]]);
    expect(error.details.ids).toEqual(['a', 'b']);
  });

  it('refuses links to or from unknown tasks, naming the end', () => {
    expect(thrown('VALIDATION', () => computeCpm({ tasks, links: [{ from: 'zz', to: 'a' }] })).details.issues?.map((i) => i.path)).toEqual([
      ['links', 0, 'from'],
    ]);
    expect(
      thrown('VALIDATION', () => computeCpm({ tasks, links: [{ from: 'a', to: 'b' }, { from: 'a', to: 'zz' }] })).details.issues?.map((i) => i.path),
    ).toEqual([['links', 1, 'to']]);
  });

  it('refuses negative and non-finite durations, naming the task', () => {
    for (const duration of [-1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const error = thrown('VALIDATION', () => computeCpm({ tasks: [{ id: 'a', duration: 1 }, { id: 'b', duration }], links: [] }));
      expect(error.details.issues?.map((i) => i.path)).toEqual([['tasks', 1, 'duration']]);
    }
  });

  it('refuses an unknown link type and a non-finite lag', () => {
    const badType = { from: 'a', to: 'b', type: 'XX' } as unknown as CpmLink;
    expect(thrown('VALIDATION', () => computeCpm({ tasks, links: [badType] })).details.issues?.map((i) => i.path)).toEqual([['links', 0, 'type']]);
    expect(
      thrown('VALIDATION', () => computeCpm({ tasks, links: [{ from: 'a', to: 'b', lag: Number.NaN }] })).details.issues?.map((i) => i.path),
    ).toEqual([['links', 0, 'lag']]);
  });

  it('refuses duplicate and empty task ids', () => {
    expect(
      thrown('VALIDATION', () => computeCpm({ tasks: [{ id: 'a', duration: 1 }, { id: 'a', duration: 2 }], links: [] })).details.issues?.map((i) => i.path),
    ).toEqual([['tasks', 1, 'id']]);
    expect(thrown('VALIDATION', () => computeCpm({ tasks: [{ id: '', duration: 1 }], links: [] })).details.issues?.map((i) => i.path)).toEqual([
      ['tasks', 0, 'id'],
    ]);
  });

  it('refuses a non-finite critical threshold', () => {
    thrown('VALIDATION', () => computeCpm({ tasks, links: [] }, { criticalSlack: Number.NaN }));
  });
});
