import type { ProcessTemplate } from '../../model/template.js';
import { defineTemplate } from './defineTemplate.js';

const IMPROVEMENTS = 'At least 3 actionable improvements recorded, each with an owner';

/**
 * The brief's campaign full process: demand research (3 working days) → campaign plan (5) →
 * cross-department review (2; every department replies within 24 h) → resource coordination (1;
 * design resources confirmed within 3 working days) → execution (per plan, 10 days by default;
 * legal review of materials before release) → retrospective (3; at least 3 actionable improvements).
 */
export const CAMPAIGN_FULL_PROCESS: ProcessTemplate = defineTemplate({
  id: 'campaign-full-process',
  name: 'Campaign full process',
  description: 'From demand research to retrospective, with a cross-department review and a legal review of materials before release.',
  stages: [
    {
      id: 'research',
      name: 'Demand research',
      ownerRole: 'market',
      duration: '3d',
      inputs: ['campaign brief'],
      outputs: ['requirements research report'],
      acceptanceCriteria: ['Report names the target audience, their needs and the evidence for each'],
      tasks: [
        {
          name: 'Research demand and write the requirements report',
          checklist: ['Interview sales about customer needs', 'Review the product roadmap with product', 'Analyse competitor campaigns'],
        },
      ],
    },
    {
      id: 'plan',
      name: 'Campaign plan',
      ownerRole: 'market',
      duration: '5d',
      inputs: ['requirements research report'],
      outputs: ['campaign plan', 'budget request', 'KPI targets'],
      acceptanceCriteria: ['Objectives have measurable KPI targets', 'Budget is broken down by cost category'],
      tasks: [{ name: 'Write the campaign plan', checklist: ['Objectives and KPI targets', 'Channel mix', 'Budget by category', 'Timeline'] }],
    },
    {
      id: 'review',
      name: 'Cross-department review',
      ownerRole: 'manager',
      duration: '2d',
      inputs: ['campaign plan'],
      outputs: ['approved campaign plan'],
      acceptanceCriteria: ['Every department replied within 24 hours'],
      tasks: [{ name: 'Review the campaign plan across departments' }],
      approvals: [
        {
          name: 'Cross-department sign-off',
          approverRoles: ['sales', 'product', 'design', 'legal'],
          rule: 'all',
          slaHours: 24,
          slaBasis: 'elapsed',
          escalateToRole: 'manager',
        },
      ],
    },
    {
      id: 'resources',
      name: 'Resource coordination',
      ownerRole: 'manager',
      duration: '1d',
      inputs: ['approved campaign plan'],
      outputs: ['resource plan'],
      acceptanceCriteria: ['Design resources confirmed within 3 working days of the request'],
      tasks: [{ name: 'Coordinate people, agencies and design resources' }],
      approvals: [{ name: 'Design resources confirmed', approverRoles: ['design'], rule: 'any', slaHours: 24, escalateToRole: 'manager' }],
    },
    {
      id: 'execution',
      name: 'Execution',
      ownerRole: 'market',
      duration: '10d',
      taskOrder: 'sequential',
      inputs: ['approved campaign plan', 'resource plan'],
      outputs: ['released campaign materials', 'execution log'],
      acceptanceCriteria: ['Every released material passed legal review'],
      tasks: [
        { name: 'Produce campaign materials' },
        { name: 'Legal review of materials', duration: '1d' },
        { name: 'Release materials and run the campaign', duration: '4d' },
      ],
      approvals: [
        { name: 'Legal review of materials', approverRoles: ['legal'], rule: 'any', slaHours: 8, escalateToRole: 'manager', task: 'Legal review of materials' },
      ],
    },
    {
      id: 'retro',
      name: 'Retrospective',
      ownerRole: 'manager',
      duration: '3d',
      inputs: ['execution log', 'KPI results'],
      outputs: ['retrospective report', 'improvement actions'],
      acceptanceCriteria: [IMPROVEMENTS],
      tasks: [
        {
          name: 'Run the retrospective',
          checklist: ['Compare planned and actual dates and budget', 'Compare KPI targets with results', 'Record lessons learned in the knowledge base'],
        },
      ],
    },
  ],
});

/** Content production: creative → approval (brand, then legal) → publish → monitor → retrospective. */
export const CONTENT_PROCESS: ProcessTemplate = defineTemplate({
  id: 'content',
  name: 'Content production',
  description: 'One piece of content from creative to retrospective, with brand and legal approval before it is published.',
  stages: [
    {
      id: 'creative',
      name: 'Creative',
      ownerRole: 'design',
      duration: '3d',
      inputs: ['content brief'],
      outputs: ['draft copy', 'draft visuals'],
      tasks: [{ name: 'Write the copy' }, { name: 'Design the visuals' }],
    },
    {
      id: 'approval',
      name: 'Approval',
      ownerRole: 'manager',
      duration: '1d',
      inputs: ['draft copy', 'draft visuals'],
      outputs: ['approved content'],
      tasks: [{ name: 'Approve the content' }],
      approvals: [
        { name: 'Brand review', approverRoles: ['manager'], rule: 'any', slaHours: 4, escalateToRole: 'admin' },
        { name: 'Legal review', approverRoles: ['legal'], rule: 'any', slaHours: 8, escalateToRole: 'manager' },
      ],
    },
    { id: 'publish', name: 'Publish', ownerRole: 'market', duration: '1d', inputs: ['approved content'], outputs: ['published content'] },
    { id: 'monitor', name: 'Monitor', ownerRole: 'market', duration: '5d', outputs: ['performance report'], acceptanceCriteria: ['Reach, engagement and leads recorded daily'] },
    { id: 'retro', name: 'Retrospective', ownerRole: 'manager', duration: '1d', inputs: ['performance report'], outputs: ['improvement actions'], acceptanceCriteria: [IMPROVEMENTS] },
  ],
});

