import type { components } from '@/api/schema';
import type { ActionDetails, ActionPlanDashboard, ActionPlanDetails, ActionPlanSummary, KeyFactor, ObjectiveDetails, ProgressUpdateDetails } from './api';

/** Records as the API answers them, for the tests of these screens. */
export const ids = {
  plan: '0190a000-0000-7000-8000-000000000001',
  objective: '0190a000-0000-7000-8000-000000000002',
  action: '0190a000-0000-7000-8000-000000000003',
  programme: '0190a000-0000-7000-8000-000000000004',
  burkina: '0190a000-0000-7000-8000-000000000005',
};

export function objective(overrides: Partial<ObjectiveDetails> = {}): ObjectiveDetails {
  return {
    id: ids.objective,
    position: 1,
    title: 'Leadership commitment and a revised code of conduct',
    keyFactorCodes: ['RAD-01', 'RAD-07'],
    outcomeIndicator: 'Share of officials who signed the revised code of conduct',
    baseline: '0 %',
    target: '100 %',
    actionCount: 1,
    version: 1,
    ...overrides,
  };
}

export function planSummary(overrides: Partial<ActionPlanSummary> = {}): ActionPlanSummary {
  return {
    id: ids.plan,
    programmeId: ids.programme,
    programmeCode: 'A-CIP',
    administrationId: ids.burkina,
    administrationNameEn: 'Burkina Faso Customs',
    administrationNameFr: 'Douanes du Burkina Faso',
    countryCode: 'BF',
    title: 'Integrity action plan 2024–2026',
    startsOn: '2024-01-01',
    endsOn: '2026-12-31',
    status: 'in_implementation',
    adoptedOn: '2024-02-15',
    objectiveCount: 1,
    actionCount: 1,
    version: 3,
    ...overrides,
  };
}

export function plan(overrides: Partial<ActionPlanDetails> = {}): ActionPlanDetails {
  return { ...planSummary(), objectives: [objective()], ...overrides };
}

export function action(overrides: Partial<ActionDetails> = {}): ActionDetails {
  return {
    id: ids.action,
    actionPlanId: ids.plan,
    objectiveId: ids.objective,
    objectivePosition: 1,
    title: 'Revise the code of conduct with staff representatives',
    leadUnit: 'Inspection générale des services',
    owner: 'Inspecteur général des services',
    startsOn: '2024-03-01',
    dueOn: '2024-09-30',
    status: 'in_progress',
    percentDone: 40,
    reportedOn: '2024-05-15',
    updateCount: 1,
    version: 2,
    ...overrides,
  };
}

export function update(overrides: Partial<ProgressUpdateDetails> = {}): ProgressUpdateDetails {
  return {
    id: '0190a000-0000-7000-8000-000000000010',
    actionId: ids.action,
    reportedOn: '2024-05-15',
    status: 'in_progress',
    percentDone: 40,
    narrative: 'Three workshops held with the staff unions.',
    evidenceLinks: [],
    recordingOrder: 1,
    recordedAt: '2024-05-15T10:00:00Z',
    ...overrides,
  };
}

export const keyFactors: KeyFactor[] = [
  { code: 'RAD-01', position: 1, nameEn: 'Leadership and Commitment', nameFr: 'Leadership et engagement' },
  { code: 'RAD-07', position: 7, nameEn: 'Code of Conduct', nameFr: 'Code de conduite' },
];

export function dashboard(overrides: Partial<ActionPlanDashboard> = {}): ActionPlanDashboard {
  const coverage: components['schemas']['KeyFactorCoverage'][] = keyFactors.map((factor, index) => ({
    code: factor.code,
    nameEn: factor.nameEn,
    nameFr: factor.nameFr,
    objectiveCount: index === 0 ? 1 : 0,
    covered: index === 0,
  }));
  return {
    actionPlanId: ids.plan,
    asOf: '2026-11-23',
    actionCount: 9,
    actionsByStatus: [
      { status: 'not_started', count: 1 },
      { status: 'in_progress', count: 3 },
      { status: 'done', count: 4 },
      { status: 'delayed', count: 1 },
      { status: 'cancelled', count: 0 },
    ],
    actionsDue: 6,
    actionsDoneOfDue: 4,
    implementationRate: 66.7,
    actionsDoneOnTime: 3,
    overdue: [action({ title: 'Extend electronic payment of duties to every border office', dueOn: '2026-06-30', percentDone: 85 })],
    keyFactors: coverage,
    ...overrides,
  };
}

export const page = <T>(...items: T[]) => ({ items, nextCursor: null });
