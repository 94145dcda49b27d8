import { describe, expect, it } from 'vitest';
import { STANDARD_CALENDAR } from '../../src/calendar/standardCalendars.js';
import type { Approval } from '../../src/model/approval.js';
import { approvalDueAt } from '../../src/workflow/approvals/approvalDueAt.js';
import { cancelApproval } from '../../src/workflow/approvals/cancelApproval.js';
import { createApproval } from '../../src/workflow/approvals/createApproval.js';
import { decideApproval } from '../../src/workflow/approvals/decideApproval.js';
import { escalateApproval } from '../../src/workflow/approvals/escalateApproval.js';
import { submitApproval } from '../../src/workflow/approvals/submitApproval.js';
import { actors, thrown } from './_fixtures.js';

const TZ = 'Asia/Shanghai';
// Friday 2026-03-06 16:00 in Shanghai.
const SUBMITTED = '2026-03-06T08:00:00Z';
const ctx = (actor: (typeof actors)[keyof typeof actors], now = SUBMITTED) => ({ actor, now, timeZone: TZ });

const draft = createApproval({
  id: 'ap-kv',
  campaignId: 'launch',
  title: 'Key visual',
  subject: { type: 'deliverable', id: 'att-kv', version: 1 },
  stages: [
    { name: 'Departments', approvers: ['m-zhao', 'm-sun'], slaHours: 8, escalateToRole: 'manager' },
    { name: 'Legal', approvers: ['m-zhou', 'm-li'], rule: 'any' },
  ],
});
const pending = submitApproval(draft, {}, ctx(actors.marketer)).state;
const subject = { type: 'deliverable', id: 'att-kv', version: 1 };

function approveStageOne(): Approval {
  const first = decideApproval(pending, { decision: 'approved' }, ctx(actors.sales, '2026-03-09T01:00:00Z')).state;
  return decideApproval(first, { decision: 'approved' }, ctx(actors.designer, '2026-03-09T02:00:00Z')).state;
}

describe('createApproval', () => {
  it('returns a draft with the stage defaults applied', () => {
    expect(draft.status).toBe('draft');
    expect(draft.rounds).toEqual([]);
    expect(draft.required).toBe(true);
    expect(draft.stages[0]).toEqual({ name: 'Departments', approvers: ['m-zhao', 'm-sun'], rule: 'all', slaHours: 8, slaBasis: 'working', escalateToRole: 'manager' });
  });

  it('refuses an approver listed twice in a stage', () => {
    const error = thrown(() => createApproval({ id: 'x', campaignId: 'launch', subject: { type: 'task', id: 't' }, stages: [{ name: 'S', approvers: ['a', 'a'] }] }));
    expect(error.details.issues?.map((i) => [i.path, i.message])).toEqual([[['stages', 0, 'approvers'], 'an approver is listed twice']]);
  });
});

describe('submitApproval', () => {
  it('opens round 1 at the first stage and asks its approvers', () => {
    const { state, events } = submitApproval(draft, {}, ctx(actors.marketer));
    expect(state.status).toBe('pending');
    expect(state.rounds).toEqual([
      { submittedAt: SUBMITTED, submittedBy: 'm-wang', version: 1, status: 'pending', currentStage: 0, stageStartedAt: SUBMITTED, decisions: [], escalations: [] },
    ]);
    expect(events).toEqual([
      { type: 'approval.requested', approvalId: 'ap-kv', campaignId: 'launch', subject, round: 1, stage: 0, stageName: 'Departments', approvers: ['m-zhao', 'm-sun'], by: 'm-wang', at: SUBMITTED },
    ]);
  });

  it('refuses to submit twice, and refuses a viewer', () => {
    expect(thrown(() => submitApproval(pending, {}, ctx(actors.marketer))).message).toBe("Approval 'ap-kv' is already waiting for decisions");
    expect(thrown(() => submitApproval(draft, {}, ctx(actors.viewer))).details.permission).toBe('approval.request');
  });
});

