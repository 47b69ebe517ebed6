import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { demo, expectNoSidewaysScroll, first, journeys, phone, post, signIn } from './journey';

/**
 * The coordinator of A-CIP records a held workshop in Burkina Faso with one session delivered by Issa
 * Kaboré, the demo trainer: a trainer sees only the workshops where they deliver a session, and the
 * demo's own Ouagadougou workshop (2023) lies in a reporting period whose report is approved, so its
 * attendance can no longer change.
 */
async function workshopForTheTrainer(page: Page, title: string, enrolled: { familyName: string; givenNames: string }[] = []) {
  const signedIn = await page.request.post('/api/v1/auth/sign-in', { data: { email: demo.coordinator, password: 'integrity-demo' } });
  expect(signedIn.status()).toBe(200);
  const acip = await first<{ id: string; code: string }>(page, '/api/v1/programmes?q=A-CIP', (programme) => programme.code === 'A-CIP');
  const burkina = await first<{ id: string; countryCode: string }>(page, '/api/v1/administrations?countryCode=BF', () => true);
  const module = await first<{ id: string; code: string }>(page, '/api/v1/modules?q=ACIP-RAD-PRACTICE', () => true);
  const trainer = await first<{ id: string; fullName: string }>(page, '/api/v1/trainers?q=Kabor', (someone) => someone.fullName === 'Issa Kaboré');
  const workshop = await post(page, '/api/v1/workshops', {
    programmeId: acip.id, kind: 'workshop', title, startsOn: '2025-03-10', endsOn: '2025-03-12',
    hostAdministrationId: burkina.id, city: 'Bobo-Dioulasso', language: 'fr', status: 'held',
  });
  await post(page, `/api/v1/workshops/${workshop.id}/sessions`, { moduleId: module.id, heldOn: '2025-03-10', trainerIds: [trainer.id] });
  for (const person of enrolled) {
    await post(page, `/api/v1/workshops/${workshop.id}/participants`, { ...person, sex: 'female', administrationId: burkina.id, service: 'operational' });
  }
  await page.request.post('/api/v1/auth/sign-out');
  return workshop.id;
}

/** The element lies wholly inside the window, as the user sees it now. */
async function expectOnScreen(page: Page, element: Locator, what: string) {
  const box = await element.boundingBox();
  const window = page.viewportSize()!;
  if (!box) throw new Error(`${what} is not shown`);
  const beyond = [box.x < 0 && 'left', box.y < 0 && 'top', box.x + box.width > window.width && 'right', box.y + box.height > window.height && 'bottom'];
  expect(beyond.filter(Boolean), `${what} lies beyond these edges of the screen`).toEqual([]);
}

