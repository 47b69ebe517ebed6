import type { TrainerDetails } from './api';

/** A national trainer of Burkina Faso Customs, without accreditations: tests add what they need. */
export const issaSawadogo: TrainerDetails = {
  id: 'r0000000-0000-4000-8000-000000000001',
  fullName: 'Issa Sawadogo',
  kind: 'national_trainer',
  administrationId: 'a0000000-0000-4000-8000-000000000001',
  administrationNameEn: 'Burkina Faso Customs',
  administrationNameFr: 'Douanes burkinabè',
  email: null,
  userId: null,
  version: 1,
  accreditations: [],
};
