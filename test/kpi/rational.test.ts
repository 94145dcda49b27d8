import { describe, expect, it } from 'vitest';
import { ratDiv, ratFromNumber, ratInt, ratSub, ratToNumber } from '../../src/kpi/_rational.js';

describe('exact arithmetic behind every metric', () => {
  it('reads numbers as the decimals they print as', () => {
    expect(ratFromNumber(0.1)).toEqual({ num: 1n, den: 10n });
    expect(ratFromNumber(-0.08)).toEqual({ num: -2n, den: 25n });
    expect(ratFromNumber(1.5e-7)).toEqual({ num: 3n, den: 20_000_000n });
    expect(ratFromNumber(2e21)).toEqual({ num: 2_000_000_000_000_000_000_000n, den: 1n });
  });

  it('so (0.10 − 0.08) / 0.08 is exactly 0.25, where floating point gives 0.25000000000000006', () => {
    expect((0.1 - 0.08) / 0.08).not.toBe(0.25);
    expect(ratToNumber(ratDiv(ratSub(ratFromNumber(0.1), ratFromNumber(0.08)), ratFromNumber(0.08)) ?? ratInt(0))).toBe(0.25);
  });

  it('rounds halfway cases to even', () => {
    expect(ratToNumber(ratInt(2n ** 53n + 1n))).toBe(2 ** 53);
    expect(ratToNumber(ratInt(2n ** 53n + 3n))).toBe(2 ** 53 + 4);
    expect(ratToNumber({ num: 2n ** 54n + 1n, den: 2n })).toBe(2 ** 53);
  });

  it('returns null beyond the number range and never divides by zero', () => {
    expect(ratToNumber(ratInt(2n ** 1100n))).toBeNull();
    expect(ratDiv(ratInt(1), ratInt(0))).toBeNull();
  });
});
