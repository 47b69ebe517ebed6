import { useState } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { TextField } from '@/components/fields';
import { RecordForm } from '@/components/RecordForm';
import { useMessages } from '@/i18n/LocaleProvider';
import { defineReportingPeriod, resultKeys, type PeriodFields, type Programme } from './api';
import { resultMessages } from './messages';

const fields = ['label', 'startsOn', 'endsOn'] as const;

/** Adds a reporting period (a year, a half-year…) within the programme's dates. */
export function DefineReportingPeriodForm({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const client = useApiClient();
  const t = useMessages(resultMessages);
  const [period, setPeriod] = useState<PeriodFields>({ label: '', startsOn: '', endsOn: '' });
  const define = useCommand((body: PeriodFields, { idempotencyKey }) => defineReportingPeriod(client, programme.id, body, idempotencyKey), {
    invalidates: [resultKeys.periods(programme.id)],
    onDone: onClose,
  });
  const field = (name: (typeof fields)[number]) => ({
    value: period[name],
    onValue: (value: string) => setPeriod({ ...period, [name]: value }),
    errors: define.errorsFor(name),
    required: true,
  });

  return (
    <RecordForm command={define} onSubmit={() => void define.run(period)} placedFields={fields} onCancel={onClose} label={t.periods.define}>
      <TextField label={t.periods.label} hint={t.periods.labelHint} {...field('label')} />
      <TextField label={t.periods.startsOn} type="date" min={programme.startsOn} max={programme.endsOn} {...field('startsOn')} />
      <TextField label={t.periods.endsOn} type="date" min={programme.startsOn} max={programme.endsOn} {...field('endsOn')} />
    </RecordForm>
  );
}
