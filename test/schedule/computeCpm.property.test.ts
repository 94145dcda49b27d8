import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LinkType } from '../../src/model/dependency.js';
import { computeCpm, type CpmResult } from '../../src/schedule/computeCpm.js';
import { acyclicNetwork, shuffled, type RandomNetwork } from '../_support/arbitraries.js';

type Network = RandomNetwork<number, number>;

const networks = acyclicNetwork({
  maxTasks: 30,
  duration: fc.integer({ min: 0, max: 20 }),
  lag: fc.integer({ min: -6, max: 6 }),
});

interface Dates {
  es: number;
  ef: number;
  ls: number;
  lf: number;
  tf: number;
  ff: number;
  critical: boolean;
}

function byId(network: Network, result: CpmResult): Map<string, Dates> {
  return new Map(
    network.tasks.map((task, i) => [
      task.id,
      {
        es: result.earlyStart[i] as number,
        ef: result.earlyFinish[i] as number,
        ls: result.lateStart[i] as number,
        lf: result.lateFinish[i] as number,
        tf: result.totalFloat[i] as number,
        ff: result.freeFloat[i] as number,
        critical: result.critical[i] === 1,
      },
    ]),
  );
}

function get(dates: Map<string, Dates>, id: string): Dates {
  const d = dates.get(id);
  if (d === undefined) throw new Error(`no result for ${id}`);
  return d;
}

/** How far the link's constraint is from binding on the given dates (>= 0 when it holds; 0 when tight). */
function linkSlack(type: LinkType, lag: number, pred: { start: number; finish: number }, succ: { start: number; finish: number }): number {
  switch (type) {
    case 'FS':
      return succ.start - (pred.finish + lag);
    case 'SS':
      return succ.start - (pred.start + lag);
    case 'FF':
      return succ.finish - (pred.finish + lag);
    case 'SF':
      return succ.finish - (pred.start + lag);
  }
}

const early = (d: Dates) => ({ start: d.es, finish: d.ef });
const late = (d: Dates) => ({ start: d.ls, finish: d.lf });

describe('computeCpm on random acyclic networks', () => {
  it('meets every link on the early dates and on the late dates', () => {
    fc.assert(
      fc.property(networks, (network) => {
        const dates = byId(network, computeCpm(network));
        for (const link of network.links) {
          const p = get(dates, link.from);
          const s = get(dates, link.to);
          expect(linkSlack(link.type, link.lag, early(p), early(s))).toBeGreaterThanOrEqual(0);
          expect(linkSlack(link.type, link.lag, late(p), late(s))).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('keeps every task between 0 and the project finish, which is the latest early finish', () => {
    fc.assert(
      fc.property(networks, (network) => {
        const result = computeCpm(network);
        const dates = byId(network, result);
        let latest = 0;
        network.tasks.forEach((task) => {
          const d = get(dates, task.id);
          expect(d.es).toBeGreaterThanOrEqual(0);
          expect(d.lf).toBeLessThanOrEqual(result.finish);
          expect(d.ef - d.es).toBe(task.duration);
          expect(d.lf - d.ls).toBe(task.duration);
          latest = Math.max(latest, d.ef);
        });
        expect(result.finish).toBe(latest);
      }),
    );
  });

  it('gives floats with 0 <= free float <= total float = LS - ES = LF - EF', () => {
    fc.assert(
      fc.property(networks, (network) => {
        for (const d of byId(network, computeCpm(network)).values()) {
          expect(d.tf).toBeGreaterThanOrEqual(0);
          expect(d.tf).toBe(d.ls - d.es);
          expect(d.tf).toBe(d.lf - d.ef);
          expect(d.ff).toBeGreaterThanOrEqual(0);
          expect(d.ff).toBeLessThanOrEqual(d.tf);
          expect(d.critical).toBe(d.tf <= 0);
        }
      }),
    );
  });

  it('starts every task as early as its links allow and finishes it as late as they allow', () => {
    fc.assert(
      fc.property(networks, (network) => {
        const result = computeCpm(network);
        const dates = byId(network, result);
        for (const task of network.tasks) {
          const d = get(dates, task.id);
          const incoming = network.links.filter((l) => l.to === task.id);
          const outgoing = network.links.filter((l) => l.from === task.id);
          // A task is not later than needed: at 0, or some incoming link holds it exactly.
          if (d.es > 0) expect(incoming.some((l) => linkSlack(l.type, l.lag, early(get(dates, l.from)), early(d)) === 0)).toBe(true);
          // Nor earlier than needed on the late dates: at the finish, or some outgoing link holds it.
          if (d.lf < result.finish) expect(outgoing.some((l) => linkSlack(l.type, l.lag, late(d), late(get(dates, l.to))) === 0)).toBe(true);
        }
      }),
    );
  });

  it('links the critical tasks into a chain that ends at the project finish', () => {
    fc.assert(
      fc.property(networks, (network) => {
        const result = computeCpm(network);
        const dates = byId(network, result);
        const critical = network.tasks.filter((t) => get(dates, t.id).critical);
        expect(critical.some((t) => get(dates, t.id).ef === result.finish)).toBe(true);
        for (const task of critical) {
          const d = get(dates, task.id);
          if (d.es === 0) continue;
          const tightCriticalPredecessor = network.links.some((l) => {
            if (l.to !== task.id) return false;
            const p = get(dates, l.from);
            return p.critical && linkSlack(l.type, l.lag, early(p), early(d)) === 0;
          });
          expect(tightCriticalPredecessor).toBe(true);
        }
        // The critical path lists exactly the critical tasks, predecessors before successors.
        expect(new Set(result.criticalPath)).toEqual(new Set(critical.map((t) => t.id)));
        for (const link of network.links) {
          const from = result.criticalPath.indexOf(link.from);
          const to = result.criticalPath.indexOf(link.to);
          if (from >= 0 && to >= 0) expect(from).toBeLessThan(to);
        }
      }),
    );
  });

  it('gives the same dates and floats whatever order the tasks and links come in', () => {
    const reordered = networks.chain((network) =>
      fc.tuple(fc.constant(network), fc.record({ tasks: shuffled(network.tasks), links: shuffled(network.links) })),
    );
    fc.assert(
      fc.property(reordered, ([network, shuffledNetwork]) => {
        const a = computeCpm(network);
        const b = computeCpm(shuffledNetwork);
        expect(b.finish).toBe(a.finish);
        expect(new Set(b.criticalPath)).toEqual(new Set(a.criticalPath));
        const before = byId(network, a);
        const after = byId(shuffledNetwork, b);
        for (const task of network.tasks) expect(get(after, task.id)).toEqual(get(before, task.id));
      }),
    );
  });
});