/** An event or trade show: booth design and invitations run side by side after the booking. */
export const EVENT_PROCESS: ProcessTemplate = defineTemplate({
  id: 'event',
  name: 'Event and trade show',
  description: 'A trade show or event: brief, booking, booth and invitations in parallel, logistics, the event, lead follow-up, retrospective.',
  stages: [
    { id: 'brief', name: 'Objectives and booth brief', ownerRole: 'market', duration: '3d', outputs: ['event brief', 'lead target'] },
    {
      id: 'booking',
      name: 'Venue and booth booking',
      ownerRole: 'manager',
      duration: '5d',
      inputs: ['event brief'],
      outputs: ['booth contract'],
      approvals: [{ name: 'Contract review', approverRoles: ['legal'], rule: 'any', slaHours: 16, escalateToRole: 'manager' }],
    },
    { id: 'booth', name: 'Booth design and materials', ownerRole: 'design', duration: '10d', inputs: ['event brief', 'booth contract'], outputs: ['booth design', 'printed materials'] },
    { id: 'invites', name: 'Invitations and lead capture', ownerRole: 'sales', duration: '5d', inputs: ['event brief'], outputs: ['guest list', 'lead capture form'] },
    { id: 'logistics', name: 'Logistics and rehearsal', ownerRole: 'manager', duration: '2d', outputs: ['run sheet'] },
    { id: 'event', name: 'Event days', ownerRole: 'market', duration: '3d', inputs: ['run sheet'], outputs: ['captured leads'] },
    { id: 'followup', name: 'Lead follow-up', ownerRole: 'sales', duration: '5d', inputs: ['captured leads'], outputs: ['qualified leads'] },
    { id: 'retro', name: 'Retrospective', ownerRole: 'manager', duration: '2d', outputs: ['improvement actions'], acceptanceCriteria: [IMPROVEMENTS] },
  ],
  links: [
    { from: 'brief', to: 'booking' },
    { from: 'booking', to: 'booth' },
    { from: 'booking', to: 'invites', type: 'SS', lag: '2d' },
    { from: 'booth', to: 'logistics' },
    { from: 'invites', to: 'logistics' },
    { from: 'logistics', to: 'event' },
    { from: 'event', to: 'followup' },
    { from: 'followup', to: 'retro' },
  ],
});

/** Request intake: submit → review → schedule → execute → accept, for requests to the marketing team. */
export const REQUEST_INTAKE_PROCESS: ProcessTemplate = defineTemplate({
  id: 'request-intake',
  name: 'Request intake',
  description: 'A request from another department: submitted, reviewed, scheduled, executed and accepted by the requester.',
  stages: [
    {
      id: 'submit',
      name: 'Submit request',
      ownerRole: 'requester',
      duration: '2h',
      outputs: ['request form'],
      tasks: [{ name: 'Submit the request', checklist: ['Goal', 'Audience', 'Deadline', 'Budget owner'] }],
    },
    {
      id: 'review',
      name: 'Review',
      ownerRole: 'manager',
      duration: '1d',
      inputs: ['request form'],
      outputs: ['accepted request'],
      approvals: [{ name: 'Request accepted', approverRoles: ['manager'], rule: 'any', slaHours: 8, escalateToRole: 'admin' }],
    },
    { id: 'schedule', name: 'Schedule', ownerRole: 'manager', duration: '2h', inputs: ['accepted request'], outputs: ['scheduled work'] },
    { id: 'execute', name: 'Execute', ownerRole: 'member', duration: '5d', outputs: ['delivered work'] },
    {
      id: 'accept',
      name: 'Acceptance',
      ownerRole: 'requester',
      duration: '1d',
      inputs: ['delivered work'],
      acceptanceCriteria: ['The delivered work meets the request form'],
      approvals: [{ name: 'Requester acceptance', approverRoles: ['requester'], rule: 'any', slaHours: 16, escalateToRole: 'manager' }],
    },
  ],
});

/** The built-in templates, by id. */
export const BUILT_IN_TEMPLATES: Readonly<Record<string, ProcessTemplate>> = Object.freeze({
  [CAMPAIGN_FULL_PROCESS.id]: CAMPAIGN_FULL_PROCESS,
  [CONTENT_PROCESS.id]: CONTENT_PROCESS,
  [EVENT_PROCESS.id]: EVENT_PROCESS,
  [REQUEST_INTAKE_PROCESS.id]: REQUEST_INTAKE_PROCESS,
});
