import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { topologicalSort } from 'graphology-dag';
import type { GeneratedNetwork } from './network.js';

const TYPES = ['FS', 'SS', 'FF', 'SF'];

/**
 * The reference CPM in C (bench/cpm.c), compiled with the machine's gcc at -O2. Returns its best
 * time over `runs` in milliseconds, or undefined (with the reason) when gcc is not available.
 */
export function cReference(net: GeneratedNetwork, runs: number): { ms: number; finish: number } | { skipped: string } {
  const dir = join(import.meta.dirname, '.build');
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'cpm');
  try {
    execFileSync('gcc', ['-O2', '-o', binary, join(import.meta.dirname, 'cpm.c')], { stdio: 'pipe' });
  } catch {
    return { skipped: 'gcc not found: the C reference was not built' };
  }
  const index = new Map(net.tasks.map((t, i) => [t.id, i]));
  const n = net.tasks.length;
  const m = net.links.length;
  const buf = Buffer.alloc(8 + 8 * n + 8 * m + m + 8 * m);
  let o = buf.writeInt32LE(n, 0);
  o = buf.writeInt32LE(m, o);
  for (const t of net.tasks) o = buf.writeDoubleLE(t.duration, o);
  for (const l of net.links) o = buf.writeInt32LE(index.get(l.from) as number, o);
  for (const l of net.links) o = buf.writeInt32LE(index.get(l.to) as number, o);
  for (const l of net.links) o = buf.writeUInt8(TYPES.indexOf(l.type), o);
  for (const l of net.links) o = buf.writeDoubleLE(l.lag, o);
  const file = join(dir, 'network.bin');
  writeFileSync(file, buf);
  if (!existsSync(binary)) return { skipped: 'the C reference did not build' };
  const [ms, finish] = execFileSync(binary, [file, String(runs)], { encoding: 'utf8' }).trim().split(' ').map(Number);
  return { ms: ms as number, finish: finish as number };
}

/**
 * The same CPM written the way one would with graphology and graphology-dag: a graph of string
 * keys with link attributes, its topological sort, then the two passes over neighbour callbacks.
 */
export function graphologyCpm(net: GeneratedNetwork): number {
  const graph = new Graph({ type: 'directed', multi: false });
  for (const t of net.tasks) graph.addNode(t.id, { duration: t.duration, es: 0, ef: 0, ls: 0, lf: 0 });
  for (const l of net.links) graph.addDirectedEdge(l.from, l.to, { type: l.type, lag: l.lag });
  const order = topologicalSort(graph);
  let finish = 0;
  for (const v of order) {
    const d = graph.getNodeAttribute(v, 'duration') as number;
    let es = 0;
    graph.forEachInEdge(v, (_e, a, u) => {
      const pu = graph.getNodeAttributes(u) as { es: number; ef: number };
      const c = a.type === 'FS' ? pu.ef : a.type === 'SS' ? pu.es : a.type === 'FF' ? pu.ef - d : pu.es - d;
      es = Math.max(es, c + (a.lag as number));
    });
    graph.mergeNodeAttributes(v, { es, ef: es + d });
    finish = Math.max(finish, es + d);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i] as string;
    const d = graph.getNodeAttribute(v, 'duration') as number;
    let lf = finish;
    graph.forEachOutEdge(v, (_e, a, _s, w) => {
      const pw = graph.getNodeAttributes(w) as { ls: number; lf: number };
      const c = a.type === 'FS' ? pw.ls : a.type === 'SS' ? pw.ls + d : a.type === 'FF' ? pw.lf : pw.lf + d;
      lf = Math.min(lf, c - (a.lag as number));
    });
    graph.mergeNodeAttributes(v, { lf, ls: lf - d });
  }
  return finish;
}
