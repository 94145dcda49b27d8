import * as z from 'zod';
import type { Money } from '../model/primitives.js';
import { MoneyValueSchema, readMoney } from './_moneyValue.js';
import { fractionOf, gcd } from './fraction.js';
import { invalidField, parseInput } from './validate.js';

const WEIGHT = 'a weight must be a finite number ≥ 0';
const WeightsSchema = z.object({ weights: z.array(z.number(WEIGHT).finite(WEIGHT).min(0, WEIGHT)) });

/**
 * Splits `total` minor units in proportion to `weights` by the largest-remainder method: every share
 * is rounded down, then the units left over go one each to the shares with the largest remainders
 * (the earlier share on a tie). The shares always add up to `total` exactly.
 *
 * @example
 * ```ts
 * allocateMinor(100, [1, 1, 1]); // [34, 33, 33]
 * allocateMinor(-5, [1, 1]);     // [-3, -2]
 * allocateMinor(10, [0.5, 0.25, 0.25]); // [5, 3, 2]
 * ```
 */
export function allocateMinor(total: number, weights: readonly number[]): number[] {
  const whole = parseInput(MoneyValueSchema.shape.amount, total, 'total');
  const shares = parseInput(WeightsSchema, { weights }, 'weights').weights;
  // Weights are exact decimals; scaling them to one common denominator makes them integers.
  const fractions = shares.map(fractionOf);
  const common = fractions.reduce((l, { d }) => (l * d) / gcd(l, d), 1n);
  const scaled = fractions.map(({ n, d }) => (n * common) / d);
  const sumWeights = scaled.reduce((a, b) => a + b, 0n);
  if (sumWeights === 0n) {
    if (whole !== 0) throw invalidField('weights', ['weights'], 'at least one weight must be positive to share a non-zero total');
    return shares.map(() => 0);
  }
  const magnitude = BigInt(Math.abs(whole));
  const floors = scaled.map((w) => (magnitude * w) / sumWeights);
  const remainders = scaled.map((w, i) => ({ i, r: (magnitude * w) % sumWeights }));
  let left = magnitude - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return floors.map((share) => (whole < 0 ? -Number(share) : Number(share)));
}

/**
 * Money split in proportion to `weights` with {@link allocateMinor}; the parts add up exactly.
 *
 * @example
 * ```ts
 * allocateMoney(money(1000, 'CNY'), [1, 2]); // [{ amount: 333, … }, { amount: 667, … }]
 * ```
 */
export function allocateMoney(value: Money, weights: readonly number[]): Money[] {
  const { amount, currency } = readMoney(value);
  return allocateMinor(amount, weights).map((part) => ({ amount: part, currency }));
}