describe('decideApproval', () => {
  it('with rule all, waits for every approver, then opens the next stage', () => {
    const first = decideApproval(pending, { decision: 'approved' }, ctx(actors.sales, '2026-03-09T01:00:00Z'));
    expect(first.state.rounds[0]?.currentStage).toBe(0);
    expect(first.events).toEqual([
      { type: 'approval.decided', approvalId: 'ap-kv', campaignId: 'launch', subject, round: 1, at: '2026-03-09T01:00:00Z', stage: 0, decision: 'approved', by: 'm-zhao' },
    ]);
    const second = decideApproval(first.state, { decision: 'approved' }, ctx(actors.designer, '2026-03-09T02:00:00Z'));
    expect(second.state.status).toBe('pending');
    expect(second.state.rounds[0]).toMatchObject({ currentStage: 1, stageStartedAt: '2026-03-09T02:00:00Z', status: 'pending' });
    expect(second.events.map((e) => e.type)).toEqual(['approval.decided', 'approval.requested']);
    expect(second.events[1]).toEqual({
      type: 'approval.requested',
      approvalId: 'ap-kv',
      campaignId: 'launch',
      subject,
      round: 1,
      at: '2026-03-09T02:00:00Z',
      stage: 1,
      stageName: 'Legal',
      approvers: ['m-zhou', 'm-li'],
      by: 'm-sun',
    });
  });

  it('with rule any, one approval completes the stage and, as the last stage, the approval', () => {
    const { state, events } = decideApproval(approveStageOne(), { decision: 'approved' }, ctx(actors.legal, '2026-03-09T03:00:00Z'));
    expect(state.status).toBe('approved');
    expect(state.rounds[0]?.status).toBe('approved');
    expect(events.map((e) => e.type)).toEqual(['approval.decided', 'approval.approved']);
    expect(events[1]).toEqual({ type: 'approval.approved', approvalId: 'ap-kv', campaignId: 'launch', subject, round: 1, at: '2026-03-09T03:00:00Z', by: 'm-zhou' });
    expect(thrown(() => decideApproval(state, { decision: 'approved' }, ctx(actors.manager))).code).toBe('INVALID_STATE');
  });

  it('needs a comment to reject, and a rejection ends the round', () => {
    expect(thrown(() => decideApproval(pending, { decision: 'rejected' }, ctx(actors.sales))).message).toBe(
      'Invalid decision: comment: a rejected decision needs a comment saying why',
    );
    const { state, events } = decideApproval(pending, { decision: 'rejected', comment: 'Wrong product shot' }, ctx(actors.sales));
    expect(state.status).toBe('rejected');
    expect(state.rounds[0]?.status).toBe('rejected');
    expect(events[1]).toEqual({
      type: 'approval.rejected',
      approvalId: 'ap-kv',
      campaignId: 'launch',
      subject,
      round: 1,
      at: SUBMITTED,
      stage: 0,
      decision: 'rejected',
      by: 'm-zhao',
      comment: 'Wrong product shot',
    });
    expect(thrown(() => decideApproval(state, { decision: 'approved' }, ctx(actors.designer))).message).toBe(
      "Approval 'ap-kv' is rejected, not waiting for decisions",
    );
  });

  it('records a change request like a rejection, with its own status', () => {
    const { state, events } = decideApproval(pending, { decision: 'changesRequested', comment: 'Bigger logo' }, ctx(actors.designer));
    expect(state.status).toBe('changesRequested');
    expect(events.map((e) => e.type)).toEqual(['approval.decided', 'approval.rejected']);
  });

  it('refuses a member who is not an approver, a second decision, and a viewer', () => {
    expect(thrown(() => decideApproval(pending, { decision: 'approved' }, ctx(actors.marketer))).message).toBe(
      "m-wang may not approval.decide: m-wang is not an approver of stage 'Departments' and stands in for none of its waiting approvers",
    );
    const once = decideApproval(pending, { decision: 'approved' }, ctx(actors.sales)).state;
    expect(thrown(() => decideApproval(once, { decision: 'approved' }, ctx(actors.sales))).message).toBe(
      "m-zhao has already decided on stage 'Departments' in round 1",
    );
    const viewerApprover = { ...actors.viewer, id: 'm-zhao' };
    expect(thrown(() => decideApproval(pending, { decision: 'approved' }, ctx(viewerApprover))).details.permission).toBe('approval.decide');
  });

  describe('delegation', () => {
    // m-sun is away Monday 9 to Friday 13 March (Shanghai); m-wang decides for them.
    const away = [{ approverId: 'm-sun', delegateId: 'm-wang', from: '2026-03-08T16:00:00Z', to: '2026-03-13T16:00:00Z' }];

    it('lets a delegate decide for an absent approver and records on whose behalf', () => {
      const { state, events } = decideApproval(pending, { decision: 'approved' }, { ...ctx(actors.marketer, '2026-03-09T01:00:00Z'), delegations: away });
      expect(state.rounds[0]?.decisions).toEqual([{ stage: 0, by: 'm-wang', onBehalfOf: 'm-sun', decision: 'approved', at: '2026-03-09T01:00:00Z' }]);
      expect(events[0]).toMatchObject({ type: 'approval.decided', by: 'm-wang', onBehalfOf: 'm-sun' });
      const done = decideApproval(state, { decision: 'approved' }, ctx(actors.sales, '2026-03-09T02:00:00Z'));
      expect(done.state.rounds[0]?.currentStage).toBe(1);
    });

    it('refuses the delegate outside the absence', () => {
      const error = thrown(() => decideApproval(pending, { decision: 'approved' }, { ...ctx(actors.marketer, '2026-03-14T01:00:00Z'), delegations: away }));
      expect(error.code).toBe('FORBIDDEN');
      expect(thrown(() => decideApproval(pending, { decision: 'approved', onBehalfOf: 'm-sun' }, ctx(actors.marketer, '2026-03-09T01:00:00Z'))).message).toBe(
        'm-wang may not approval.decide: m-wang holds no delegation from m-sun in force at 2026-03-09T01:00:00Z',
      );
    });

    it('asks a delegate standing in for two approvers to say for whom', () => {
      const both = [...away, { approverId: 'm-zhao', delegateId: 'm-wang', from: '2026-03-08T16:00:00Z', to: '2026-03-13T16:00:00Z' }];
      const context = { ...ctx(actors.marketer, '2026-03-09T01:00:00Z'), delegations: both };
      expect(thrown(() => decideApproval(pending, { decision: 'approved' }, context)).message).toBe(
        'Invalid decision: onBehalfOf: m-wang stands in for m-zhao, m-sun; say which one in onBehalfOf',
      );
      expect(decideApproval(pending, { decision: 'approved', onBehalfOf: 'm-zhao' }, context).state.rounds[0]?.decisions[0]?.onBehalfOf).toBe('m-zhao');
    });
  });
});

