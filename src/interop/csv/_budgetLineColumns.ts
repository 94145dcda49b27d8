import { toDecimalString } from '../../core/money.js';
import type { BudgetLine } from '../../model/budget.js';
import { codeColumn, moneyColumn, readMoneyCell, textColumn, type Column } from './_column.js';

const PERIOD = /^(\d{4}-\d{2}-\d{2})\s*\/\s*(\d{4}-\d{2}-\d{2})\s*=\s*(.+)$/;

/**
 * The phasing cell: `even`, `front` or `back`, or explicit periods as `from/to=amount` items
 * separated by `, ` (`2026-03-01/2026-03-15=600.00, 2026-03-16/2026-03-31=400.00`), amounts in
 * major units with `.` as the decimal point whatever the numeric columns use.
 */
const phasingColumn: Column<BudgetLine> = {
  key: 'phasing',
  en: 'Phasing',
  zh: '分摊方式',
  write: ({ phasing, currency }) => {
    if (phasing === undefined || typeof phasing === 'string') return phasing;
    return phasing.periods.map((p) => `${p.from}/${p.to}=${toDecimalString({ amount: p.amount, currency })}`).join(', ');
  },
  read: (text, draft, row) => {
    const trimmed = text.trim();
    if (trimmed === 'even' || trimmed === 'front' || trimmed === 'back') {
      draft['phasing'] = trimmed;
      return undefined;
    }
    const periods: { from: string; to: string; amount: number }[] = [];
    for (const item of trimmed.split(',')) {
      const m = PERIOD.exec(item.trim());
      const [, from = '', to = '', amount = ''] = m ?? [];
      if (m === null) return `expected even, front, back or periods such as 2026-03-01/2026-03-15=600.00, got '${item.trim()}'`;
      const problem = readMoneyCell(amount, row.text('currency'), '.', (minor) => periods.push({ from, to, amount: minor }));
      if (problem !== undefined) return problem;
    }
    draft['phasing'] = { periods };
    return undefined;
  },
};


/** The budget line table. Amounts are decimal major units of the row's currency. */
export const BUDGET_LINE_COLUMNS: readonly Column<BudgetLine>[] = [
  codeColumn({ key: 'id', en: 'ID', zh: '编号' }, (l: BudgetLine) => l.id),
  textColumn({ key: 'name', en: 'Name', zh: '名称' }, (l: BudgetLine) => l.name),
  codeColumn({ key: 'category', en: 'Category', zh: '费用类别', required: true }, (l: BudgetLine) => l.category),
  codeColumn({ key: 'kind', en: 'Kind', zh: '收支类型' }, (l: BudgetLine) => l.kind),
  codeColumn({ key: 'taskId', en: 'Task ID', zh: '任务编号' }, (l: BudgetLine) => l.taskId),
  codeColumn({ key: 'stageId', en: 'Stage', zh: '阶段' }, (l: BudgetLine) => l.stageId),
  moneyColumn({ key: 'planned', en: 'Planned', zh: '预算金额', required: true }, (l: BudgetLine) => l.planned),
  moneyColumn({ key: 'forecast', en: 'Forecast', zh: '预测金额' }, (l: BudgetLine) => l.forecast),
  codeColumn({ key: 'currency', en: 'Currency', zh: '币种', required: true }, (l: BudgetLine) => l.currency),
  phasingColumn,
];
