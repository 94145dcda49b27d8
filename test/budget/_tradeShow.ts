import type { BudgetStateInput } from '../../src/budget/budgetState.js';
import type { ExpenseInput } from '../../src/model/budget.js';

/**
 * The brief's trade show: venue, travel and materials lines in CNY (amounts in fen), each checked
 * against warn +5 % / block +10 %. Figures chosen by hand:
 *
 * - venue 120,000.00 planned; a 118,000.00 contract, 60,000.00 of it invoiced
 *   → committed 58,000.00, actual 60,000.00, actual + committed 118,000.00 (−1.67 %, ok);
 * - travel 30,000.00 planned; invoices 15,000.00 + 16,800.00 = 31,800.00 (+6 %, warn);
 * - materials 30,000.00 planned; a 33,500.00 print order (+11.67 %, block).
 */
export const campaign = { id: 'expo-2026', currency: 'CNY', plannedStart: '2026-04-01', plannedFinish: '2026-04-30' };

export function expense(id: string, category: string, kind: 'commitment' | 'actual', amount: number, date: string, extra: Partial<ExpenseInput> = {}): ExpenseInput {
  return { id, campaignId: campaign.id, category, kind, amount, currency: 'CNY', date, ...extra };
}

export const tradeShow: BudgetStateInput = {
  campaign,
  lines: [
    { id: 'venue', campaignId: campaign.id, category: 'venue', name: 'Hall B booth space', planned: 120_000_00, currency: 'CNY' },
    { id: 'travel', campaignId: campaign.id, category: 'travel', name: 'Team travel', planned: 30_000_00, currency: 'CNY' },
    { id: 'materials', campaignId: campaign.id, category: 'materials', name: 'Print and giveaways', planned: 30_000_00, currency: 'CNY' },
  ],
  expenses: [
    expense('venue-contract', 'venue', 'commitment', 118_000_00, '2026-04-01'),
    expense('venue-deposit', 'venue', 'actual', 60_000_00, '2026-04-03', { commitmentId: 'venue-contract' }),
    expense('flights', 'travel', 'actual', 15_000_00, '2026-04-08'),
    expense('hotel', 'travel', 'actual', 16_800_00, '2026-04-20'),
    expense('print-order', 'materials', 'commitment', 33_500_00, '2026-04-10'),
  ],
};

/** Warn above +5 %, block above +10 %, for each of the three categories (no campaign level). */
export const tradeShowPolicy = {
  categories: {
    venue: { warn: 0.05, block: 0.1 },
    travel: { warn: 0.05, block: 0.1 },
    materials: { warn: 0.05, block: 0.1 },
  },
};
