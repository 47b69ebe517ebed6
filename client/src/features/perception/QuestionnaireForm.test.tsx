import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem, stubApi } from '@/test/stubApi';
import { renderRoute } from '@/test/world';
import { EditQuestionnairePage, RegisterQuestionnairePage } from './QuestionnaireForm';
import { ids, questionnaire } from './testData';

const keyFactors = () =>
  json({
    items: [
      { code: 'RAD-01', nameEn: 'Leadership and commitment', nameFr: 'Leadership et engagement' },
      { code: 'RAD-07', nameEn: 'Morale and organisational culture', nameFr: 'Moral et culture organisationnelle' },
    ],
  });

const question = (number: number) => screen.getByRole('group', { name: `Question ${number}` });
const type = (scope: HTMLElement, label: string, value: string) => fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('RegisterQuestionnaire', () => {
  it('sends the code, both titles and the questions in order with their key factor and reversal, once, with an Idempotency-Key', async () => {
    const api = stubApi({
      'GET /api/v1/key-factors': [keyFactors()],
      'POST /api/v1/questionnaires': [json({ id: ids.officials, version: 1 }, 201)],
    });
    renderRoute(<RegisterQuestionnairePage />, api.client, { path: '/questionnaires/new', at: '/questionnaires/new', done: '/questionnaires' });
    await screen.findByRole('option', { name: 'RAD-07 Morale and organisational culture' });
    const form = screen.getByRole('heading', { level: 1, name: 'New questionnaire' }).closest('section')!;
    type(form, 'Code', 'CIPS-OFFICIALS');
    type(form, 'Title (English)', 'Officials');
    type(form, 'Title (French)', 'Agents');
    type(question(1), 'Question code', 'OFF-01');
    type(question(1), 'Key factor', 'RAD-01');
    type(question(1), 'Text (English)', 'Leaders set an example.');
    type(question(1), 'Text (French)', 'Les dirigeants montrent l’exemple.');
    fireEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    type(question(2), 'Question code', 'DROPPED');
    type(question(3), 'Question code', 'OFF-02');
    type(question(3), 'Key factor', 'RAD-07');
    type(question(3), 'Text (English)', 'Officers accept gifts.');
    type(question(3), 'Text (French)', 'Les agents acceptent des cadeaux.');
    fireEvent.click(within(question(3)).getByRole('checkbox', { name: /Reversed/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove question 2' }));
    save();

    await screen.findByText('Back at /questionnaires');
    const posts = api.sent.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(JSON.parse(posts[0]!.body)).toEqual({
      code: 'CIPS-OFFICIALS',
      titleEn: 'Officials',
      titleFr: 'Agents',
      questions: [
        { code: 'OFF-01', keyFactorCode: 'RAD-01', textEn: 'Leaders set an example.', textFr: 'Les dirigeants montrent l’exemple.', reversed: false },
        { code: 'OFF-02', keyFactorCode: 'RAD-07', textEn: 'Officers accept gifts.', textFr: 'Les agents acceptent des cadeaux.', reversed: true },
      ],
    });
  });

  it('shows the API’s message beside the question it names', async () => {
    const api = stubApi({
      'GET /api/v1/key-factors': [keyFactors()],
      'POST /api/v1/questionnaires': [
        problem(400, 'One or more validation errors occurred.', undefined, { errors: { 'questions[0].keyFactorCode': ['Choose a key factor from RAD-01 to RAD-10.'] } }),
      ],
    });
    renderRoute(<RegisterQuestionnairePage />, api.client, { path: '/questionnaires/new', at: '/questionnaires/new', done: '/questionnaires' });
    await screen.findByRole('option', { name: 'RAD-01 Leadership and commitment' });
    save();

    const message = await within(question(1)).findByText('Choose a key factor from RAD-01 to RAD-10.');
    expect(message.className).toBe('field-error');
    expect(within(question(1)).getByLabelText('Key factor').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('UpdateQuestionnaire', () => {
  it('saves with If-Match at the version read, and says plainly when a survey round already uses the questionnaire (409)', async () => {
    const inUse = 'A survey round already uses this questionnaire (CIPS 2023), so its questions can no longer change: its answers name them. Register a new questionnaire instead.';
    const api = stubApi({
      'GET /api/v1/key-factors': [keyFactors()],
      [`GET /api/v1/questionnaires/${ids.officials}`]: [json(questionnaire())],
      [`PUT /api/v1/questionnaires/${ids.officials}`]: [problem(409, 'Conflict', inUse)],
    });
    renderRoute(<EditQuestionnairePage />, api.client, { path: '/questionnaires/:id/edit', at: `/questionnaires/${ids.officials}/edit`, done: '/questionnaires' });
    await waitFor(() => expect(within(question(2)).getByLabelText<HTMLInputElement>('Question code').value).toBe('OFF-02'));
    expect(within(question(2)).getByRole<HTMLInputElement>('checkbox', { name: /Reversed/ }).checked).toBe(true);
    type(question(1), 'Text (English)', 'Leaders set a good example.');
    save();

    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('.problem-lead')!.textContent).toBe('A survey round already uses this questionnaire: it can no longer change.');
    expect(alert.querySelector('.problem-detail')!.textContent).toBe(inUse);
    const put = api.sent.find((request) => request.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"3"');
    expect(JSON.parse(put.body).questions[0].textEn).toBe('Leaders set a good example.');
    // What was typed stays.
    expect(within(question(1)).getByLabelText<HTMLTextAreaElement>('Text (English)').value).toBe('Leaders set a good example.');
  });
});
