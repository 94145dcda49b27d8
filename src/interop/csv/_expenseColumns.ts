import type { Expense } from '../../model/budget.js';
import { codeColumn, moneyColumn, textColumn, type Column } from './_column.js';

/**
 * The expense table. The amount is a decimal in major units of the row's currency. Corrections
 * (the audit trail of changes) are not written: a CSV row is the expense as it stands.
 */
export const EXPENSE_COLUMNS: readonly Column<Expense>[] = [
  codeColumn({ key: 'id', en: 'ID', zh: '编号' }, (e: Expense) => e.id),
  codeColumn({ key: 'date', en: 'Date', zh: '日期', required: true }, (e: Expense) => e.date),
  codeColumn({ key: 'kind', en: 'Kind', zh: '类型', required: true }, (e: Expense) => e.kind),
  codeColumn({ key: 'category', en: 'Category', zh: '费用类别', required: true }, (e: Expense) => e.category),
  moneyColumn({ key: 'amount', en: 'Amount', zh: '金额', required: true }, (e: Expense) => e.amount),
  codeColumn({ key: 'currency', en: 'Currency', zh: '币种', required: true }, (e: Expense) => e.currency),
  textColumn({ key: 'vendor', en: 'Vendor', zh: '供应商' }, (e: Expense) => e.vendor),
  textColumn({ key: 'description', en: 'Description', zh: '说明' }, (e: Expense) => e.description),
  textColumn({ key: 'reference', en: 'Reference', zh: '单据号' }, (e: Expense) => e.reference),
  codeColumn({ key: 'budgetLineId', en: 'Budget Line ID', zh: '预算行编号' }, (e: Expense) => e.budgetLineId),
  codeColumn({ key: 'taskId', en: 'Task ID', zh: '任务编号' }, (e: Expense) => e.taskId),
  codeColumn({ key: 'commitmentId', en: 'Commitment ID', zh: '关联承诺编号' }, (e: Expense) => e.commitmentId),
  codeColumn({ key: 'recordedBy', en: 'Recorded By', zh: '记录人' }, (e: Expense) => e.recordedBy),
  codeColumn({ key: 'voidedAt', en: 'Voided At', zh: '作废时间' }, (e: Expense) => e.voidedAt),
  codeColumn({ key: 'voidedBy', en: 'Voided By', zh: '作废人' }, (e: Expense) => e.voidedBy),
  textColumn({ key: 'voidReason', en: 'Void Reason', zh: '作废原因' }, (e: Expense) => e.voidReason),
];
