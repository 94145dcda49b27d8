import type { ProgressReportInput } from '../../../src/reports/documents/progressReportInput.js';

/** A small day of a campaign: one task finished, one late, some spend, one KPI, one approval. */
export const SMALL_DAY: ProgressReportInput = {
  subject: { kind: 'campaign', name: 'Spring launch' },
  period: { from: '2026-03-02T18:00', to: '2026-03-03T18:00' },
  generatedAt: '2026-03-03T10:00:00Z',
  currency: 'CNY',
  finished: [{ task: 'Key visual', owner: 'Li Lei', finishedAt: '2026-03-03T11:30' }],
  late: [{ task: 'Venue contract', owner: 'Han Mei', due: '2026-03-02T17:00', reason: 'Waiting for legal' }],
  spend: [
    { category: 'media', amount: 123450 },
    { category: 'venue', amount: 50000 },
  ],
  kpis: [{ metric: 'Leads', unit: 'count', previous: 120, current: 150, target: 400, status: 'atRisk' }],
  decisions: [{ title: 'Booth design', stage: 'Legal review', waitingOn: ['Wang Fang', 'Zhao Lei'], submittedAt: '2026-03-02T10:00', due: '2026-03-04T10:00' }],
};