journeys('training records', (journey) => {
  journey('a coordinator records a workshop, plans two sessions and sees them on the workshop page', async (page) => {
    const title = `Integrity leadership ${Date.now()}`;
    await signIn(page, demo.coordinator);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workshops' }).click();
    await page.getByRole('link', { name: 'Record a workshop' }).click();

    await page.getByRole('heading', { level: 1, name: 'Record a workshop' }).waitFor();
    // The coordinator's one programme is chosen already.
    await page.getByLabel('Programme').locator('option', { hasText: 'A-CIP' }).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Programme').inputValue()).not.toBe('');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('First day').fill('2026-06-08');
    await page.getByLabel('Last day').fill('2026-06-10');
    await page.getByLabel('Host administration').selectOption({ label: 'Burkina Faso Customs' });
    await page.getByLabel('City', { exact: true }).fill('Ouagadougou');
    await page.getByRole('checkbox', { name: 'RAD-07 Code of Conduct' }).check();
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('No sessions planned yet.').waitFor();

    for (const day of ['2026-06-08', '2026-06-09']) {
      await page.getByRole('link', { name: 'Plan a session' }).click();
      await page.getByRole('heading', { level: 1, name: 'Plan a session' }).waitFor();
      const module = page.getByLabel('Module').locator('option', { hasText: 'ACIP-RAD-PRACTICE' });
      await module.waitFor({ state: 'attached' });
      await page.getByLabel('Module').selectOption((await module.getAttribute('value'))!);
      await page.getByLabel('Day').fill(day);
      await page.getByRole('checkbox', { name: 'Issa Kaboré' }).check();
      await page.getByRole('checkbox', { name: 'Aïcha Sawadogo' }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    }

    const sessions = page.getByRole('table', { name: `Sessions of ${title}` });
    await sessions.waitFor();
    await page.reload();
    const rows = sessions.locator('tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.locator('th').allTextContents()).toEqual(['8 Jun 2026', '9 Jun 2026']);
    for (const row of await rows.all()) {
      expect(await row.textContent()).toContain('ACIP-RAD-PRACTICE');
      expect(await row.textContent()).toMatch(/Issa Kaboré.*Aïcha Sawadogo|Aïcha Sawadogo.*Issa Kaboré/);
    }
    expect(await page.getByText('RAD-07 Code of Conduct').count()).toBe(1);
  });

  journey('a trainer checks an attendance sheet from French Excel, says which administration it means, imports it and finds its marks on the attendance screen', async (page) => {
    const title = `Attendance sheet workshop ${Date.now()}`;
    await workshopForTheTrainer(page, title);

    await signIn(page, demo.trainer);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workshops' }).click();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // A trainer runs workshops but does not plan them.
    expect(await page.getByRole('link', { name: 'Plan a session' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Upload an attendance sheet' }).click();
    const templates = page.getByRole('navigation', { name: 'Templates' });
    expect(await templates.getByRole('link', { name: 'CSV template (.csv)' }).getAttribute('href')).toMatch(/attendance-sheet\/template\?format=csv&lang=en$/);
    const stamp = Date.now().toString(36);
    const structure = `DGD Ouaga ${stamp}`;
    // "CSV (séparateur : point-virgule)" from French Excel: Windows-1252, which for these letters is Latin-1.
    const sheet = [
      'N°;Nom;Prénoms;Sexe;Structure;Service;Fonction;Matricule;Observations;10/03/2025',
      `1;Zongo;Adama ${stamp};H;;Opérationnel;Vérificateur;BF-E2E-${stamp}-1;;P`,
      `2;Yaméogo;Safiatou ${stamp};F;${structure};soutien;Secrétaire;BF-E2E-${stamp}-2;arrivée 9h;R`,
      `3;;Sans Nom ${stamp};F;;support;;;;P`,
    ].join('\r\n');
    await page.getByLabel('Attendance sheet (CSV or Excel)').setInputFiles({ name: 'presence.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet, 'latin1') });

    const preview = page.getByRole('region', { name: 'What the import would do' });
    await preview.getByText('3 row(s) read, 2 would be rejected: see the rows below.').waitFor();
    await preview.getByText('CSV, Windows-1252 (French Excel)').waitFor();
    const problems = await preview.getByRole('table', { name: 'Rows of the sheet that need attention' }).locator('tbody tr').allTextContents();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain(`Safiatou ${stamp} Yaméogo (line 3)`);
    expect(problems[0]).toContain(structure);
    const administration = page.getByRole('combobox', { name: `“${structure}” is` });
    await administration.locator('option', { hasText: 'Burkina Faso Customs' }).waitFor({ state: 'attached' });
    await administration.selectOption({ label: 'Burkina Faso Customs' });
    await page.getByRole('checkbox', { name: 'Leave “Observations” alone' }).check();
    await page.getByRole('button', { name: 'Check again' }).click();
    await preview.getByText('3 row(s) read, 1 would be rejected: see the rows below.').waitFor();
    expect(await preview.locator('.sheet-totals div', { hasText: '10 Mar 2025' }).locator('dd').textContent()).toBe('2');

    await page.getByRole('button', { name: 'Import' }).click();
    const report = page.getByRole('region', { name: 'What the sheet did' });
    await report.getByText('3 row(s) read, 1 rejected: see the rows below.').waitFor();
    const cells = await report.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent)));
    expect(cells.map(([line, outcome]) => [line, outcome])).toEqual([['4', 'Rejected']]);
    expect(cells[0]![3]).toContain('family name');

    await page.getByRole('link', { name: 'Back to the workshop' }).click();
    await page.getByRole('link', { name: `Adama ${stamp} Zongo`, exact: true }).waitFor();
    await page.getByRole('link', { name: 'Take attendance on 10 Mar 2025' }).click();
    await page.getByRole('heading', { level: 1, name: 'Attendance on 10 Mar 2025' }).waitFor();
    const present = page.getByRole('radio', { name: `Adama ${stamp} Zongo: Present` });
    await present.waitFor();
    expect(await present.isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: `Safiatou ${stamp} Yaméogo: Late` }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: `Safiatou ${stamp} Yaméogo: Excused` }).check();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByText('Attendance saved for 2 participants.').waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Attendance on 10 Mar 2025' }).waitFor();
    await page.getByRole('radio', { name: `Adama ${stamp} Zongo: Present` }).waitFor();
    expect(await page.getByRole('radio', { name: `Safiatou ${stamp} Yaméogo: Excused` }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: `Safiatou ${stamp} Yaméogo: Late` }).isChecked()).toBe(false);
  });

  journey('on a phone, in French, a trainer finds the workshop, enrols a newcomer and takes attendance, each name in view while marking', async (page) => {
    const stamp = Date.now().toString(36);
    const title = `Atelier au téléphone ${stamp}`;
    const aminata = `Aminata ${stamp} Ouédraogo`;
    const awa = `Awa ${stamp} Compaoré`;
    const workshopId = await workshopForTheTrainer(page, title, [{ familyName: 'Ouédraogo', givenNames: `Aminata ${stamp}` }]);

    await signIn(page, demo.trainer);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Ateliers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ateliers' }).waitFor();

    // The filters are folded away: the list starts on the first screen.
    await page.getByText('Filtres', { exact: true }).waitFor();
    expect(await page.getByLabel('Titre ou ville').isVisible()).toBe(false);
    const workshops = page.getByRole('table', { name: 'Ateliers et missions' });
    await page.getByRole('link', { name: title }).waitFor();
    await expectOnScreen(page, workshops.locator('tbody tr').first(), 'the first workshop');
    await expectNoSidewaysScroll(page);

    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('link', { name: aminata, exact: true }).waitFor();
    await expectNoSidewaysScroll(page);

    // A newcomer, registered and enrolled at the phone's width.
    await page.getByRole('link', { name: 'Inscrire un participant' }).click();
    await page.getByRole('heading', { level: 1, name: `Inscrire un participant à ${title}` }).waitFor();
    await page.getByLabel('Nom de famille').fill('Compaoré');
    await page.getByLabel('Prénoms').fill(`Awa ${stamp}`);
    await page.getByLabel('Sexe').selectOption('female');
    await page.getByRole('button', { name: 'Enregistrer et inscrire' }).click();
    await page.getByText(`${awa} est inscrit(e).`).waitFor();
    await expectNoSidewaysScroll(page);

    // The session's link reached without sideways scrolling.
    await page.getByRole('link', { name: "Retour à l'atelier" }).click();
    const takeAttendance = page.getByRole('link', { name: "Faire l'appel du 10 mars 2025" });
    await takeAttendance.scrollIntoViewIfNeeded();
    await expectOnScreen(page, takeAttendance, 'the session’s attendance link');
    await takeAttendance.click();
    await page.getByRole('heading', { level: 1, name: 'Appel du 10 mars 2025' }).waitFor();
    await expectNoSidewaysScroll(page);

    // Each person's name stays in view beside the choice marked, the last choice (Absent) included.
    for (const [person, status] of [[aminata, 'Présent'], [awa, 'Absent']] as const) {
      const choice = page.getByRole('radio', { name: `${person}: ${status}` });
      await choice.scrollIntoViewIfNeeded();
      await expectOnScreen(page, choice, `${person}: ${status}`);
      await expectOnScreen(page, page.getByRole('rowheader', { name: new RegExp(`^${person}`) }), `the name of ${person}`);
      await choice.check();
    }
    await page.getByRole('button', { name: "Enregistrer l'appel" }).click();
    // Said at the foot of the screen, beside the button, wherever the list was scrolled to.
    const saved = page.getByText('Appel enregistré pour 2 participants.');
    await saved.waitFor();
    await expectOnScreen(page, saved, 'what was saved');

    const enrolments = await page.request.get(`/api/v1/workshops/${workshopId}/participants`);
    const marks = ((await enrolments.json()) as { items: { givenNames: string; attendance: { status: string }[] }[] }).items.map((enrolment) => [
      enrolment.givenNames,
      enrolment.attendance.map((entry) => entry.status),
    ]);
    expect(marks.sort()).toEqual([[`Aminata ${stamp}`, ['present']], [`Awa ${stamp}`, ['absent']]]);
  }, { viewport: phone });
});
