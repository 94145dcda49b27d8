import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCampaignKitError } from '../../src/core/errors.js';
import { APPROVAL_DECISIONS, type Approval, type ApprovalDecision } from '../../src/model/approval.js';
import { STATUS_CATEGORIES } from '../../src/model/task.js';
import { createApproval } from '../../src/workflow/approvals/createApproval.js';
import { decideApproval } from '../../src/workflow/approvals/decideApproval.js';
import { escalateApproval } from '../../src/workflow/approvals/escalateApproval.js';
import { submitApproval } from '../../src/workflow/approvals/submitApproval.js';
import { cancelApproval } from '../../src/workflow/approvals/cancelApproval.js';
import { setChecklistItem } from '../../src/workflow/status/setChecklistItem.js';
import { DEFAULT_STATUS_WORKFLOW } from '../../src/workflow/status/statusWorkflow.js';
import { isFinished, isStarted, type TaskBoard } from '../../src/workflow/status/transitionBlockers.js';
import { transitionTask } from '../../src/workflow/status/transitionTask.js';
import { actors, link, task } from './_fixtures.js';

/** Runs a command; a CampaignKitError means "refused" and leaves the state as it was. */
function attempt<S>(state: S, run: () => { state: S }): S {
  try {
    return run().state;
  } catch (e) {
    if (isCampaignKitError(e)) return state;
    throw e;
  }
}

const instant = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 0, 0) + minutes * 60_000).toISOString();