describe('resubmission', () => {
  it('starts a new round at the first stage with the new version and keeps the rejected round', () => {
    const rejected = decideApproval(pending, { decision: 'rejected', comment: 'Wrong product shot' }, ctx(actors.sales)).state;
    const { state, events } = submitApproval(rejected, { version: 2 }, ctx(actors.marketer, '2026-03-10T02:00:00Z'));
    expect(state.status).toBe('pending');
    expect(state.subject.version).toBe(2);
    expect(state.rounds).toHaveLength(2);
    expect(state.rounds[0]).toEqual(rejected.rounds[0]);
    expect(state.rounds[1]).toEqual({
      submittedAt: '2026-03-10T02:00:00Z',
      submittedBy: 'm-wang',
      version: 2,
      status: 'pending',
      currentStage: 0,
      stageStartedAt: '2026-03-10T02:00:00Z',
      decisions: [],
      escalations: [],
    });
    expect(events[0]).toMatchObject({ type: 'approval.requested', round: 2, stage: 0, subject: { type: 'deliverable', id: 'att-kv', version: 2 } });
  });

  it('refuses an older version and an approval already approved', () => {
    const rejected = decideApproval(pending, { decision: 'rejected', comment: 'No' }, ctx(actors.sales)).state;
    const v2 = submitApproval(rejected, { version: 2 }, ctx(actors.marketer)).state;
    const again = decideApproval(v2, { decision: 'rejected', comment: 'Still no' }, ctx(actors.sales)).state;
    expect(thrown(() => submitApproval(again, { version: 1 }, ctx(actors.marketer))).message).toBe(
      'Invalid submission: version: version 1 is older than the version under review (2)',
    );
    const approved = decideApproval(approveStageOne(), { decision: 'approved' }, ctx(actors.legal)).state;
    expect(thrown(() => submitApproval(approved, {}, ctx(actors.marketer))).message).toBe(
      "Approval 'ap-kv' is already approved; create a new approval for a new version",
    );
  });
});

