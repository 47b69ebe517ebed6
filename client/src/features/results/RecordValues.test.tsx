import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '@/test/render';
import { json, problem, stubApi } from '@/test/stubApi';
import type { Indicator, PeriodValues } from './api';
import { breakdownProblems, bucketSlots, formOf } from './enteredValues';
import { RecordValues } from './RecordValuesPage';

const programmeId = '00000000-0000-4000-8000-000000000001';
const indicatorId = '00000000-0000-4000-8000-000000000002';
const periodId = '00000000-0000-4000-8000-000000000003';
const valuesPath = `/api/v1/programmes/${programmeId}/indicators/${indicatorId}/values/${periodId}`;

const surveyed: Indicator = {
  id: indicatorId,
  programmeId,
  code: '3.1',
  titleEn: 'Officials surveyed who know the code of conduct',
  titleFr: 'Fonctionnaires interrogés qui connaissent le code de conduite',
  unit: 'officials',
  measure: 'unit',
  iatiMeasureCode: 1,
  ascending: true,
  disaggregations: ['sex'],
  version: 1,
};

const nothingYet: PeriodValues = { periodId, label: '2024', startsOn: '2024-01-01', endsOn: '2024-12-31', disaggregations: [], version: null };

const recorded: PeriodValues = {
  ...nothingYet,
  target: 40,
  actual: 38,
  disaggregations: [
    { sex: 'female', target: 20, actual: 19 },
    { sex: 'male', target: 20, actual: 19 },
    { sex: 'not_recorded', target: 0, actual: 0 },
  ],
  version: 4,
};

function renderForm(values: PeriodValues, routes: Parameters<typeof stubApi>[0] = {}, indicator = surveyed, locale: 'en' | 'fr' = 'en') {
  const api = stubApi(routes);
  const onReload = vi.fn();
  renderWithApi(<RecordValues indicator={indicator} values={values} keyFactors={[]} onReload={onReload} />, api.client, { locale });
  return { api, onReload };
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('breakdownProblems', () => {
  it('checks that a full split by sex or administration adds up, but not key factors, which overlap', () => {
    const indicator: Indicator = { ...surveyed, disaggregations: ['sex', 'administration', 'key_factor'] };
    const slots = bucketSlots(indicator, ['a1', 'a2'], ['RAD-01', 'RAD-02']);
    const form = formOf(undefined);
    form.target = '10';
    form.buckets = {
      'sex:female': { target: '4', actual: '' },
      'sex:male': { target: '5', actual: '' },
      'sex:not_recorded': { target: '0', actual: '' },
      'administration:a1': { target: '7', actual: '' },
      'key_factor:RAD-01': { target: '9', actual: '' },
      'key_factor:RAD-02': { target: '9', actual: '' },
    };
    // Sex is complete and wrong; administrations are incomplete; key factors need not add up.
    expect(breakdownProblems(form, indicator, slots)).toEqual([{ kind: 'notAddingUp', dimension: 'sex', field: 'target', sum: 9, total: 10 }]);
    expect(breakdownProblems(form, { ...indicator, measure: 'percentage' }, slots)).toEqual([]);
  });
});

describe('RecordValues', () => {
  it('says next to the split when the figures by sex do not add up, and sends nothing', async () => {
    const { api } = renderForm(nothingYet);
    type('Target', '25');
    type('Female: Target', '10');
    type('Male: Target', '14');
    type('Not recorded: Target', '0');
    save();

    const split = screen.getByRole('group', { name: 'By sex' });
    expect(within(split).getByRole('alert').textContent).toBe('The targets by bucket add up to 24, not 25.');
    expect(split.getAttribute('aria-describedby')).toBeTruthy();
    type('Male: Target', 'fifteen');
    save();
    expect(screen.getByLabelText('Male: Target').getAttribute('aria-invalid')).toBe('true');
    expect(api.sent).toEqual([]);
  });

  it('records the first values without If-Match, only the buckets given', async () => {
    const { api } = renderForm(nothingYet, { [`PUT ${valuesPath}`]: [json({ id: periodId, version: 1 }, 201)] });
    type('Target', '25');
    type('Female: Target', '10');
    type('Male: Target', '15');
    type('Target: comments', 'Survey of December');
    save();

    await vi.waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]!.headers.get('If-Match')).toBeNull();
    expect(JSON.parse(api.sent[0]!.body)).toEqual({
      target: 25,
      actual: null,
      targetComment: 'Survey of December',
      actualComment: null,
      disaggregations: [
        { sex: 'female', target: 10, actual: null },
        { sex: 'male', target: 15, actual: null },
      ],
    });
  });

  it('changes recorded values with If-Match, and shows the API errors next to the bucket they name', async () => {
    const { api } = renderForm(recorded, {
      [`PUT ${valuesPath}`]: [problem(400, 'Validation failed', undefined, { errors: { 'Disaggregations[1].actual': ['A count is never negative.'] } })],
    });
    expect(screen.getByLabelText<HTMLInputElement>('Female: Actual').value).toBe('19');
    type('Male: Actual', '-1');
    type('Female: Actual', '39');
    save();

    const male = screen.getByLabelText('Male: Actual');
    await vi.waitFor(() => expect(male.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(male.getAttribute('aria-describedby')!)!.textContent).toBe('A count is never negative.');
    expect(api.sent[0]!.headers.get('If-Match')).toBe('"4"');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains a locked period (409) and keeps what was typed', async () => {
    renderForm(recorded, { [`PUT ${valuesPath}`]: [problem(409, 'The period is locked', 'The report of Burkina Faso Customs for 2024 is submitted.')] });
    type('Actual', '39');
    type('Female: Actual', '20');
    save();

    expect((await screen.findByRole('alert')).textContent).toContain('The report of Burkina Faso Customs for 2024 is submitted.');
    expect(screen.getByText(/^This period is locked/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Actual').value).toBe('39');
  });

  it('offers to reload after a lost race (412)', async () => {
    const { onReload } = renderForm(recorded, { [`PUT ${valuesPath}`]: [problem(412, 'Precondition failed')] });
    save();
    fireEvent.click(await screen.findByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledOnce();
  });

  it('takes targets only for a computed indicator, and speaks French', async () => {
    renderForm({ ...recorded, actual: 26 }, {}, { ...surveyed, computedBy: 'officials_trained' }, 'fr');
    expect(screen.getByLabelText('Cible')).toBeTruthy();
    expect(screen.queryByLabelText('Réalisation')).toBeNull();
    expect(screen.getByLabelText('Femmes : Cible')).toBeTruthy();
    expect(screen.getByText('Réalisation (calculée à partir des enregistrements) : 26')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Par sexe' })).toBeTruthy();
  });
});
