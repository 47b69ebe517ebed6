import { expect } from 'vitest';
import { demo, first, journeys, post, signIn } from './journey';

/** Today as the API and the client's screens write it, and as an English screen shows it. */
const today = new Date().toISOString().slice(0, 10);
const shown = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`));

journeys('no network', (journey) => {
  journey('a trainer keeps a workshop for offline use, takes attendance and registers a person without network, and each reaches the API once', async (page) => {
    const stamp = Date.now().toString(36);
    const title = `Offline room ${stamp}`;

    // As the coordinator: a workshop today that Issa Kaboré, the demo trainer, delivers, with one official enrolled.
    expect((await page.request.post('/api/v1/auth/sign-in', { data: { email: demo.coordinator, password: 'integrity-demo' } })).status()).toBe(200);
    const acip = await first<{ id: string; code: string }>(page, '/api/v1/programmes?q=A-CIP', (programme) => programme.code === 'A-CIP');
    const burkina = await first<{ id: string }>(page, '/api/v1/administrations?countryCode=BF', () => true);
    const module = await first<{ id: string }>(page, '/api/v1/modules?q=ACIP-RAD-PRACTICE', () => true);
    const trainer = await first<{ id: string; fullName: string }>(page, '/api/v1/trainers?q=Kabor', (someone) => someone.fullName === 'Issa Kaboré');
    const workshop = await post(page, '/api/v1/workshops', {
      programmeId: acip.id, kind: 'workshop', title, startsOn: today, endsOn: today,
      hostAdministrationId: burkina.id, city: 'Koudougou', language: 'fr', status: 'planned',
    });
    const session = await post(page, `/api/v1/workshops/${workshop.id}/sessions`, { moduleId: module.id, heldOn: today, trainerIds: [trainer.id] });
    await post(page, `/api/v1/workshops/${workshop.id}/participants`, {
      familyName: 'Ilboudo', givenNames: `Rasmané ${stamp}`, sex: 'male', administrationId: burkina.id, service: 'operational',
    });
    await page.request.post('/api/v1/auth/sign-out');

    await signIn(page, demo.trainer);
    await page.getByRole('link', { name: 'All changes sent' }).waitFor();
    await page.getByRole('button', { name: `Keep for offline use: ${title}` }).click();
    await page.getByText(/^Kept for offline use \(/).waitFor();

    const context = page.context();
    await context.setOffline(true);
    await page.getByRole('link', { name: 'No network' }).waitFor();

    // Attendance, reached through the app's own links.
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('link', { name: `Take attendance on ${shown}` }).click();
    await page.getByRole('radio', { name: `Rasmané ${stamp} Ilboudo: Present` }).check();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByText('Kept on this device', { exact: true }).waitFor();

    // A person registered and enrolled (as trainers register people), on a screen opened by its address without network.
    await page.goto(`/workshops/${workshop.id}/enrol`);
    await page.getByRole('heading', { level: 1, name: `Enrol a participant in ${title}` }).waitFor();
    await page.getByLabel('Family name').fill('Compaoré');
    await page.getByLabel('Given names').fill(`Awa ${stamp}`);
    await page.getByLabel('Sex').selectOption('female');
    await page.getByRole('button', { name: 'Register and enrol' }).click();
    await page.getByText('Kept on this device', { exact: true }).waitFor();
    await page.getByRole('link', { name: /^No network · 2 changes waiting to be sent$/ }).waitFor();

    // Reloaded without network, the outbox still holds both, in the order they were made.
    await page.goto('/outbox');
    await page.reload();
    const waiting = page.getByRole('region', { name: 'Waiting to be sent (2)' });
    await waiting.waitFor();
    expect(await waiting.locator('.outbox-what').allTextContents()).toEqual([`Attendance: ${title}, ${shown}`, `Enrolment: Awa ${stamp} Compaoré, ${title}`]);

    await context.setOffline(false);
    await page.getByRole('region', { name: 'Sent (2)' }).waitFor();
    await page.getByRole('link', { name: 'All changes sent' }).waitFor();
    await page.getByRole('region', { name: 'Waiting to be sent (0)' }).waitFor();

    // The API holds exactly one of each: one attendance record, and one new person, enrolled.
    const enrolled = await page.request.get(`/api/v1/workshops/${workshop.id}/participants`);
    const enrolments = ((await enrolled.json()) as { items: { givenNames: string; attendance: { sessionId: string; status: string }[] }[] }).items;
    expect(enrolments.map((enrolment) => enrolment.givenNames).sort()).toEqual([`Awa ${stamp}`, `Rasmané ${stamp}`]);
    expect(enrolments.flatMap((enrolment) => enrolment.attendance)).toEqual([expect.objectContaining({ sessionId: session.id, status: 'present' })]);
    const registered = await page.request.get(`/api/v1/participants?q=${encodeURIComponent(`Awa ${stamp}`)}`);
    expect(((await registered.json()) as { items: { familyName: string }[] }).items.map((person) => person.familyName)).toEqual(['Compaoré']);
  });
});
