import { describe, expect, it } from 'vitest';
import { budgetLinesFromCsv } from '../../../src/interop/csv/budgetLinesFromCsv.js';
import { budgetLinesToCsv } from '../../../src/interop/csv/budgetLinesToCsv.js';
import { expensesFromCsv } from '../../../src/interop/csv/expensesFromCsv.js';
import { expensesToCsv } from '../../../src/interop/csv/expensesToCsv.js';
import { measurementsFromCsv } from '../../../src/interop/csv/measurementsFromCsv.js';
import { measurementsToCsv } from '../../../src/interop/csv/measurementsToCsv.js';
import { formatPredecessor, parsePredecessors } from '../../../src/interop/csv/_predecessors.js';
import { tasksFromCsv } from '../../../src/interop/csv/tasksFromCsv.js';
import { tasksToCsv } from '../../../src/interop/csv/tasksToCsv.js';
import { TaskSchema } from '../../../src/model/task.js';

const c = { campaignId: 'c1' };

describe('CSV export', () => {
  it('writes a budget line with BOM, CRLF and Chinese headers', () => {
    expect(budgetLinesToCsv([{ id: 'b1', campaignId: 'c1', category: 'venue', name: '展台, "A"\n区', planned: 1250000, currency: 'CNY' }], { headers: 'zh-CN' })).toBe(
      '\uFEFF编号,名称,费用类别,收支类型,任务编号,阶段,预算金额,预测金额,币种,分摊方式\r\nb1,"展台, ""A""\n区",venue,cost,,,12500.00,,CNY,\r\n',
    );
  });
  it('neutralises formulas in text cells but keeps negative numbers in numeric cells', () => {
    const csv = measurementsToCsv([{ id: '=m', campaignId: 'c1', date: '2026-03-02', values: { delta: -100 } }]);
    expect(csv).toBe('\uFEFFID,Date,Period,Channel,Currency,delta\r\n\'=m,2026-03-02,day,,,-100\r\n');
    expect(measurementsFromCsv(csv, c).rows[0]).toMatchObject({ id: '=m', values: { delta: -100 } });
  });
});

describe('predecessor notation', () => {
  it.each([
    [3, 'FS', '0d', '3'],
    [3, 'FS', '2d', '3FS+2d'],
    [2, 'SS', '0d', '2SS'],
    [4, 'FF', '-1d', '4FF-1d'],
    [5, 'SF', '50%', '5SF+50%'],
  ] as const)('row %i %s lag %s is %s', (row, type, lag, text) => {
    expect(formatPredecessor(row, type, lag)).toBe(text);
    expect(parsePredecessors(text)).toEqual([{ row, type, lag }]);
  });
  it('reads spaces, lower case, ; and day words', () => {
    expect(parsePredecessors('3 fs + 2 days; 5')).toEqual([{ row: 3, type: 'FS', lag: '2d' }, { row: 5, type: 'FS', lag: '0d' }]);
    expect(typeof parsePredecessors('3XX')).toBe('string');
  });
});

describe('task round trip', () => {
  it('exports and imports the same tasks and links', () => {
    const tasks = [
      TaskSchema.parse({ id: 'plan', campaignId: 'c1', name: '计划', duration: '0d', milestone: true }),
      TaskSchema.parse({ id: 'kv', campaignId: 'c1', parentId: 'plan', name: '+Key visual', duration: '3d', tags: ['a,b', 'c'] }),
    ];
    const csv = tasksToCsv(tasks, { headers: 'zh-CN', dependencies: [{ id: 'l', campaignId: 'c1', from: 'plan', to: 'kv', type: 'SS', lag: '-1d' }] });
    const back = tasksFromCsv(csv, c);
    expect(back.errors).toEqual([]);
    expect(back.rows).toEqual(tasks);
    expect(back.dependencies).toEqual([{ from: 'plan', to: 'kv', type: 'SS', lag: '-1d' }]);
  });
});

describe('import errors', () => {
  const file = 'Task Name,Duration,Predecessors\r\n"two\r\nlines",2d,\r\nBad,xx,\r\nOk,1d,9\r\n';
  it('reports physical lines, counting a quoted line break', () => {
    const result = tasksFromCsv(file, c);
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([[4, 'duration'], [5, 'predecessors']]);
    expect(result.rows).toEqual([]);
  });
  it('returns the valid rows when partial', () => {
    expect(tasksFromCsv(file, { ...c, partial: true }).rows.map((t) => t.name)).toEqual(['two\r\nlines']);
  });
  it('reads an Excel file (BOM, CRLF, ;) and warns about unknown columns', () => {
    const result = expensesFromCsv('\uFEFF日期;类型;费用类别;金额;币种;Extra\r\n2026-03-02;actual;media;1250,50;CNY;x\r\n', { ...c, delimiter: ';', decimalSeparator: ',' });
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ amount: 125050, currency: 'CNY' });
    expect(result.warnings.map((w) => w.column)).toEqual(['Extra']);
    expect(expensesToCsv(result.rows, { delimiter: ';', decimalSeparator: ',' })).toContain('1250,50;CNY');
  });
  it('refuses more digits than the currency has', () => {
    const r = budgetLinesFromCsv('Category,Planned,Currency\nvenue,1.5,JPY\n', c);
    expect(r.errors).toMatchObject([{ line: 2, field: 'planned' }]);
  });
});

describe('arguments of the wrong type', () => {
  const fns = [tasksToCsv, budgetLinesToCsv, expensesToCsv, measurementsToCsv, tasksFromCsv, budgetLinesFromCsv, expensesFromCsv, measurementsFromCsv] as ((...a: unknown[]) => unknown)[];
  it.each(fns.map((f) => [f.name, f] as const))('%s throws only CampaignKitError', (_n, fn) => {
    for (const args of [[], [null], [undefined, undefined], [1, {}], ['a,b', null], [[{}], { headers: 'fr' }], ['x', { campaignId: '' }], [[1], 5]]) {
      try {
        fn(...args);
      } catch (e) {
        expect(e).toMatchObject({ name: 'CampaignKitError' });
      }
    }
  });
});
