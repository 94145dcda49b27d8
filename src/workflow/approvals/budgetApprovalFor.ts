import * as z from 'zod';
import { CampaignKitError } from '../../core/errors.js';
import { invalidField, parseInput } from '../../core/validate.js';
import { SLA_BASES, type Approval, type ApprovalStage } from '../../model/approval.js';
import { ExpenseSchema, type ExpenseInput } from '../../model/budget.js';
import { ApprovalIdSchema } from '../../model/ids.js';
import { MoneySchema, NameSchema } from '../../model/primitives.js';
import { membersInRoleParsed, RoleDirectorySchema, type RoleDirectoryInput } from '../roleDirectory.js';
import { createApproval } from './createApproval.js';

/** When an expense or commitment needs approval, and by whom. */
export const BudgetApprovalPolicySchema = z.object({
  /** One approval stage per rule whose threshold the amount exceeds; stages run from the lowest threshold up. */
  rules: z
    .array(
      z.object({
        /** Amounts above this need the stage (same currency as the expense). */
        threshold: MoneySchema,
        /** Stage name, e.g. "Manager approval". */
        name: NameSchema,
        /** Role (or department) whose members approve. */
        approverRole: z.string().min(1).max(100),
        /** `any` one of them suffices (default), or `all` must approve. */
        rule: z.enum(['all', 'any']).default('any'),
        /** SLA in hours. */
        slaHours: z.number().positive().optional(),
        /** Working (default) or elapsed hours. */
        slaBasis: z.enum(SLA_BASES).default('working'),
        /** Role told when the SLA passes. */
        escalateToRole: z.string().min(1).max(100).optional(),
        /** Only these cost categories; all when absent. */
        categories: z.array(z.string().min(1)).optional(),
      }),
    )
    .min(1),
});
/** When an expense or commitment needs approval. */
export type BudgetApprovalPolicyInput = z.input<typeof BudgetApprovalPolicySchema>;

/** Options of {@link budgetApprovalFor}. */
export interface BudgetApprovalOptions {
  /** Id of the approval to create. */
  readonly id: string;
  /** Thresholds and approver roles. */
  readonly policy: BudgetApprovalPolicyInput;
  /** Who holds each approver role. */
  readonly directory: RoleDirectoryInput;
}

/**
 * The approval an expense or commitment needs under a budget policy (e.g. "above 50,000 CNY a
 * manager approves; above 200,000 CNY an executive too"), as a draft to submit, or `null` when its
 * amount exceeds no threshold. The subject is the expense, with its amount.
 *
 * @example
 * ```ts
 * budgetApprovalFor(
 *   { id: 'exp-booth', campaignId: 'launch', category: 'venue', kind: 'commitment', amount: 8_000_000, currency: 'CNY', date: '2026-03-10' },
 *   { id: 'ap-booth', directory: { assignees: { manager: ['m-li'] } },
 *     policy: { rules: [{ threshold: { amount: 5_000_000, currency: 'CNY' }, name: 'Manager approval', approverRole: 'manager' }] } },
 * );
 * // { id: 'ap-booth', subject: { type: 'budget', id: 'exp-booth', amount: { amount: 8000000, currency: 'CNY' } },
 * //   stages: [{ name: 'Manager approval', approvers: ['m-li'], rule: 'any', ... }], status: 'draft', ... }
 * ```
 */
export function budgetApprovalFor(expense: ExpenseInput, options: BudgetApprovalOptions): Approval | null {
  const parsed = parseInput(ExpenseSchema, expense, 'expense');
  const id = parseInput(ApprovalIdSchema, options.id, 'approval id');
  const policy = parseInput(BudgetApprovalPolicySchema, options.policy, 'budget approval policy');
  const directory = parseInput(RoleDirectorySchema, options.directory, 'role directory');
  const mismatch = policy.rules.find((r) => r.threshold.currency !== parsed.currency);
  if (mismatch !== undefined) {
    throw new CampaignKitError('CURRENCY_MISMATCH', `Rule '${mismatch.name}' has a threshold in ${mismatch.threshold.currency} but the expense is in ${parsed.currency}; convert one of them first`, {
      details: { currencies: [mismatch.threshold.currency, parsed.currency] },
    });
  }
  const applicable = policy.rules
    .filter((r) => parsed.amount > r.threshold.amount)
    .filter((r) => r.categories === undefined || r.categories.includes(parsed.category))
    .sort((a, b) => a.threshold.amount - b.threshold.amount);
  if (applicable.length === 0) return null;
  const stages: ApprovalStage[] = applicable.map((r) => {
    const approvers = membersInRoleParsed(directory, r.approverRole, parsed.campaignId);
    if (approvers.length === 0) {
      throw invalidField('role directory', ['assignees', r.approverRole], `nobody holds role '${r.approverRole}' to approve '${r.name}'; assign at least one member`);
    }
    return {
      name: r.name,
      approvers,
      rule: r.rule,
      slaBasis: r.slaBasis,
      ...(r.slaHours === undefined ? {} : { slaHours: r.slaHours }),
      ...(r.escalateToRole === undefined ? {} : { escalateToRole: r.escalateToRole }),
    };
  });
  return createApproval({
    id,
    campaignId: parsed.campaignId,
    title: `Budget request ${parsed.id}`,
    subject: { type: 'budget', id: parsed.id, amount: { amount: parsed.amount, currency: parsed.currency } },
    stages,
  });
}
