import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CampaignKitError, isCampaignKitError } from '../../src/core/errors.js';
import { parseInput } from '../../src/core/validate.js';
import { fixedClock, sequentialIds } from '../../src/core/clock.js';

describe('CampaignKitError', () => {
  it('carries a stable code, details and cause', () => {
    const cause = new Error('driver said no');
    const error = new CampaignKitError('STORAGE', 'could not save', { details: { ids: ['t1'] }, cause });
    expect(error.code).toBe('STORAGE');
    expect(error.details).toEqual({ ids: ['t1'] });
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('CampaignKitError');
    expect(error).toBeInstanceOf(Error);
  });

  it('is recognised by the guard, with or without a code', () => {
    const error = new CampaignKitError('CYCLE', 'a -> b -> a', { details: { cycle: ['a', 'b', 'a'] } });
    expect(isCampaignKitError(error)).toBe(true);
    expect(isCampaignKitError(error, 'CYCLE')).toBe(true);
    expect(isCampaignKitError(error, 'VALIDATION')).toBe(false);
    expect(isCampaignKitError(new Error('plain'))).toBe(false);
    expect(isCampaignKitError({ code: 'CYCLE' })).toBe(false);
    expect(isCampaignKitError(null)).toBe(false);
  });
});

describe('parseInput', () => {
  const schema = z.object({ name: z.string().min(1), items: z.array(z.object({ qty: z.int().min(1) })) });

  it('returns the parsed value when the input is valid', () => {
    expect(parseInput(schema, { name: 'x', items: [{ qty: 2 }] }, 'order')).toEqual({ name: 'x', items: [{ qty: 2 }] });
  });

  it('throws VALIDATION naming every bad field with its path', () => {
    let caught: unknown;
    try {
      parseInput(schema, { name: '', items: [{ qty: 0 }] }, 'order');
    } catch (e) {
      caught = e;
    }
    expect(isCampaignKitError(caught, 'VALIDATION')).toBe(true);
    const error = caught as CampaignKitError;
    expect(error.details.issues?.map((i) => i.path)).toEqual([['name'], ['items', 0, 'qty']]);
    expect(error.message).toMatch(/^Invalid order: name: .+ \(and 1 more issue\)$/);
  });
});

describe('injected clock and ids', () => {
  it('fixedClock always reads the same instant', () => {
    const clock = fixedClock('2026-03-02T09:00:00Z');
    expect(clock.now()).toBe(1772442000000);
    expect(clock.now()).toBe(1772442000000);
  });

  it('fixedClock rejects a string that is not a date, or no instant at all, with VALIDATION', () => {
    for (const instant of ['next tuesday', undefined, Number.NaN, 1e20]) {
      const thrown = (() => {
        try {
          fixedClock(instant as string);
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect(isCampaignKitError(thrown, 'VALIDATION')).toBe(true);
    }
  });

  it('sequentialIds counts per prefix', () => {
    const ids = sequentialIds();
    expect([ids.next('task'), ids.next('task'), ids.next('campaign'), ids.next()]).toEqual(['task-1', 'task-2', 'campaign-1', 'id-1']);
  });
});
