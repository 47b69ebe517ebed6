import type { ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';
import { RequireSession, SessionProvider } from '@/lib/session';
import type { Locale } from '@/i18n/catalog';
import { renderWithApi } from '@/test/render';
import { json, problem } from '@/test/stubApi';

type Me = components['schemas']['Me'];

export const ids = {
  acip: '10000000-0000-4000-8000-000000000001',
  burkina: '20000000-0000-4000-8000-000000000001',
  mali: '20000000-0000-4000-8000-000000000002',
  workshop: '30000000-0000-4000-8000-000000000001',
  session: '40000000-0000-4000-8000-000000000001',
  module: '50000000-0000-4000-8000-000000000001',
  trainer: '60000000-0000-4000-8000-000000000001',
  aminata: '70000000-0000-4000-8000-000000000001',
  issa: '70000000-0000-4000-8000-000000000002',
};

export function me(role: Me['role'] = 'coordinator'): Response {
  return json({ name: `${role}@integrity.test`, role, programmeIds: role === 'coordinator' ? [ids.acip] : [], administrationIds: [] });
}

/** Where the screen sent the user, for assertions on navigation. */
function Elsewhere() {
  return <p data-testid="elsewhere">{useLocation().pathname}</p>;
}

/** One screen at its route, signed in (the stub must answer GET /api/v1/auth/me). */
export function renderScreen(client: ApiClient, path: string, at: string, screen: ReactNode, locale: Locale = 'en') {
  return renderWithApi(
    <SessionProvider>
      <RequireSession>
        <Routes>
          <Route path={path} element={screen} />
          <Route path="*" element={<Elsewhere />} />
        </Routes>
      </RequireSession>
    </SessionProvider>,
    client,
    { at, locale },
  );
}

export function workshop(overrides: Partial<components['schemas']['WorkshopDetails']> = {}): components['schemas']['WorkshopDetails'] {
  return {
    id: ids.workshop,
    programmeId: ids.acip,
    programmeCode: 'A-CIP',
    kind: 'workshop',
    title: 'The Revised Arusha Declaration in practice',
    startsOn: '2023-11-29',
    endsOn: '2023-12-01',
    hostAdministrationId: ids.burkina,
    hostAdministrationNameEn: 'Burkina Faso Customs',
    hostAdministrationNameFr: 'Douanes burkinabè',
    countryCode: 'BF',
    city: 'Ouagadougou',
    language: 'fr',
    status: 'held',
    participantCount: 2,
    sessionCount: 1,
    version: 3,
    outcomeNotes: null,
    administrations: [],
    keyFactorCodes: ['RAD-07'],
    partners: [],
    scope: 'national',
    sessions: [
      {
        id: ids.session,
        moduleId: ids.module,
        moduleCode: 'ACIP-RAD',
        moduleTitleEn: 'The Declaration in practice',
        moduleTitleFr: 'La Déclaration en pratique',
        hours: 5,
        heldOn: '2023-11-29',
        trainers: [{ id: ids.trainer, fullName: 'Issa Kaboré' }],
        version: 1,
      },
    ],
    ...overrides,
  };
}

export function enrolment(participantId: string, familyName: string, givenNames: string, overrides: Partial<components['schemas']['Enrolment']> = {}) {
  return {
    participantId,
    familyName,
    givenNames,
    sex: 'female',
    administrationId: ids.burkina,
    countryCode: 'BF',
    service: 'operational',
    completed: false,
    attendance: [],
    version: 1,
    ...overrides,
  } satisfies components['schemas']['Enrolment'];
}

export const administrations = () =>
  json({
  items: [
    { id: ids.burkina, countryCode: 'BF', countryNameEn: 'Burkina Faso', countryNameFr: 'Burkina Faso', regionCode: 'WCA', nameEn: 'Burkina Faso Customs', nameFr: 'Douanes burkinabè', version: 1 },
    { id: ids.mali, countryCode: 'ML', countryNameEn: 'Mali', countryNameFr: 'Mali', regionCode: 'WCA', nameEn: 'Mali Customs', nameFr: 'Douanes maliennes', version: 1 },
  ],
  nextCursor: null,
});

/** The 409 of a likely duplicate: Aminata Ouédraogo of Burkina Faso Customs, matched on `matchedOn`. */
export function likelyDuplicate(matchedOn: components['schemas']['DuplicateRule'][], candidatesOutsideScope = false): Response {
  const candidate: components['schemas']['DuplicateCandidate'] = {
    id: ids.aminata,
    familyName: 'Ouédraogo',
    givenNames: 'Aminata',
    administrationId: ids.burkina,
    administrationNameEn: 'Burkina Faso Customs',
    administrationNameFr: 'Douanes burkinabè',
    service: 'operational',
    position: 'Customs inspector',
    matchedOn,
  };
  return problem(409, 'Likely duplicate', 'This person looks already registered.', { candidates: [candidate], candidatesOutsideScope });
}
