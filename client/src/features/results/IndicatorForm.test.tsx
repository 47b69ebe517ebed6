import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '@/test/render';
import { problem, stubApi } from '@/test/stubApi';
import type { Indicator } from './api';
import { IndicatorForm } from './IndicatorForm';

const programmeId = '00000000-0000-4000-8000-000000000001';
const indicatorsPath = `/api/v1/programmes/${programmeId}/indicators`;

const hours: Indicator = {
  id: '00000000-0000-4000-8000-000000000002',
  programmeId,
  code: '1.2',
  titleEn: 'Hours of integrity training received',
  titleFr: 'Heures de formation à l’éthique reçues',
  unit: 'participant-hours',
  measure: 'unit',
  iatiMeasureCode: 1,
  ascending: true,
  disaggregations: ['sex'],
  computedBy: 'participant_hours',
  version: 3,
};

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('IndicatorForm', () => {
  it('defines a computed indicator with an Idempotency-Key, taking the measure of its rule, and shows field errors', async () => {
    const api = stubApi({
      [`POST ${indicatorsPath}`]: [problem(400, 'Validation failed', undefined, { errors: { Code: ['1.1 is taken in this programme.'] } })],
    });
    renderWithApi(<IndicatorForm programmeId={programmeId} />, api.client);
    type('Code', '1.1');
    type('Unit', '%');
    type('Title in English', 'Actions done on time');
    type('Title in French', 'Actions réalisées dans les délais');
    type('Computed from the records by', 'actions_done_on_time_percent');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Administration' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Measure').value).toBe('percentage');
    expect(screen.getByLabelText<HTMLSelectElement>('Measure').disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByLabelText('Code').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('1.1 is taken in this programme.')).toBeTruthy();
    expect(api.sent[0]!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(JSON.parse(api.sent[0]!.body)).toEqual({
      code: '1.1',
      titleEn: 'Actions done on time',
      titleFr: 'Actions réalisées dans les délais',
      unit: '%',
      measure: 'percentage',
      ascending: true,
      disaggregations: ['administration'],
      computedBy: 'actions_done_on_time_percent',
    });
  });

  it('updates with If-Match, and after a lost race reloads the indicator while keeping what was typed', async () => {
    const api = stubApi({ [`PUT ${indicatorsPath}/${hours.id}`]: [problem(412, 'Precondition failed')] });
    const onReload = vi.fn();
    renderWithApi(<IndicatorForm programmeId={programmeId} indicator={hours} onReload={onReload} />, api.client);
    type('Unit', 'hours');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledOnce();
    expect(api.sent[0]!.headers.get('If-Match')).toBe('"3"');
    expect(JSON.parse(api.sent[0]!.body)).toMatchObject({ code: '1.2', unit: 'hours', computedBy: 'participant_hours', disaggregations: ['sex'] });
    expect(screen.getByLabelText<HTMLInputElement>('Unit').value).toBe('hours');
  });
});