describe('SLA and escalation', () => {
  it('counts the SLA in working hours on the calendar', () => {
    // Friday 16:00 + 8 working hours = Friday 17:00 (1 h) + Monday 08:00–12:00 (4 h) + 13:00–16:00 (3 h).
    expect(approvalDueAt(pending, { timeZone: TZ })).toBe('2026-03-09T16:00');
    expect(approvalDueAt(draft, { timeZone: TZ })).toBeNull();
  });

  it('counts an elapsed-hour SLA on the wall clock', () => {
    const elapsed = submitApproval(
      createApproval({ ...draft, stages: [{ name: 'Reply', approvers: ['m-zhao'], slaHours: 24, slaBasis: 'elapsed' }] }),
      {},
      ctx(actors.marketer),
    ).state;
    expect(approvalDueAt(elapsed, { timeZone: TZ })).toBe('2026-03-07T16:00');
  });

  it('escalates once, after the SLA passes, to the stage’s role, naming who is still waiting', () => {
    const decided = decideApproval(pending, { decision: 'approved' }, ctx(actors.sales, '2026-03-09T01:00:00Z')).state;
    expect(escalateApproval(decided, { now: '2026-03-09T08:00:00Z', timeZone: TZ })).toEqual({ state: decided, events: [] });
    const { state, events } = escalateApproval(decided, { now: '2026-03-09T08:30:00Z', timeZone: TZ });
    expect(state.rounds[0]?.escalations).toEqual([{ stage: 0, toRole: 'manager', at: '2026-03-09T08:30:00Z' }]);
    expect(events).toEqual([
      {
        type: 'approval.escalated',
        approvalId: 'ap-kv',
        campaignId: 'launch',
        subject,
        round: 1,
        stage: 0,
        stageName: 'Departments',
        toRole: 'manager',
        waitingFor: ['m-sun'],
        dueAt: '2026-03-09T16:00',
        at: '2026-03-09T08:30:00Z',
      },
    ]);
    expect(escalateApproval(state, { now: '2026-03-10T08:30:00Z', timeZone: TZ }).events).toEqual([]);
  });

  it('honours holidays on the campaign calendar', () => {
    // Monday 9 March off: Friday 17:00 (1 h) + Tuesday 08:00–12:00 (4 h) + 13:00–16:00 (3 h).
    const calendar = { id: 'cn', name: 'Shanghai', base: 'standard', exceptions: [{ name: 'Offsite', from: '2026-03-09' }] };
    expect(approvalDueAt(pending, { timeZone: TZ, calendar, calendars: [STANDARD_CALENDAR] })).toBe('2026-03-10T16:00');
  });
});

describe('cancelApproval', () => {
  it('lets the submitter withdraw a pending approval and keeps the history', () => {
    const { state, events } = cancelApproval(pending, { reason: 'Campaign postponed' }, ctx(actors.marketer));
    expect(state.status).toBe('cancelled');
    expect(state.rounds[0]?.status).toBe('cancelled');
    expect(events).toEqual([
      { type: 'approval.cancelled', approvalId: 'ap-kv', campaignId: 'launch', subject, round: 1, by: 'm-wang', reason: 'Campaign postponed', at: SUBMITTED },
    ]);
  });

  it('refuses another member and an approved approval', () => {
    expect(thrown(() => cancelApproval(pending, {}, ctx(actors.sales))).message).toBe(
      'm-zhao may not approval.cancel: role member on campaign launch grants approval.cancel only on an approval they own',
    );
    const approved = decideApproval(approveStageOne(), { decision: 'approved' }, ctx(actors.legal)).state;
    expect(thrown(() => cancelApproval(approved, {}, ctx(actors.manager))).code).toBe('INVALID_STATE');
  });
});