describe('status machine invariants', () => {
  const board: TaskBoard = {
    tasks: [
      task({ id: 't1', name: 'Brief', ownerId: 'm-wang' }),
      task({ id: 't2', name: 'Plan', ownerId: 'm-wang' }),
      task({ id: 't3', name: 'Review', assigneeIds: ['m-sun'], checklist: [{ id: 'c1', text: 'Legal' }] }),
      task({ id: 't4', name: 'Agency work', assigneeIds: ['m-ad'] }),
      task({ id: 't5', name: 'Checklist', ownerId: 'm-wang', checklist: [{ id: 'c1', text: 'Audience' }, { id: 'c2', text: 'Budget' }] }),
    ],
    links: [link('t1', 't2'), link('t2', 't3'), link('t1', 't4', { type: 'SS' })],
    approvals: [createApproval({ id: 'ap-t4', campaignId: 'launch', subject: { type: 'task', id: 't4' }, stages: [{ name: 'Sign-off', approvers: ['m-li'] }] })],
  };
  // Managers may take every transition, so they appear twice to reach deep states more often.
  const people = [actors.manager, actors.manager, actors.marketer, actors.designer, actors.viewer, actors.agency];
  const command = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('transition' as const),
        task: fc.constantFrom('t1', 't2', 't3', 't4', 't5'),
        to: fc.constantFrom(...STATUS_CATEGORIES, 'in_progress', 'done'),
        actor: fc.constantFrom(...people),
        comment: fc.boolean(),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('check' as const), task: fc.constantFrom('t3', 't5'), item: fc.constantFrom('c1', 'c2'), done: fc.boolean(), actor: fc.constantFrom(...people) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('approval' as const), step: fc.constantFrom('submit', 'approve', 'reject'), actor: fc.constantFrom(...people) }) },
  );

  it('no sequence of allowed commands finishes a task with open work, starts one early or breaks a category', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 60, size: 'max' }), (commands) => {
        let state = board;
        commands.forEach((c, i) => {
          const context = { actor: c.actor, now: instant(i * 60), timeZone: 'Asia/Shanghai' };
          if (c.kind === 'transition') {
            state = attempt(state, () => transitionTask(state, { taskId: c.task, to: c.to, ...(c.comment ? { comment: 'because' } : {}) }, context));
          } else if (c.kind === 'check') {
            state = attempt(state, () => setChecklistItem(state, { taskId: c.task, itemId: c.item, done: c.done }, context));
          } else {
            const approval = state.approvals[0] as Approval;
            const next = attempt(approval, () =>
              c.step === 'submit'
                ? submitApproval(approval, {}, context)
                : decideApproval(approval, c.step === 'approve' ? { decision: 'approved' } : { decision: 'rejected', comment: 'no' }, context),
            );
            state = { ...state, approvals: [next] };
          }
          for (const t of state.tasks) {
            const status = DEFAULT_STATUS_WORKFLOW.statuses.find((s) => s.name === t.status);
            expect(status?.category).toBe(t.statusCategory);
            if (t.statusCategory === 'done') {
              expect(t.checklist.every((item) => item.done)).toBe(true);
              expect(state.approvals.filter((a) => a.subject.id === t.id).every((a) => a.status === 'approved')).toBe(true);
              expect(t.percentComplete).toBe(100);
              expect(t.actualFinish).toBeDefined();
            }
            if (isStarted(t.statusCategory)) {
              const predecessors = state.links.filter((l) => l.to === t.id && l.type === 'FS').map((l) => state.tasks.find((x) => x.id === l.from));
              expect(predecessors.every((p) => p !== undefined && isFinished(p.statusCategory))).toBe(true);
              expect(t.actualStart).toBeDefined();
            }
            if (t.actualFinish !== undefined) {
              expect(isFinished(t.statusCategory)).toBe(true);
              expect((t.actualStart ?? '') <= t.actualFinish).toBe(true);
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('approval machine invariants', () => {
  const members = ['m-li', 'm-wang', 'm-sun', 'm-zhou'];
  const actorOf = (id: string) => ({ id, roles: [{ role: 'member' as const, campaignId: 'launch' }] });
  const stage = fc.record({
    approvers: fc.subarray(members, { minLength: 1 }),
    rule: fc.constantFrom('all' as const, 'any' as const),
    slaHours: fc.option(fc.integer({ min: 1, max: 16 }), { nil: undefined }),
  });
  const delegation = fc.record({ approverId: fc.constantFrom(...members), delegateId: fc.constantFrom(...members), from: fc.integer({ min: 0, max: 3000 }), length: fc.integer({ min: 1, max: 3000 }) });
  const command = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('decide' as const), by: fc.constantFrom(...members), decision: fc.constantFrom(...APPROVAL_DECISIONS), comment: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('submit' as const), by: fc.constantFrom(...members) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), by: fc.constantFrom(...members) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('escalate' as const) }) },
  );

  function checkRound(approval: Approval, decisions: readonly ApprovalDecision[], currentStage: number, status: string, delegations: readonly { approverId: string; delegateId: string; from: string; to: string }[]) {
    approval.stages.forEach((s, index) => {
      const own = decisions.filter((d) => d.stage === index);
      const who = own.map((d) => d.onBehalfOf ?? d.by);
      expect(new Set(who).size).toBe(who.length);
      expect(who.every((w) => s.approvers.includes(w))).toBe(true);
      if (index > currentStage) expect(own).toEqual([]);
      const approvedBy = own.filter((d) => d.decision === 'approved').map((d) => d.onBehalfOf ?? d.by);
      const met = s.rule === 'any' ? approvedBy.length >= 1 : s.approvers.every((a) => approvedBy.includes(a));
      if (index < currentStage || status === 'approved') expect(met).toBe(true);
    });
    for (const d of decisions) {
      if (d.onBehalfOf !== undefined) {
        const t = Date.parse(d.at);
        expect(delegations.some((x) => x.approverId === d.onBehalfOf && x.delegateId === d.by && Date.parse(x.from) <= t && t < Date.parse(x.to))).toBe(true);
      }
    }
    const ending = decisions.filter((d) => d.decision !== 'approved');
    if (status === 'rejected' || status === 'changesRequested') {
      expect(ending).toHaveLength(1);
      expect(decisions[decisions.length - 1]?.decision).toBe(status);
      expect((ending[0]?.comment ?? '').length).toBeGreaterThan(0);
    } else {
      expect(ending).toEqual([]);
    }
  }

  it('no sequence of allowed commands approves without every stage’s required approvals or loses history', () => {
    fc.assert(
      fc.property(fc.array(stage, { minLength: 1, maxLength: 3 }), fc.array(delegation, { maxLength: 3 }), fc.array(command, { minLength: 5, maxLength: 40, size: 'max' }), (stages, rawDelegations, commands) => {
        const delegations = rawDelegations
          .filter((d) => d.approverId !== d.delegateId)
          .map((d) => ({ approverId: d.approverId, delegateId: d.delegateId, from: instant(d.from), to: instant(d.from + d.length) }));
        let approval = createApproval({ id: 'ap', campaignId: 'launch', subject: { type: 'task', id: 't' }, stages: stages.map((s, i) => ({ name: `S${i}`, ...s, escalateToRole: 'manager' })) });
        commands.forEach((c, i) => {
          const now = instant(i * 90);
          const before = approval;
          if (c.kind === 'decide') {
            const input = c.comment || c.decision === 'approved' ? { decision: c.decision, comment: 'why' } : { decision: c.decision };
            approval = attempt(approval, () => decideApproval(approval, input, { actor: actorOf(c.by), now, delegations }));
          } else if (c.kind === 'submit') {
            approval = attempt(approval, () => submitApproval(approval, {}, { actor: actorOf(c.by), now }));
          } else if (c.kind === 'cancel') {
            approval = attempt(approval, () => cancelApproval(approval, {}, { actor: actorOf(c.by), now }));
          } else {
            approval = escalateApproval(approval, { now }).state;
          }
          // History only grows: earlier rounds never change.
          before.rounds.slice(0, -1).forEach((round, r) => expect(approval.rounds[r]).toEqual(round));
          const latest = approval.rounds[approval.rounds.length - 1];
          if (latest === undefined) expect(['draft', 'cancelled']).toContain(approval.status);
          else if (approval.status !== 'cancelled') expect(latest.status).toBe(approval.status);
          approval.rounds.forEach((round, r) => {
            if (r < approval.rounds.length - 1) expect(round.status).not.toBe('pending');
            expect(round.currentStage).toBeLessThan(approval.stages.length);
            checkRound(approval, round.decisions, round.currentStage, round.status, delegations);
            const escalated = round.escalations.map((e) => e.stage);
            expect(new Set(escalated).size).toBe(escalated.length);
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});
