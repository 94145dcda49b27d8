/** Times `fn` after warm-up runs; returns the median and the fastest run in milliseconds. */
export function measure(fn: () => unknown, { warmup = 3, runs = 15 }: { warmup?: number; runs?: number } = {}): { median: number; min: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1] as number, min: times[0] as number };
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}
