import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, stubApi } from '@/test/stubApi';
import { me, renderScreen } from '@/test/training';
import type { ResponsesImport } from './contract';
import { SurveyPage } from './SurveyPage';
import { ids, score, survey } from './testData';

const path = '/perception-surveys/:id';
const at = `/perception-surveys/${ids.round2023}`;
const surveyPath = `GET /api/v1/perception-surveys/${ids.round2023}`;
const scoresPath = `${surveyPath}/scores`;
const importPath = `POST /api/v1/perception-surveys/${ids.round2023}/responses`;
const previewPath = `${importPath}/preview`;

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(2)
    .map((row) => Array.from(row.children, (cell) => cell.textContent));

const totalsOf = (section: HTMLElement) =>
  Array.from(section.querySelectorAll('.sheet-totals div'), (total) => [total.querySelector('dt')!.textContent, total.querySelector('dd')!.textContent]);

function scores(by: 'sex' | null, items: ReturnType<typeof score>[]) {
  return json({ surveyId: ids.round2023, by, minimumCellSize: 10, items });
}

function preview(overrides: Partial<ResponsesImport> = {}): ResponsesImport {
  return {
    rows: 4,
    added: 2,
    unchanged: 1,
    rejected: 1,
    answersAdded: 38,
    unknownColumns: ['Nom'],
    attention: [{ line: 5, respondent: 'R-004', problems: ['R-004 (line 5): OFF-02 is 7, off the scale: answer 1 to 5 or leave it blank.', 'R-004 (line 5): group "douane" is not a group: use customs_official or private_sector.'] }],
    ...overrides,
  };
}

