/**
 * A reproducible layered network for benchmarks: tasks in layers, each task linked to about
 * `linksPerTask` tasks of the next few layers, with mixed link types and lags in [-2, 5].
 */
export interface GeneratedNetwork {
  tasks: { id: string; duration: number }[];
  links: { from: string; to: string; type: 'FS' | 'SS' | 'FF' | 'SF'; lag: number }[];
}

/** A small deterministic PRNG (mulberry32) so every run sees the same network. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['FS', 'FS', 'FS', 'SS', 'FF', 'SF'] as const;

export function layeredNetwork(taskCount: number, linksPerTask = 3, layerSize = 100, seed = 42): GeneratedNetwork {
  const random = prng(seed);
  const tasks = Array.from({ length: taskCount }, (_, i) => ({ id: `t${i}`, duration: 1 + Math.floor(random() * 10) }));
  const links: GeneratedNetwork['links'] = [];
  const layers = Math.ceil(taskCount / layerSize);
  for (let i = 0; i < taskCount; i++) {
    const layer = Math.floor(i / layerSize);
    if (layer >= layers - 1) continue;
    const seen = new Set<number>();
    for (let k = 0; k < linksPerTask; k++) {
      const targetLayer = Math.min(layers - 1, layer + 1 + Math.floor(random() * 3));
      const j = Math.min(taskCount - 1, targetLayer * layerSize + Math.floor(random() * layerSize));
      if (j <= i || seen.has(j)) continue;
      seen.add(j);
      links.push({ from: `t${i}`, to: `t${j}`, type: TYPES[Math.floor(random() * TYPES.length)] ?? 'FS', lag: Math.floor(random() * 8) - 2 });
    }
  }
  return { tasks, links };
}
