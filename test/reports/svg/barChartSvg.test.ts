import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../../src/core/errors.js';
import { barChartSvg } from '../../../src/reports/svg/barChartSvg.js';
import { attributesOf } from './_ganttFixture.js';

function ticksOf(svg: string): number[] {
  return [...svg.matchAll(/data-value-tick="(-?[\d.]+)"/g)].map((m) => Number(m[1]));
}

describe('barChartSvg', () => {
  it('draws a one-bar chart exactly', () => {
    const svg = barChartSvg({ width: 200, height: 150, categories: ['Q1'], series: [{ name: 'Spend', values: [8] }] });
    const ticks = [0, 2, 4, 6, 8].map((value, i) => {
      const y = [96.4, 75.3, 54.2, 33.1, 12][i] ?? 0;
      return [
        `<line x1="17.2" y1="${y}" x2="182" y2="${y}" stroke="#e8eaed" stroke-width="1"/>`,
        `<text data-value-tick="${value}" x="11.2" y="${Math.round((y + 4.2) * 100) / 100}" text-anchor="end" fill="#202124">${value}</text>`,
      ];
    });
    expect(svg).toBe(
      [
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="150" viewBox="0 0 200 150" role="img" aria-label="Bar chart" font-family="Arial, Helvetica, Noto Sans CJK SC, PingFang SC, Microsoft YaHei, Hiragino Sans GB, sans-serif" font-size="12">',
        '<title>Bar chart</title>',
        '<rect x="0" y="0" width="200" height="150" fill="#ffffff"/>',
        ...ticks.flat(),
        '<line x1="17.2" y1="12" x2="17.2" y2="96.4" stroke="#5f6368" stroke-width="1"/>',
        '<line data-zero-line="true" x1="17.2" y1="96.4" x2="182" y2="96.4" stroke="#5f6368" stroke-width="1"/>',
        '<g data-series="0">',
        '<rect data-category="0" x="34.18" y="12" width="130.84" height="84.4" fill="#1a73e8">',
        '<title>Q1 · Spend: 8</title>',
        '</rect>',
        '</g>',
        '<text data-category="0" x="99.6" y="114.4" text-anchor="middle" fill="#202124">Q1</text>',
        '<g data-legend="0">',
        '<rect x="12" y="130.2" width="18" height="10" fill="#1a73e8"/>',
        '<text x="36" y="139.4" fill="#202124">Spend</text>',
        '</g>',
        '</svg>',
      ].join('\n'),
    );
  });

  it('groups a bar per series in each category, negative ones hanging below zero', () => {
    const svg = barChartSvg({
      categories: ['Media', 'Refunds'],
      series: [
        { name: 'Planned', values: [1200, 0] },
        { name: 'Actual', values: [1350, -300] },
      ],
    });
    expect(ticksOf(svg)).toEqual([-500, 0, 500, 1000, 1500]);
    const zero = Number(attributesOf(svg, /<line data-zero-line[^>]*>/).y1);
    const refund = attributesOf(svg, /<g data-series="1">[\s\S]*?<rect data-category="1"[^>]*>/);
    expect(Number(refund.y)).toBeCloseTo(zero, 1);
    expect(Number(refund.height)).toBeGreaterThan(0);
    const planned = attributesOf(svg, /<g data-series="0">\n<rect data-category="0"[^>]*>/);
    const actual = attributesOf(svg, /<g data-series="1">\n<rect data-category="0"[^>]*>/);
    expect(Number(actual.x)).toBeCloseTo(Number(planned.x) + Number(planned.width) + 1, 1);
    expect(Number(planned.y) + Number(planned.height)).toBeCloseTo(zero, 1);
  });

  it('draws threshold lines and labels values with the caller prefix', () => {
    const svg = barChartSvg({ categories: ['Media'], series: [{ name: 'Actual', values: [12500] }], thresholds: [{ value: 15000, label: 'Cap' }], valuePrefix: '¥' });
    expect(svg).toContain('<g data-threshold="0">');
    expect(svg).toContain('>Cap</text>');
    expect(svg).toContain('<title>Media · Actual: ¥12,500</title>');
    expect(svg).toContain('>¥15,000</text>');
    expect(ticksOf(svg).at(-1)).toBeGreaterThanOrEqual(15000);
  });

  it('uses the ticks the caller labels', () => {
    const svg = barChartSvg({ categories: ['A'], series: [{ name: 'S', values: [50] }], valueTicks: [{ value: 0, label: 'none' }, { value: 100, label: 'all' }] });
    expect(ticksOf(svg)).toEqual([0, 100]);
    expect(svg).toContain('>all</text>');
  });

  it('shows the caller text when there is nothing to plot', () => {
    expect(barChartSvg({ categories: [], series: [] })).toContain('<text data-no-data="true"');
    expect(barChartSvg({ categories: [], series: [] })).toContain('>No data</text>');
    expect(barChartSvg({ categories: ['A'], series: [], noDataLabel: '暂无数据' })).toContain('>暂无数据</text>');
  });

  it('escapes labels and keeps Chinese', () => {
    const svg = barChartSvg({ title: '预算 <script>', categories: ['媒体 & "PR"'], series: [{ name: "O'Neil", values: [1] }] });
    expect(svg).toContain('>媒体 &amp; &quot;PR&quot;</text>');
    expect(svg).toContain('>O&apos;Neil</text>');
    expect(svg).toContain('aria-label="预算 &lt;script&gt;"');
    expect(svg).not.toContain('<script>');
  });

  it('refuses a series without one value per category', () => {
    try {
      barChartSvg({ categories: ['A', 'B'], series: [{ name: 'S', values: [1] }] });
      expect.unreachable();
    } catch (error) {
      expect(isCampaignKitError(error, 'VALIDATION')).toBe(true);
      expect(String(error)).toContain('series[0].values');
    }
  });

  it('gives the same string for the same input', () => {
    const chart = { categories: ['A', 'B'], series: [{ name: 'S', values: [1.005, 2.675] }, { name: 'T', values: [null, 3] }] };
    expect(barChartSvg(chart)).toBe(barChartSvg(structuredClone(chart)));
    expect(barChartSvg(chart)).not.toMatch(/\d\.\d{3}/);
  });
});
