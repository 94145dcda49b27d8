import { describe, expect, it } from 'vitest';
import { foldLine } from '../../../src/interop/ical/_fold.js';
import { toICalendar } from '../../../src/interop/ical/toICalendar.js';
import { physicalLines, springLaunch, unfold } from './_calendar.js';

const octets = (text: string) => new TextEncoder().encode(text).length;
const generatedAt = '2026-02-01T00:00:00Z';

describe('line folding', () => {
  const summary = '春季新品发布会：智能音箱全渠道整合营销活动（线上直播、线下快闪店、社交媒体种草与KOL合作），覆盖华东、华南与西南地区的重点城市门店🎉🚀';
  const ics = toICalendar({ ...springLaunch, items: [{ kind: 'milestone', id: 'launch', name: summary, at: '2026-03-02T09:00' }] }, { generatedAt });

  it('keeps every physical line of a long Chinese summary within 75 octets', () => {
    const lines = physicalLines(ics);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    const folded = lines.filter((line) => line.startsWith(' '));
    expect(folded.length).toBeGreaterThanOrEqual(2);
  });

  it('never splits a multi-byte character, so every physical line is valid UTF-8 on its own', () => {
    for (const line of physicalLines(ics)) {
      const bytes = new TextEncoder().encode(line);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
  });

  it('restores the summary exactly when unfolded', () => {
    expect(physicalLines(unfold(ics))).toContain(`SUMMARY:${summary}`);
  });

  it('starts each continuation with exactly one space and fills lines up to the limit', () => {
    // 208 octets: 75 on the first line, then 74 after each continuation's space.
    const ascii = `SUMMARY:${'x'.repeat(200)}`;
    const lines = foldLine(ascii);
    expect(lines.map(octets)).toEqual([75, 75, 60]);
    expect(lines.slice(1).every((line) => line.startsWith(' ') && !line.startsWith('  '))).toBe(true);
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(ascii);
  });

  it('leaves a line of exactly 75 octets alone and folds at 76', () => {
    expect(foldLine('a'.repeat(75))).toEqual(['a'.repeat(75)]);
    expect(foldLine('a'.repeat(76))).toEqual(['a'.repeat(75), ' a']);
    // 'abc' and 24 three-octet characters fill 75 octets; the 25th character moves on whole.
    const cjk = `abc${'设'.repeat(25)}`;
    expect(foldLine(cjk)).toEqual([`abc${'设'.repeat(24)}`, ' 设']);
    // Two octets short of the limit, a four-octet emoji moves on whole too.
    expect(foldLine(`${'a'.repeat(73)}🎉`)).toEqual(['a'.repeat(73), ' 🎉']);
  });
});
