import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/store/_compareCodePoints.js';

// UTF-8 byte order is code point order (RFC 3629, section 1), which is how the SQL adapters'
// binary collations sort; Buffer.compare on the UTF-8 bytes is the independent reference.
const utf8Order = (a: string, b: string) => Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));

describe('compareCodePoints', () => {
  it('sorts astral characters after the end of the Basic Multilingual Plane', () => {
    expect(['😀', '～', 'a', 'A'].sort(compareCodePoints)).toEqual(['A', 'a', '～', '😀']);
    expect(['😀', '～'].sort()).toEqual(['😀', '～']);
  });

  it('agrees with UTF-8 byte order on any two well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(utf8Order(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});