describe('SurveyPage', () => {
  it('charts the two groups per key factor and tables their figures, a suppressed cell reading "suppressed", never 0', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('coordinator')],
      [surveyPath]: [json(survey())],
      [scoresPath]: [
        scores(null, [
          score('RAD-01', 'customs_official', { respondents: 80, favourablePercent: 62.5, mean: 3.71 }),
          score('RAD-01', 'private_sector', { respondents: null }),
          score('RAD-07', 'customs_official', { respondents: 80, favourablePercent: 0, mean: 1.5 }),
          score('RAD-07', 'private_sector', { respondents: 40, favourablePercent: 45.25, mean: 3.1 }),
        ]),
        scores('sex', [
          score('RAD-01', 'customs_official', { respondents: 50, favourablePercent: 60, mean: 3.6, breakdown: 'male' }),
          score('RAD-01', 'customs_official', { respondents: 30, favourablePercent: 66.67, mean: 3.88, breakdown: 'female' }),
          score('RAD-01', 'private_sector', { respondents: null, breakdown: 'female' }),
        ]),
      ],
    });
    renderScreen(api.client, path, at, <SurveyPage />);

    const table = await screen.findByRole('table', { name: 'Favourable answers, mean answer and respondents, by key factor and group' });
    expect(screen.getByRole('heading', { level: 1, name: 'CIPS 2023: Burkina Faso Customs' })).toBeTruthy();
    // Chart.js comes with the first chart, so the canvas follows the table.
    expect(await screen.findByRole('img', { name: 'Favourable answers by key factor and group (%)' })).toBeTruthy();
    expect(rowsOf(table)).toEqual([
      ['RAD-01 Leadership and commitment', '62.5%', '3.71', '80', 'suppressed', 'suppressed', 'suppressed'],
      ['RAD-07 Morale and organisational culture', '0%', '1.5', '80', '45.3%', '3.1', '40'],
    ]);
    expect(within(table).getAllByText('suppressed')[0]!.getAttribute('title')).toBe('Fewer than 10 respondents, or the next smallest beside such a cell: withheld so that no one can be recognised.');
    // The chart's own table: the suppressed bar is left out, the 0 drawn.
    const chartRows = screen.getByRole('img', { name: 'Favourable answers by key factor and group (%)' }).closest('figure')!.querySelectorAll('tbody tr');
    expect(Array.from(chartRows, (row) => Array.from(row.children, (cell) => cell.textContent))).toEqual([
      ['RAD-01 Leadership and commitment', '62.5', ''],
      ['RAD-07 Morale and organisational culture', '0', '45.25'],
    ]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Break the table down by' }), { target: { value: 'sex' } });

    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: /by key factor and group/ }))).toEqual([
      ['RAD-01 Leadership and commitment', 'Female', '66.7%', '3.88', '30', 'suppressed', 'suppressed', 'suppressed'],
      ['RAD-01 Leadership and commitment', 'Male', '60%', '3.6', '50', '—', '—', '—'],
    ]));
    const asked = api.sent.filter((sent) => sent.path.endsWith('/scores')).map((sent) => sent.query.get('by'));
    expect(asked).toEqual([null, 'sex']);
    // The chart stays whole: it was not asked again.
    expect(screen.getByRole('img', { name: 'Favourable answers by key factor and group (%)' })).toBeTruthy();
  });

  it('previews the chosen file as sent, shows the counts, unknown columns and rows needing attention, then imports it', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('coordinator')],
      [surveyPath]: [json(survey({ respondentCount: 0, answerCount: 0 })), json(survey({ respondentCount: 0, answerCount: 0 }))],
      [previewPath]: [json(preview())],
      [importPath]: [json(preview({ unknownColumns: [] }))],
    });
    renderScreen(api.client, path, at, <SurveyPage />);
    expect(await screen.findByText('No response imported yet: import the responses to see the scores.')).toBeTruthy();

    const file = 'respondent;group;OFF-01;OFF-02;Nom\r\nR-001;customs_official;4;2;\r\n';
    fireEvent.change(screen.getByLabelText('Responses (CSV or Excel)'), { target: { files: [new File([file], 'cips.csv', { type: 'text/csv' })] } });

    const shown = await screen.findByRole('region', { name: 'What the import would do' });
    const sent = api.sent.find((request) => request.method === 'POST')!;
    expect(sent.path).toBe(previewPath.slice('POST '.length));
    expect(sent.headers.get('Content-Type')).toBe('text/csv');
    expect(sent.body).toBe(file);
    expect(within(shown).getByRole('status').textContent).toBe('Rows read: 4; to be rejected: 1. Nothing is stored yet.');
    expect(totalsOf(shown)).toEqual([
      ['Rows read', '4'],
      ['Respondents to add', '2'],
      ['Already imported', '1'],
      ['To be rejected', '1'],
      ['Answers to add', '38'],
    ]);
    expect(within(shown).getByRole('heading', { name: 'Columns the questionnaire does not know (not read)' }).nextElementSibling!.textContent).toBe('Nom');
    const attention = within(shown).getByRole('table', { name: 'Rows needing attention, by line of the file' });
    expect(within(attention).getAllByRole('row').slice(1).map((row) => Array.from(row.children, (cell) => cell.textContent))).toEqual([
      ['5', 'R-004', preview().attention[0]!.problems.join('')],
    ]);
    expect(api.requests()).not.toContain(importPath);

    fireEvent.click(screen.getByRole('button', { name: 'Import the responses' }));

    const done = await screen.findByRole('region', { name: 'What the import did' });
    expect(within(done).getByRole('status').textContent).toBe('Rows read: 4; rejected: 1.');
    expect(totalsOf(done)[1]).toEqual(['Respondents added', '2']);
    expect(screen.queryByRole('region', { name: 'What the import would do' })).toBeNull();
    const posts = api.sent.filter((request) => request.method === 'POST');
    expect(posts.map((request) => [request.path, request.body])).toEqual([
      [previewPath.slice('POST '.length), file],
      [importPath.slice('POST '.length), file],
    ]);
    // The round's counts are read again.
    await waitFor(() => expect(api.requests().filter((request) => request === surveyPath)).toHaveLength(2));
  });

  it('reads in French', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('coordinator')],
      [surveyPath]: [json(survey())],
      [scoresPath]: [scores(null, [score('RAD-01', 'customs_official', { respondents: 80, favourablePercent: 62.5, mean: 3.71 }), score('RAD-01', 'private_sector', { respondents: null })])],
    });
    renderScreen(api.client, path, at, <SurveyPage />, 'fr');

    const table = await screen.findByRole('table', { name: 'Réponses favorables, réponse moyenne et répondants, par facteur clé et par groupe' });
    expect(screen.getByRole('heading', { level: 1, name: 'CIPS 2023 : Douanes burkinabè' })).toBeTruthy();
    expect(rowsOf(table)).toEqual([['RAD-01 Leadership et engagement', '62,5\u00a0%', '3,71', '80', 'masqué', 'masqué', 'masqué']]);
    expect(screen.getByRole('link', { name: 'Comparer avec les autres campagnes de l’administration' }).getAttribute('href')).toBe(
      `/administrations/${ids.burkina}/perception-trend?questionnaireId=${ids.officials}`,
    );
  });
});
