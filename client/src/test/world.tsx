import { Route, Routes } from 'react-router';
import type { ReactElement } from 'react';
import type { ApiClient } from '@/api/client';
import type { Locale } from '@/i18n/catalog';
import { renderWithApi } from '@/test/render';
import { json } from '@/test/stubApi';
import type { AdministrationDetails, DonorDetails } from '@/lib/referenceData';
import type { ProgrammeSummary } from '@/lib/referenceData';

/** A small world for the administration screens: Norad, A-CIP, and the customs of Burkina Faso and Mali. */
export const norad: DonorDetails = { id: 'd0000000-0000-4000-8000-000000000001', code: 'NORAD', name: 'Norad', iatiOrganisationId: null, version: 1 };

export const acip: ProgrammeSummary = {
  id: 'p0000000-0000-4000-8000-000000000001',
  code: 'A-CIP',
  name: 'Anti-Corruption and Integrity Promotion',
  startsOn: '2022-01-01',
  endsOn: '2026-12-31',
  donors: [{ id: norad.id, code: norad.code, name: norad.name }],
  administrations: [],
  version: 1,
};

export const burkina: AdministrationDetails = {
  id: 'a0000000-0000-4000-8000-000000000001',
  countryCode: 'BF',
  countryNameEn: 'Burkina Faso',
  countryNameFr: 'Burkina Faso',
  regionCode: 'WCA',
  nameEn: 'Burkina Faso Customs',
  nameFr: 'Douanes du Burkina Faso',
  otherNames: [],
  version: 1,
};

export const mali: AdministrationDetails = { ...burkina, id: 'a0000000-0000-4000-8000-000000000002', countryCode: 'ML', countryNameEn: 'Mali', countryNameFr: 'Mali', nameEn: 'Mali Customs', nameFr: 'Douanes maliennes' };

export const page = <T,>(...items: T[]) => json({ items, nextCursor: null });

/** The pickers' lists, answered as often as a test asks. */
export const pickers = () => ({
  'GET /api/v1/donors': [() => page(norad), () => page(norad)],
  'GET /api/v1/programmes': [() => page(acip), () => page(acip)],
  'GET /api/v1/administrations': [() => page(burkina, mali), () => page(burkina, mali)],
});

/** Renders `screen` at `at` under its route `path`, with `done` standing for where a save leads. */
export function renderRoute(screen: ReactElement, client: ApiClient, { path, at, done, locale }: { path: string; at: string; done: string; locale?: Locale }) {
  return renderWithApi(
    <Routes>
      <Route path={path} element={screen} />
      <Route path={done} element={<p>Back at {done}</p>} />
    </Routes>,
    client,
    { at, locale },
  );
}

/** A likely duplicate across scopes: Mali's Keita registered again in Burkina Faso, same staff number. */
export const keitaReview = {
  id: 'r0000000-0000-4000-8000-000000000001',
  participant: {
    id: 'c0000000-0000-4000-8000-000000000002',
    familyName: 'Keita',
    givenNames: 'Aminata',
    administrationId: burkina.id,
    administrationNameEn: burkina.nameEn,
    administrationNameFr: burkina.nameFr,
    staffNumber: 'ML-0042',
    email: null,
  },
  candidate: {
    id: 'c0000000-0000-4000-8000-000000000001',
    familyName: 'Keita',
    givenNames: 'Aminata',
    administrationId: mali.id,
    administrationNameEn: mali.nameEn,
    administrationNameFr: mali.nameFr,
    staffNumber: 'ML-0042',
    email: 'a.keita@douanes.ml',
  },
  matchedOn: ['staff_number', 'name'] as ('staff_number' | 'email' | 'name')[],
  foundAt: '2026-12-01T09:00:00Z',
};

/** What the administration page asks for besides its links: the likely duplicates across scopes (none unless given). */
export const adminPageStubs = (...reviews: Response[]) => ({
  'GET /api/v1/participants/duplicate-reviews': reviews.length > 0 ? reviews : [page()],
});
