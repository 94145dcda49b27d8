import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { lineChartSvg } from '../../../src/reports/svg/lineChartSvg.js';
import { attributesOf } from './_ganttFixture.js';

function ticksOf(svg: string): number[] {
  return [...svg.matchAll(/data-value-tick="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
}

describe('lineChartSvg', () => {
  it('draws a two-point line from the first date at zero to the last at the top', () => {
    const svg = lineChartSvg({ width: 300, height: 200, series: [{ name: 'Done', points: [{ date: '2026-03-04', value: 10 }, { date: '2026-03-02', value: 0 }] }] });
    expect(ticksOf(svg)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(attributesOf(svg, /<path data-part="line"[^>]*>/)).toMatchObject({ d: 'M24.4,142.4 L260,12', stroke: '#1a73e8' });
    expect(svg).toContain('<text data-date-tick="2026-03-02" x="24.4"');
    expect(svg).toContain('<text data-date-tick="2026-03-04" x="260"');
    expect(svg).toContain('aria-label="Line chart"');
    expect(svg).toContain('>Done</text>');
  });

  it('places dates by day, so uneven gaps show', () => {
    const svg = lineChartSvg({ width: 300, height: 200, series: [{ name: 'S', points: ['2026-03-01', '2026-03-02', '2026-03-11'].map((date) => ({ date, value: 1 })) }] });
    const xs = [...(attributesOf(svg, /<path data-part="line"[^>]*>/).d ?? '').matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
    const [a = 0, b = 0, c = 0] = xs;
    expect((c - a) / (b - a)).toBeCloseTo(10, 5);
  });

  it('draws dashed lines, filled areas, stacked bands and breaks a line at a null', () => {
    const svg = lineChartSvg({
      series: [
        { name: 'Ideal', line: 'dashed', points: [{ date: '2026-03-02', value: 40 }, { date: '2026-03-16', value: 0 }] },
        { name: 'EV', area: 'fill', points: [{ date: '2026-03-02', value: 5 }, { date: '2026-03-09', value: 12 }, { date: '2026-03-16', value: null }] },
        { name: 'Done', area: 'stack', points: [{ date: '2026-03-02', value: 10 }, { date: '2026-03-09', value: 20 }] },
        { name: 'Doing', area: 'stack', points: [{ date: '2026-03-02', value: 5 }, { date: '2026-03-09', value: 10 }] },
        { name: 'Gap', points: [{ date: '2026-03-02', value: 1 }, { date: '2026-03-03', value: 2 }, { date: '2026-03-04', value: null }, { date: '2026-03-05', value: 3 }, { date: '2026-03-06', value: 4 }] },
      ],
    });
    expect(attributesOf(svg, /<g data-series="0">[\s\S]*?<path data-part="line"[^>]*>/)['stroke-dasharray']).toBe('6 4');
    expect(svg.match(/<g data-series="1">[\s\S]*?<\/g>/)?.[0]).toContain('data-part="area"');
    // The second band stands on the first: its top is 30 where the first's is 20.
    expect(ticksOf(svg).at(-1)).toBe(40);
    const gap = svg.match(/<g data-series="4">[\s\S]*?<\/g>/)?.[0] ?? '';
    expect(gap.match(/data-part="line"/g)).toHaveLength(2);
    const doing = svg.match(/<g data-series="3">[\s\S]*?<\/g>/)?.[0] ?? '';
    const done = svg.match(/<g data-series="2">[\s\S]*?<\/g>/)?.[0] ?? '';
    const topOf = (group: string): number => Number(/data-part="line" d="M[\d.]+,[\d.]+ L[\d.]+,([\d.]+)"/.exec(group)?.[1]);
    expect(topOf(doing)).toBeLessThan(topOf(done));
  });

  it('takes negative values below the zero line', () => {
    const svg = lineChartSvg({ series: [{ name: 'Variance', points: [{ date: '2026-03-02', value: -120 }, { date: '2026-03-09', value: 80 }] }] });
    expect(ticksOf(svg)).toEqual([-150, -100, -50, 0, 50, 100]);
  });

  it('marks a lone point and labels its tooltip with the caller prefix and suffix', () => {
    const svg = lineChartSvg({ valuePrefix: '≈', valueSuffix: '%', series: [{ name: 'CPI', points: [{ date: '2026-03-02', value: 97.5 }] }] });
    expect(svg).toContain('<title>2026-03-02 · CPI: ≈97.5%</title>');
    expect(attributesOf(svg, /<circle data-part="marker"[^>]*>/).cx).toBeDefined();
  });

  it('shows the caller text when there is nothing to plot', () => {
    expect(lineChartSvg({ series: [] })).toContain('>No data</text>');
    expect(lineChartSvg({ series: [{ name: 'S', points: [{ date: '2026-03-02', value: null }] }], noDataLabel: '暂无数据' })).toContain('>暂无数据</text>');
  });

  it('escapes names and keeps Chinese', () => {
    const svg = lineChartSvg({ title: '累计 & <b>', series: [{ name: '计划 "PV"', points: [{ date: '2026-03-02', value: 1 }] }] });
    expect(svg).toContain('>累计 &amp; &lt;b&gt;</text>');
    expect(svg).toContain('>计划 &quot;PV&quot;</text>');
    expect(svg).not.toContain('<b>');
  });

  it('refuses values that are not finite numbers and dates that are not days', () => {
    for (const bad of [{ date: '2026-03-02', value: Number.NaN }, { date: '2026-02-30', value: 1 }, { date: '2026-03-02', value: '1' }]) {
      try {
        lineChartSvg({ series: [{ name: 'S', points: [bad as never] }] });
        expect.unreachable();
      } catch (error) {
        expect(isCampaignKitError(error, 'VALIDATION')).toBe(true);
      }
    }
  });

  it('gives the same string for the same input', () => {
    const chart = { series: [{ name: 'S', points: [{ date: '2026-03-02', value: 1 / 3 }, { date: '2026-03-05', value: 2 / 3 }] }] };
    expect(lineChartSvg(chart)).toBe(lineChartSvg(structuredClone(chart)));
    expect(lineChartSvg(chart)).not.toMatch(/\d\.\d{3}/);
  });
});
