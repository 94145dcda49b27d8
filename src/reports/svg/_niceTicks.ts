/** A value axis: its ends, the step between ticks and the ticks themselves. */
export interface NiceScale {
  /** Lowest tick. */
  readonly min: number;
  /** Highest tick. */
  readonly max: number;
  /** Distance between ticks: 1, 2 or 5 times a power of ten. */
  readonly step: number;
  /** Decimals that show every tick exactly (0 for whole steps). */
  readonly decimals: number;
  /** The ticks from `min` to `max`. */
  readonly ticks: readonly number[];
}

// Ratios a hair below a whole number (0.3 / 0.1 = 2.9999999999999996) must not lose a tick.
const EPSILON = 1e-9;

/**
 * Ticks at 1, 2 or 5 times a power of ten covering `low`–`high`, about `count` of them (the chart
 * axis everyone reads without thinking), never finer than 0.01. An empty or one-value range widens
 * to a step around it.
 */
export function niceTicks(low: number, high: number, count = 5): NiceScale {
  let min = Math.min(low, high);
  let max = Math.max(low, high);
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) / 2;
    min = min > 0 ? 0 : min - pad;
    max = max < 0 ? 0 : max + pad;
  }
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = residual <= 1 + EPSILON ? 1 : residual <= 2 + EPSILON ? 2 : residual <= 5 + EPSILON ? 5 : 10;
  // Labels show at most two decimals, so a finer step would print ticks that look the same.
  const step = Math.max(0.01, factor * magnitude);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + EPSILON));
  const first = Math.floor(min / step + EPSILON);
  const last = Math.ceil(max / step - EPSILON);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toFixed(decimals)));
  return { min: ticks[0] ?? min, max: ticks[ticks.length - 1] ?? max, step, decimals, ticks };
}
