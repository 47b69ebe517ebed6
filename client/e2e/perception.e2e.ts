import { expect } from 'vitest';
import { demo, expectNoSidewaysScroll, first, journeys, phone, post, signIn } from './journey';

journeys('perception surveys', (journey) => {
  journey('an administrator writes a questionnaire, registers a round of Burkina Faso Customs with it and finds the round ready for its responses', async (page) => {
    const code = `CIPS-E2E-${Date.now()}`;
    await signIn(page, demo.administrator);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Perception surveys' }).click();
    await page.getByRole('heading', { level: 1, name: 'Perception surveys' }).waitFor();
    await page.getByRole('link', { name: 'Questionnaires' }).click();
    await page.getByRole('link', { name: 'New questionnaire' }).click();

    await page.getByRole('heading', { level: 1, name: 'New questionnaire' }).waitFor();
    await page.getByLabel('Code', { exact: true }).fill(code);
    await page.getByLabel('Title (English)').fill('Integrity perceptions of customs officials');
    await page.getByLabel('Title (French)').fill('Perceptions de l’intégrité des agents des douanes');
    const firstQuestion = page.getByRole('group', { name: 'Question 1' });
    await firstQuestion.getByLabel('Key factor').locator('option', { hasText: 'RAD-01' }).waitFor({ state: 'attached' });
    await firstQuestion.getByLabel('Question code').fill('OFF-01');
    await firstQuestion.getByLabel('Key factor').selectOption('RAD-01');
    await firstQuestion.getByLabel('Text (English)').fill('Senior managers set an example of integrity.');
    await firstQuestion.getByLabel('Text (French)').fill('Les cadres dirigeants donnent l’exemple de l’intégrité.');
    await page.getByRole('button', { name: 'Add a question' }).click();
    const second = page.getByRole('group', { name: 'Question 2' });
    await second.getByLabel('Question code').fill('OFF-02');
    await second.getByLabel('Key factor').selectOption('RAD-07');
    await second.getByLabel('Text (English)').fill('Officers accept gifts from traders.');
    await second.getByLabel('Text (French)').fill('Les agents acceptent des cadeaux des opérateurs.');
    await second.getByRole('checkbox', { name: /Reversed/ }).check();
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByRole('heading', { level: 1, name: 'Questionnaires' }).waitFor();
    await page.getByRole('table', { name: 'Perception survey questionnaires' }).getByRole('link', { name: code }).click();
    const questions = page.getByRole('table', { name: 'Questions' });
    await questions.getByRole('row', { name: /OFF-02 RAD-07 Code of Conduct Officers accept gifts from traders\. Yes/ }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Perception surveys' }).click();
    await page.getByRole('button', { name: 'Register a round' }).click();
    const form = page.getByRole('form', { name: 'Register a survey round' });
    const acip = await first<{ id: string; code: string }>(page, '/api/v1/programmes?q=A-CIP', (programme) => programme.code === 'A-CIP');
    await form.getByLabel('Programme').locator(`option[value="${acip.id}"]`).waitFor({ state: 'attached' });
    await form.getByLabel('Programme').selectOption(acip.id);
    await form.getByLabel('Administration').selectOption({ label: 'Burkina Faso Customs' });
    await form.getByLabel('Questionnaire').locator('option', { hasText: code }).waitFor({ state: 'attached' });
    await form.getByLabel('Questionnaire').selectOption({ label: `${code} — Integrity perceptions of customs officials` });
    await form.getByLabel('Label').fill(`CIPS ${code}`);
    await form.getByLabel('Fieldwork starts on').fill('2025-03-03');
    await form.getByLabel('Fieldwork ends on').fill('2025-04-25');
    await form.getByRole('button', { name: 'Register the round' }).click();

    await page.getByRole('heading', { level: 1, name: `CIPS ${code}: Burkina Faso Customs` }).waitFor();
    await page.getByText('No response imported yet: import the responses to see the scores.').waitFor();
    await page.getByLabel('Responses (CSV or Excel)').waitFor();
    expect(await page.locator('dl.details').textContent()).toContain(code);
    await page.getByRole('link', { name: 'All survey rounds' }).click();
    await page.getByRole('table', { name: 'Survey rounds, latest fieldwork first' }).getByRole('link', { name: `CIPS ${code}` }).waitFor();
  });

  journey('on a phone, in French, a coordinator opens a round: the forms stack and nothing scrolls sideways', async (page) => {
    const code = `CIPS-TEL-${Date.now()}`;
    await signIn(page, demo.administrator);
    const questionnaire = await post(page, '/api/v1/questionnaires', {
      code, titleEn: 'Officials', titleFr: 'Agents',
      questions: [{ code: 'OFF-01', keyFactorCode: 'RAD-01', textEn: 'Managers set an example.', textFr: 'Les cadres donnent l’exemple.', reversed: false }],
    });
    await page.request.post('/api/v1/auth/sign-out');
    await signIn(page, demo.coordinator);
    const acip = await first<{ id: string; code: string }>(page, '/api/v1/programmes?q=A-CIP', (programme) => programme.code === 'A-CIP');
    const burkina = await first<{ id: string }>(page, '/api/v1/administrations?countryCode=BF', () => true);
    const round = await post(page, '/api/v1/perception-surveys', {
      administrationId: burkina.id, programmeId: acip.id, questionnaireId: questionnaire.id,
      label: `Enquête ${code}`, fieldworkStartsOn: '2025-05-05', fieldworkEndsOn: '2025-06-13',
    });
    await page.getByRole('button', { name: 'Français' }).click();

    await page.goto('/perception-surveys');
    await page.getByRole('table', { name: 'Campagnes d’enquête, la collecte la plus récente d’abord' }).getByRole('link', { name: `Enquête ${code}` }).waitFor();
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: 'Enregistrer une campagne' }).click();
    await page.getByRole('form', { name: 'Enregistrer une campagne d’enquête' }).getByLabel('Questionnaire').waitFor();
    await expectNoSidewaysScroll(page);

    await page.goto(`/perception-surveys/${round.id}`);
    await page.getByRole('heading', { level: 1, name: `Enquête ${code} : Douanes burkinabè` }).waitFor();
    await page.getByLabel('Réponses (CSV ou Excel)').waitFor();
    await expectNoSidewaysScroll(page);
  }, { viewport: phone });
});
